/**
 * A model of the browser's side of the CORS protocol, as Chromium implements the WHATWG
 * Fetch standard: which requests need a preflight and how it is sent, how the preflight
 * and the response are checked, which response headers a script can read, and what the
 * console says when a request is blocked.
 * <p>
 * The model knows URIs, strings and bytes only, and nothing of the server it talks to: a
 * {@link io.github.corsstarter.test.browser.BrowserTransport} carries its requests, and
 * {@link io.github.corsstarter.test.browser.ChromiumFetch} evaluates one {@code fetch()}
 * call over it. It shares no code with the starter's engine, so that it can judge it.
 */
@NullMarked
package io.github.corsstarter.test.browser;

import org.jspecify.annotations.NullMarked;
