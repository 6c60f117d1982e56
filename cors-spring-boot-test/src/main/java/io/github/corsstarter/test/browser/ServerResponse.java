package io.github.corsstarter.test.browser;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A response as it comes off the wire, before the browser decides what the script may see
 * of it.
 *
 * @param status the status code
 * @param headers the header lines, duplicates included, in the order received
 * @param body the body, empty when there is none
 */
public record ServerResponse(int status, List<HttpHeader> headers, byte[] body) {

	/**
	 * Creates a response.
	 * @param status the status code
	 * @param headers the header lines
	 * @param body the body
	 */
	public ServerResponse {
		headers = List.copyOf(headers);
		body = body.clone();
	}

	/**
	 * Returns the value of a header as the browser reads it: its lines joined with
	 * {@code ", "}.
	 * @param name the name, in any case
	 * @return the value, or {@code null} when the response has no such header
	 */
	public @Nullable String header(String name) {
		return HeaderLines.combined(this.headers, name);
	}

	/**
	 * Returns the values of the lines with the given name, one per line, as received.
	 * @param name the name, in any case
	 * @return the values, empty when the response has no such header
	 */
	public List<String> headerValues(String name) {
		return HeaderLines.values(this.headers, name);
	}

	/**
	 * Returns the body decoded as UTF-8.
	 * @return the body's text
	 */
	public String bodyText() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

	@Override
	public byte[] body() {
		return this.body.clone();
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof ServerResponse that && this.status == that.status && this.headers.equals(that.headers)
				&& Arrays.equals(this.body, that.body);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.status, this.headers, Arrays.hashCode(this.body));
	}

	@Override
	public String toString() {
		return this.status + " " + this.headers;
	}

}
