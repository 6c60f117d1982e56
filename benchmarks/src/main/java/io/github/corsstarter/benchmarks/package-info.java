/**
 * JMH benchmarks of the starter against Spring Framework's own CORS support
 * ({@code DefaultCorsProcessor} with a {@code CorsConfiguration}, behind
 * {@code CorsFilter} and {@code CorsWebFilter}), configured for the same policy and run
 * on the same {@link io.github.corsstarter.benchmarks.Scenario scenarios}. Every
 * benchmark first checks, in its setup, that both implementations reach the scenario's
 * expected decision.
 */
@NullMarked
package io.github.corsstarter.benchmarks;

import org.jspecify.annotations.NullMarked;
