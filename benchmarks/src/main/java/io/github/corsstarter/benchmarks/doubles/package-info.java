/**
 * Requests and responses handed to both implementations. The servlet ones allocate
 * nothing themselves (preset headers, reused instances, recycled between operations), so
 * the bytes per operation that {@code -prof gc} reports are the filter's own; the
 * reactive response keeps the life cycle of a server's own and drops the rest.
 */
@NullMarked
package io.github.corsstarter.benchmarks.doubles;

import org.jspecify.annotations.NullMarked;
