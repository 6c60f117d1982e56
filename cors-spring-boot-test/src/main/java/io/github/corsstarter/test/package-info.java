/**
 * Test support for CORS: {@link io.github.corsstarter.test.CorsBrowser} sends a
 * {@code fetch()} from a page's origin to the application under test, as Chromium would,
 * and {@link io.github.corsstarter.test.CorsAssertions} says what the page got.
 */
@NullMarked
package io.github.corsstarter.test;

import org.jspecify.annotations.NullMarked;
