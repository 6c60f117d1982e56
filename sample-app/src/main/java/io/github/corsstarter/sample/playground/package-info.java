/**
 * The playground: a page on its own origin that calls the sample API, to watch CORS
 * happen in a browser.
 */
@NullMarked
package io.github.corsstarter.sample.playground;

import org.jspecify.annotations.NullMarked;
