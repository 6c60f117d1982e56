package io.github.corsstarter.test;

import java.util.Locale;

import io.github.corsstarter.test.browser.CorsError;
import io.github.corsstarter.test.browser.FetchResult;
import io.github.corsstarter.test.browser.FetchStep;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on a {@link FetchResult}. Every failure message describes the whole
 * fetch: the requests sent, the responses received, and the browser's verdict.
 */
public class FetchResultAssert extends AbstractAssert<FetchResultAssert, FetchResult> {

	/**
	 * Creates assertions on a result.
	 * @param actual the result
	 */
	public FetchResultAssert(FetchResult actual) {
		super(actual, FetchResultAssert.class);
	}

	/**
	 * Verifies that the browser let the script have the response.
	 * @return this
	 */
	public FetchResultAssert isAllowed() {
		isNotNull();
		if (this.actual.isBlocked()) {
			failWithMessage("Expected the browser to allow the request, but it was blocked%n%s", describe());
		}
		return this;
	}

	/**
	 * Verifies that {@code fetch()} rejected.
	 * @return this
	 */
	public FetchResultAssert isBlocked() {
		isNotNull();
		if (this.actual.isAllowed()) {
			failWithMessage("Expected the browser to block the request, but it was allowed%n%s", describe());
		}
		return this;
	}

	/**
	 * Verifies that the browser blocked the request at a step.
	 * @param step the step
	 * @return this
	 */
	public FetchResultAssert isBlockedAt(FetchStep step) {
		isBlocked();
		CorsError error = this.actual.error().orElseThrow();
		if (error.step() != step) {
			failWithMessage("Expected the request to be blocked at %s, but it was blocked at %s%n%s", step,
					error.step(), describe());
		}
		return this;
	}

	/**
	 * Verifies that the browser blocked the request with a console message that contains
	 * a text.
	 * @param text the text, such as {@code "No 'Access-Control-Allow-Origin' header"}
	 * @return this
	 */
	public FetchResultAssert isBlockedWithMessageContaining(String text) {
		isBlocked();
		if (!this.actual.error().orElseThrow().consoleMessage().contains(text)) {
			failWithMessage("Expected the console message to contain%n  %s%n%s", text, describe());
		}
		return this;
	}

	/**
	 * Verifies that the hint for a blocked request contains a text, such as a property
	 * name.
	 * @param text the text
	 * @return this
	 */
	public FetchResultAssert hasHintContaining(String text) {
		isBlocked();
		if (!this.actual.error().orElseThrow().hint().contains(text)) {
			failWithMessage("Expected the hint to contain%n  %s%n%s", text, describe());
		}
		return this;
	}

	/**
	 * Verifies that the browser sent a preflight.
	 * @return this
	 */
	public FetchResultAssert sentPreflight() {
		isNotNull();
		if (!this.actual.isPreflightSent()) {
			failWithMessage("Expected the browser to send a preflight, but it sent none%n%s", describe());
		}
		return this;
	}

	/**
	 * Verifies that the browser sent no preflight.
	 * @return this
	 */
	public FetchResultAssert sentNoPreflight() {
		isNotNull();
		if (this.actual.isPreflightSent()) {
			failWithMessage("Expected the browser to send no preflight, but it sent one%n%s", describe());
		}
		return this;
	}

	/**
	 * Verifies that the actual request reached the server.
	 * @return this
	 */
	public FetchResultAssert reachedServer() {
		isNotNull();
		if (!this.actual.hasReachedServer()) {
			failWithMessage("Expected the request to reach the server, but the browser never sent it%n%s", describe());
		}
		return this;
	}

	/**
	 * Verifies that the browser never sent the actual request (a preflight may have
	 * gone).
	 * @return this
	 */
	public FetchResultAssert didNotReachServer() {
		isNotNull();
		if (this.actual.hasReachedServer()) {
			failWithMessage("Expected the browser not to send the request, but the server received it%n%s", describe());
		}
		return this;
	}

	/**
	 * Verifies the status the script sees.
	 * @param status the expected status
	 * @return this
	 */
	public FetchResultAssert hasStatus(int status) {
		isAllowed();
		if (this.actual.status() != status) {
			failWithMessage("Expected the script to see status %s, but it sees %s%n%s", status, this.actual.status(),
					describe());
		}
		return this;
	}

	/**
	 * Verifies that the script can read a response header.
	 * @param name the header's name
	 * @return this
	 */
	public FetchResultAssert canReadHeader(String name) {
		isAllowed();
		if (this.actual.readableHeader(name).isEmpty()) {
			boolean sent = this.actual.requests()
				.get(this.actual.requests().size() - 1)
				.response()
				.header(name) != null;
			failWithMessage("Expected the script to read '%s', but %s%n%s", name,
					sent ? "the response does not expose it: add it to Access-Control-Expose-Headers"
							+ " (cors-spring-boot-starter: cors.exposed-headers)" : "the response has no such header",
					describe());
		}
		return this;
	}

	/**
	 * Verifies that the script can read a response header with a value.
	 * @param name the header's name
	 * @param value the value {@code response.headers.get(name)} returns
	 * @return this
	 */
	public FetchResultAssert canReadHeader(String name, String value) {
		canReadHeader(name);
		String actualValue = this.actual.readableHeader(name).orElseThrow();
		if (!actualValue.equals(value)) {
			failWithMessage("Expected the script to read '%s: %s', but it reads '%s'%n%s", name, value, actualValue,
					describe());
		}
		return this;
	}

	/**
	 * Verifies that the script cannot read a response header (it may still be on the
	 * wire).
	 * @param name the header's name
	 * @return this
	 */
	public FetchResultAssert cannotReadHeader(String name) {
		isNotNull();
		if (this.actual.readableHeader(name).isPresent()) {
			failWithMessage("Expected the script not to read '%s', but it can%n%s", name.toLowerCase(Locale.ROOT),
					describe());
		}
		return this;
	}

	/**
	 * Verifies that the browser did nothing another browser would do otherwise, and
	 * dropped nothing silently.
	 * @return this
	 */
	public FetchResultAssert hasNoWarnings() {
		isNotNull();
		if (!this.actual.warnings().isEmpty()) {
			failWithMessage("Expected no warnings%n%s", describe());
		}
		return this;
	}

	/**
	 * Verifies that a warning contains a text.
	 * @param text the text
	 * @return this
	 */
	public FetchResultAssert hasWarningContaining(String text) {
		isNotNull();
		if (this.actual.warnings().stream().noneMatch((warning) -> warning.contains(text))) {
			failWithMessage("Expected a warning containing%n  %s%n%s", text, describe());
		}
		return this;
	}

	private String describe() {
		return this.actual.describe();
	}

}
