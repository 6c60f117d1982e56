package io.github.corsstarter.test.browser;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A {@code fetch()} call as a page's script makes it, after the browser has read it: the
 * method normalized, forbidden headers dropped, repeated headers combined, and the
 * {@code Content-Type} a text body implies added.
 */
public final class FetchCall {

	private final String origin;

	private final String method;

	private final URI url;

	private final List<HttpHeader> headers;

	private final Credentials credentials;

	private final byte @Nullable [] body;

	private final @Nullable String cookies;

	private final List<String> warnings;

	private final @Nullable String problem;

	private FetchCall(Builder builder) {
		this.origin = Origins.parse(builder.origin);
		this.url = absolute(builder.url);
		this.credentials = builder.credentials;
		this.cookies = builder.cookies;
		List<String> warnings = new ArrayList<>();
		// In the order Chromium reads the call: the headers' strings, the method, the
		// headers, the body.
		String problem = builder.headers.stream()
			.filter((header) -> FetchRules.isBeyondLatin1(header.name() + header.value()))
			.findFirst()
			.map((header) -> "Failed to read the 'headers' property from 'RequestInit': String contains non"
					+ " ISO-8859-1 code point.")
			.orElse(null);
		String method = builder.method;
		if (problem == null && !FetchRules.isToken(method)) {
			problem = "'" + method + "' is not a valid HTTP method.";
		}
		else if (problem == null && FetchRules.isForbiddenMethod(method)) {
			problem = "'" + method + "' HTTP method is unsupported.";
		}
		method = FetchRules.normalizeMethod(method);
		Map<String, HttpHeader> headers = new LinkedHashMap<>();
		for (HttpHeader header : builder.headers) {
			String value = FetchRules.normalizeValue(header.value());
			String key = header.name().toLowerCase(Locale.ROOT);
			if (!FetchRules.isToken(header.name())) {
				problem = (problem != null) ? problem : "Invalid name";
			}
			else if (!FetchRules.isValidValue(value)) {
				problem = (problem != null) ? problem : "Invalid value";
			}
			else if (FetchRules.isForbiddenHeader(header.name(), value)) {
				warnings.add("The browser drops the header '" + header.name() + "': scripts may not set it"
						+ (key.equals("user-agent") ? " in Chromium (the Fetch standard allows it)" : "")
						+ ", so the server never sees the script's value.");
			}
			else {
				HttpHeader existing = headers.get(key);
				headers.put(key, (existing != null) ? new HttpHeader(existing.name(), existing.value() + ", " + value)
						: new HttpHeader(header.name(), value));
			}
		}
		if (builder.body != null) {
			if (problem == null && (method.equals("GET") || method.equals("HEAD"))) {
				problem = "Request with GET/HEAD method cannot have body.";
			}
			headers.putIfAbsent("content-type", new HttpHeader("Content-Type", "text/plain;charset=UTF-8"));
		}
		List<String> unsafeNames = FetchRules.unsafeNames(List.copyOf(headers.values()));
		for (HttpHeader header : headers.values()) {
			String key = header.name().toLowerCase(Locale.ROOT);
			if (FetchRules.CHROMIUM_SAFELISTED.contains(key) && !unsafeNames.contains(key)) {
				warnings.add("Chromium sends '" + header.name() + "' without a preflight (it safelists this client"
						+ " hint); the Fetch standard, Firefox and Safari preflight it.");
			}
		}
		this.method = method;
		this.headers = List.copyOf(headers.values());
		this.body = (builder.body != null) ? builder.body.getBytes(StandardCharsets.UTF_8) : null;
		this.warnings = List.copyOf(warnings);
		this.problem = problem;
	}

	private static URI absolute(URI url) {
		if (!url.isAbsolute() || url.getHost() == null) {
			throw new IllegalArgumentException("'" + url + "' is not an absolute http or https URL");
		}
		String scheme = url.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw new IllegalArgumentException("'" + url + "' is not an http or https URL");
		}
		return (url.getRawPath() == null || url.getRawPath().isEmpty()) ? url.resolve("/") : url;
	}

	/**
	 * Starts a call.
	 * @param origin the page's origin, such as {@code https://app.example.com}
	 * @param method the method as the script passes it
	 * @param url the absolute URL the script fetches
	 * @return a builder
	 */
	public static Builder builder(String origin, String method, URI url) {
		return new Builder(origin, method, url);
	}

	/**
	 * Returns the page's origin, serialized.
	 * @return the origin
	 */
	public String origin() {
		return this.origin;
	}

	/**
	 * Returns the method, normalized as {@code fetch()} does.
	 * @return the method
	 */
	public String method() {
		return this.method;
	}

	/**
	 * Returns the URL fetched.
	 * @return the absolute URL
	 */
	public URI url() {
		return this.url;
	}

	/**
	 * Returns the headers the script set that the browser sends: forbidden ones dropped,
	 * repeated ones combined, {@code Content-Type} added for a text body.
	 * @return the headers, one per name
	 */
	public List<HttpHeader> headers() {
		return this.headers;
	}

	/**
	 * Returns the credentials mode.
	 * @return the mode
	 */
	public Credentials credentials() {
		return this.credentials;
	}

	byte @Nullable [] body() {
		return this.body;
	}

	@Nullable String cookies() {
		return this.cookies;
	}

	/**
	 * Returns what the browser did silently to the call, such as dropping a forbidden
	 * header.
	 * @return the warnings
	 */
	public List<String> warnings() {
		return this.warnings;
	}

	/**
	 * Returns why {@code fetch()} rejects the call with a {@code TypeError} before
	 * sending anything, in Chromium's words after {@code Failed to execute 'fetch' on
	 * 'Window': }.
	 * @return the problem, or {@code null} when the call is valid
	 */
	public @Nullable String problem() {
		return this.problem;
	}

	/**
	 * Returns whether the page and the URL have the same origin, so that no CORS applies.
	 * @return whether the call is same-origin
	 */
	public boolean isSameOrigin() {
		return Origins.of(this.url).equals(this.origin);
	}

	/**
	 * Returns the names a preflight asks for in {@code Access-Control-Request-Headers}:
	 * the headers that are not CORS-safelisted, lowercase and sorted.
	 * @return the names
	 */
	public List<String> unsafeNames() {
		return FetchRules.unsafeNames(this.headers);
	}

	/**
	 * Returns whether a cross-origin request needs a preflight: its method is not
	 * {@code GET}, {@code HEAD} or {@code POST}, or a header is not CORS-safelisted.
	 * @return whether a preflight goes first
	 */
	public boolean needsPreflight() {
		return FetchRules.needsPreflight(this.method, unsafeNames());
	}

	@Override
	public String toString() {
		return "fetch('" + this.url + "', {method: '" + this.method + "', credentials: '" + this.credentials.value()
				+ "'}) from " + this.origin + " with " + this.headers;
	}

	/**
	 * Builds a {@link FetchCall}.
	 */
	public static final class Builder {

		private final String origin;

		private final String method;

		private final URI url;

		private final List<HttpHeader> headers = new ArrayList<>();

		private Credentials credentials = Credentials.SAME_ORIGIN;

		private @Nullable String body;

		private @Nullable String cookies;

		private Builder(String origin, String method, URI url) {
			this.origin = Objects.requireNonNull(origin, "origin");
			this.method = Objects.requireNonNull(method, "method");
			this.url = Objects.requireNonNull(url, "url");
		}

		/**
		 * Appends a header, as {@code headers.append(name, value)} does.
		 * @param name the name
		 * @param value the value
		 * @return this builder
		 */
		public Builder header(String name, String value) {
			this.headers.add(new HttpHeader(name, value));
			return this;
		}

		/**
		 * Sets the credentials mode.
		 * @param credentials the mode
		 * @return this builder
		 */
		public Builder credentials(Credentials credentials) {
			this.credentials = Objects.requireNonNull(credentials, "credentials");
			return this;
		}

		/**
		 * Sets a text body, sent as UTF-8 with {@code Content-Type:
		 * text/plain;charset=UTF-8} unless a header sets another.
		 * @param body the body
		 * @return this builder
		 */
		public Builder body(@Nullable String body) {
			this.body = body;
			return this;
		}

		/**
		 * Sets the cookies the browser holds for the server, as a {@code Cookie} header
		 * value ({@code name=value; other=value}); they go with the request when the
		 * credentials mode lets them.
		 * @param cookies the cookies
		 * @return this builder
		 */
		public Builder cookies(@Nullable String cookies) {
			this.cookies = cookies;
			return this;
		}

		/**
		 * Reads the call as the browser does.
		 * @return the call
		 * @throws IllegalArgumentException when the origin or the URL cannot be a page's
		 * origin or an http(s) URL
		 */
		public FetchCall build() {
			return new FetchCall(this);
		}

	}

}
