package io.github.corsstarter.test.browser;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A request as the browser puts it on the wire: a preflight or an actual request.
 *
 * @param method the method
 * @param url the absolute URL
 * @param headers the header lines, in the order they are sent
 * @param body the body, empty when there is none
 */
public record BrowserRequest(String method, URI url, List<HttpHeader> headers, byte[] body) {

	/**
	 * Creates a request.
	 * @param method the method
	 * @param url the absolute URL
	 * @param headers the header lines
	 * @param body the body
	 */
	public BrowserRequest {
		Objects.requireNonNull(method, "method");
		Objects.requireNonNull(url, "url");
		headers = List.copyOf(headers);
		body = body.clone();
	}

	/**
	 * Returns the value of a header, its lines joined with {@code ", "}.
	 * @param name the name, in any case
	 * @return the value, or {@code null} when the request has no such header
	 */
	public @Nullable String header(String name) {
		return HeaderLines.combined(this.headers, name);
	}

	@Override
	public byte[] body() {
		return this.body.clone();
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof BrowserRequest that && this.method.equals(that.method) && this.url.equals(that.url)
				&& this.headers.equals(that.headers) && Arrays.equals(this.body, that.body);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.method, this.url, this.headers, Arrays.hashCode(this.body));
	}

	@Override
	public String toString() {
		return this.method + " " + this.url + " " + this.headers;
	}

}
