/**
 * Servlet adapter: a filter that asks the {@link io.github.corsstarter.policy.CorsPolicy}
 * about each request and writes what it decides.
 */
@NullMarked
package io.github.corsstarter.servlet;

import org.jspecify.annotations.NullMarked;
