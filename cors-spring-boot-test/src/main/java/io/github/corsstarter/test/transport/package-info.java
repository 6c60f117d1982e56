/**
 * {@link io.github.corsstarter.test.browser.BrowserTransport}s over Spring's test clients
 * and over real HTTP: each sends the browser's requests as they are and returns every
 * response header line, without following redirects. A transport needs only the client it
 * drives on the class path.
 */
@NullMarked
package io.github.corsstarter.test.transport;

import org.jspecify.annotations.NullMarked;
