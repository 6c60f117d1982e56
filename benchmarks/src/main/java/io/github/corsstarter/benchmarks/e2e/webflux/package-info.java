/**
 * The WebFlux application of the end-to-end benchmark.
 */
@NullMarked
package io.github.corsstarter.benchmarks.e2e.webflux;

import org.jspecify.annotations.NullMarked;
