package io.github.corsstarter.test.browser;

/**
 * Carries the browser's requests to the server under test and brings its responses back
 * unchanged: every header line, redirects not followed.
 */
@FunctionalInterface
public interface BrowserTransport {

	/**
	 * Sends one request and returns the server's response.
	 * @param request the request, with an absolute URL
	 * @return the response
	 */
	ServerResponse exchange(BrowserRequest request);

}
