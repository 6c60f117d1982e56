/**
 * The applications {@code e2e.sh} starts and loads with wrk: a Spring MVC and a WebFlux
 * API, each with CORS from nowhere ({@code none}), from Spring's own filter
 * ({@code spring}) or from the starter ({@code starter}), or with no CORS but the
 * starter's headers echoed on every response ({@code headers}), chosen by the
 * {@code bench.cors} property.
 */
@NullMarked
package io.github.corsstarter.benchmarks.e2e;

import org.jspecify.annotations.NullMarked;
