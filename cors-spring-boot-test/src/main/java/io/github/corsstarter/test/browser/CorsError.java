package io.github.corsstarter.test.browser;

/**
 * Why the browser blocked a {@code fetch()}: the step that failed, the message Chromium
 * prints in the console, and what to change on the server.
 *
 * @param step the step that failed
 * @param consoleMessage the console message, in Chromium's words
 * @param hint what to change, naming the {@code cors.*} property when the server is
 * cors-spring-boot-starter
 */
public record CorsError(FetchStep step, String consoleMessage, String hint) {

	@Override
	public String toString() {
		return this.step + ": " + this.consoleMessage + " (" + this.hint + ")";
	}

}
