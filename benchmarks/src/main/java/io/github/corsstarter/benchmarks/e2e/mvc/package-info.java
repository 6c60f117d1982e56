/**
 * The Spring MVC application of the end-to-end benchmark.
 */
@NullMarked
package io.github.corsstarter.benchmarks.e2e.mvc;

import org.jspecify.annotations.NullMarked;
