package io.github.corsstarter.test.browser;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * One case of a CORS table: a {@code fetch()} from a page, how the server answers it, and
 * what the browser does. The browser model and headless Chromium both run the table's
 * cases.
 * <p>
 * The request is sent to {@code <api>/c/<name>/x}. The server answers every
 * {@code OPTIONS} with {@link #preflight()}, a request to {@code /c/<name>/target} (where
 * the redirect cases send the browser) with {@link #redirected()}, and any other request
 * with {@link #response()}.
 *
 * @param name the case's name, unique in its table
 * @param method the method as the script passes it
 * @param credentials the credentials mode
 * @param headers the headers the script sets
 * @param body the text body, or {@code null}
 * @param preflight the answer to a preflight
 * @param response the answer to the request
 * @param redirected the answer to the request after a redirect
 * @param expected what the browser does, or {@code null} in a generated case
 */
public record CorsCase(String name, String method, Credentials credentials, List<HttpHeader> headers,
		@Nullable String body, Reply preflight, Reply response, Reply redirected, @Nullable Expected expected) {

	/**
	 * The answer a server gives when the table names none.
	 */
	public static final Reply NOT_FOUND = new Reply(404, List.of(), "");

	/**
	 * Returns the path the case's request goes to.
	 * @return the path
	 */
	public String path() {
		return "/c/" + this.name + "/x";
	}

	/**
	 * Returns the path a redirect of the case leads to ({@code Location: target}).
	 * @return the path
	 */
	public String targetPath() {
		return "/c/" + this.name + "/target";
	}

	/**
	 * Writes the case as a line of a table.
	 * @return the line
	 */
	public String toLine() {
		List<String> request = new ArrayList<>();
		request.add(this.method + " " + this.credentials.value());
		this.headers.forEach((header) -> request.add(header.name() + ": " + header.value()));
		if (this.body != null) {
			request.add("body=" + this.body);
		}
		return this.name + " | " + String.join(";; ", request) + " | " + this.preflight.toText() + " | "
				+ this.response.toText()
				+ ((this.redirected.equals(NOT_FOUND)) ? "" : " => " + this.redirected.toText());
	}

	/**
	 * A server's answer, where the values may name the page's origin as {@code {origin}}.
	 *
	 * @param status the status
	 * @param headers the header lines, sent as they are, duplicates included
	 * @param body the body
	 */
	public record Reply(int status, List<HttpHeader> headers, String body) {

		/**
		 * Returns the answer with {@code {origin}} and {@code {host}} replaced by the
		 * page's origin and its host and port.
		 * @param origin the page's origin
		 * @return the answer
		 */
		public Reply forOrigin(String origin) {
			String host = origin.substring(origin.indexOf("://") + 3);
			return new Reply(this.status,
					this.headers.stream()
						.map((header) -> new HttpHeader(header.name(),
								header.value()
									.replace("{ORIGIN}", origin.toUpperCase(Locale.ROOT))
									.replace("{origin}", origin)
									.replace("{host}", host)))
						.toList(),
					this.body);
		}

		/**
		 * Returns the answer as a response off the wire.
		 * @return the response
		 */
		public ServerResponse toResponse() {
			return new ServerResponse(this.status, this.headers, this.body.getBytes(StandardCharsets.UTF_8));
		}

		String toText() {
			List<String> parts = new ArrayList<>();
			parts.add(String.valueOf(this.status));
			this.headers.forEach((header) -> parts.add(header.name() + ": " + header.value()));
			if (!this.body.isEmpty()) {
				parts.add("body=" + this.body);
			}
			return String.join(";; ", parts);
		}

	}

	/**
	 * What the browser does with a case, as far as the table says.
	 *
	 * @param step the step that blocks, or {@code null} when the fetch is allowed
	 * @param status the status the script sees when allowed, or {@code null} if unchecked
	 * @param preflight whether a preflight is sent
	 * @param reached whether the request reaches the server
	 * @param readable header names the script must be able to read
	 * @param unreadable header names the script must not be able to read
	 * @param sent header names the (first) actual request must carry
	 * @param unsent header names the (first) actual request must not carry
	 * @param requestHeaders the preflight's {@code Access-Control-Request-Headers}, or
	 * {@code null} if unchecked ({@code -} for none)
	 * @param message a text the console message must contain, or {@code null}
	 * @param warning whether the model must warn
	 */
	public record Expected(@Nullable FetchStep step, @Nullable Integer status, boolean preflight, boolean reached,
			List<String> readable, List<String> unreadable, List<String> sent, List<String> unsent,
			@Nullable String requestHeaders, @Nullable String message, boolean warning) {

	}

}
