/**
 * Reactive adapter: a {@code WebFilter} that asks the
 * {@link io.github.corsstarter.policy.CorsPolicy} about each exchange and writes what it
 * decides.
 */
@NullMarked
package io.github.corsstarter.reactive;

import org.jspecify.annotations.NullMarked;
