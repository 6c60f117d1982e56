/**
 * Auto-configuration: binds the {@code cors.*} properties, compiles them into the
 * {@link io.github.corsstarter.policy.CorsPolicy} and registers the filter of the
 * application's web stack.
 */
@NullMarked
package io.github.corsstarter.autoconfigure;

import org.jspecify.annotations.NullMarked;
