package io.github.corsstarter.test.browser;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * What a {@code fetch()} came to: allowed, with the status, headers and body the script
 * can read, or blocked, with the step that failed and Chromium's console message; and in
 * both cases the requests the server received.
 */
public final class FetchResult {

	private final FetchCall call;

	private final List<Exchange> preflights;

	private final List<Exchange> requests;

	private final @Nullable CorsError error;

	private final @Nullable ServerResponse response;

	private final Map<String, String> readableHeaders;

	private final List<String> warnings;

	FetchResult(FetchCall call, List<Exchange> preflights, List<Exchange> requests, @Nullable CorsError error,
			@Nullable ServerResponse response, Map<String, String> readableHeaders, List<String> warnings) {
		this.call = call;
		this.preflights = List.copyOf(preflights);
		this.requests = List.copyOf(requests);
		this.error = error;
		this.response = response;
		this.readableHeaders = Map.copyOf(readableHeaders);
		this.warnings = List.copyOf(warnings);
	}

	/**
	 * Returns the call as the browser read it.
	 * @return the call
	 */
	public FetchCall call() {
		return this.call;
	}

	/**
	 * Returns whether the script got a response: {@code fetch()} resolved.
	 * @return whether the request was allowed
	 */
	public boolean isAllowed() {
		return this.error == null;
	}

	/**
	 * Returns whether {@code fetch()} rejected with a {@code TypeError}.
	 * @return whether the request was blocked
	 */
	public boolean isBlocked() {
		return this.error != null;
	}

	/**
	 * Returns why the request was blocked.
	 * @return the error, empty when the request was allowed
	 */
	public Optional<CorsError> error() {
		return Optional.ofNullable(this.error);
	}

	/**
	 * Returns whether the browser sent a preflight.
	 * @return whether a preflight was sent
	 */
	public boolean isPreflightSent() {
		return !this.preflights.isEmpty();
	}

	/**
	 * Returns the preflights sent, one per URL that needed one (more than one only after
	 * redirects).
	 * @return the preflights and their responses
	 */
	public List<Exchange> preflights() {
		return this.preflights;
	}

	/**
	 * Returns the first preflight sent.
	 * @return the preflight and its response, empty when none was sent
	 */
	public Optional<Exchange> preflight() {
		return this.preflights.stream().findFirst();
	}

	/**
	 * Returns whether the actual request reached the server (even if the browser then
	 * blocked the response).
	 * @return whether the server received the request
	 */
	public boolean hasReachedServer() {
		return !this.requests.isEmpty();
	}

	/**
	 * Returns the actual requests sent: one, or one per redirect followed.
	 * @return the requests and their responses
	 */
	public List<Exchange> requests() {
		return this.requests;
	}

	/**
	 * Returns the status the script sees.
	 * @return the status
	 * @throws IllegalStateException when the request was blocked: the script sees no
	 * status
	 */
	public int status() {
		return visibleResponse().status();
	}

	/**
	 * Returns the headers the script can read, as iterating {@code response.headers}
	 * yields them: lowercase names, in order, repeated lines joined with {@code ", "}.
	 * @return the readable headers, empty when the request was blocked
	 */
	public Map<String, String> readableHeaders() {
		return new TreeMap<>(this.readableHeaders);
	}

	/**
	 * Returns a header as {@code response.headers.get(name)} returns it.
	 * @param name the name, in any case
	 * @return the value, empty when the script cannot read it or the response has none
	 */
	public Optional<String> readableHeader(String name) {
		return Optional.ofNullable(this.readableHeaders.get(name.toLowerCase(Locale.ROOT)));
	}

	/**
	 * Returns the response body the script can read, as UTF-8 text.
	 * @return the body
	 * @throws IllegalStateException when the request was blocked
	 */
	public String body() {
		return visibleResponse().bodyText();
	}

	/**
	 * Returns what the browser did that another browser, or the Fetch standard, would do
	 * otherwise, and what it did silently (such as dropping a forbidden header).
	 * @return the warnings
	 */
	public List<String> warnings() {
		return this.warnings;
	}

	private ServerResponse visibleResponse() {
		if (this.response == null) {
			throw new IllegalStateException("The request was blocked, so the script sees no response: " + this.error);
		}
		return this.response;
	}

	/**
	 * Describes the outcome on several lines: the call, each request and response, and
	 * the verdict.
	 * @return the description
	 */
	public String describe() {
		StringBuilder description = new StringBuilder(this.call.toString()).append('\n');
		for (Exchange preflight : this.preflights) {
			description.append("  preflight ").append(preflight.request()).append("\n    -> ");
			description.append(preflight.response()).append('\n');
		}
		for (Exchange request : this.requests) {
			description.append("  request ").append(request.request()).append("\n    -> ");
			description.append(request.response()).append('\n');
		}
		if (this.error != null) {
			description.append("  blocked at ").append(this.error.step()).append(": ");
			description.append(this.error.consoleMessage()).append("\n  hint: ").append(this.error.hint());
		}
		else {
			description.append("  allowed: status ").append(status()).append(", readable headers ");
			description.append(this.readableHeaders.keySet());
		}
		for (String warning : this.warnings) {
			description.append("\n  warning: ").append(warning);
		}
		return description.toString();
	}

	@Override
	public String toString() {
		return describe();
	}

}
