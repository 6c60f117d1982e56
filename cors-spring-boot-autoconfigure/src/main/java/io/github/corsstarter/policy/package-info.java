/**
 * CORS engine: compiles settings into an immutable
 * {@link io.github.corsstarter.policy.CorsPolicy} once, then answers each request with a
 * precomputed {@link io.github.corsstarter.policy.CorsDecision}.
 * <p>
 * This package knows strings, not servlets, Reactor or spring-web: the web adapters
 * translate their requests into a {@link io.github.corsstarter.policy.CorsRequest} and
 * write what the decision says.
 */
@NullMarked
package io.github.corsstarter.policy;

import org.jspecify.annotations.NullMarked;
