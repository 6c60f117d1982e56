package io.github.corsstarter.http;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

/**
 * One row of the HTTP scenario table that both web stacks run: a request and the outcome
 * a browser would see. Configuration:
 * {@code CORS_ORIGINS=https://app.example.com,http://localhost:5173},
 * {@code origin-patterns=https://*.example.org}, {@code methods=GET,POST,PUT,DELETE},
 * {@code allowed-headers=Content-Type,Authorization},
 * {@code exposed-headers=X-Total-Count}, credentials on, {@code max-age=3600s}; a mapping
 * {@code public} for {@code /public/**} that allows any origin without credentials;
 * {@code /internal/**} excluded. Requests carry {@code Host: api.example.com}.
 */
record CorsScenario(String description, String method, String path, List<String[]> headers, Outcome outcome) {

	enum Outcome {

		/**
		 * Allowed actual request: the handler runs and the response carries the origin
		 * and credentials.
		 */
		ALLOWED,

		/** Allowed actual request under a fixed '*' policy. */
		ALLOWED_ANY,

		/** Allowed preflight, answered with 204 without reaching a handler. */
		PREFLIGHT,

		/** Allowed preflight under a fixed '*' policy. */
		PREFLIGHT_ANY,

		/** Refused with a 403 problem, without reaching a handler. */
		REJECTED,

		/**
		 * Not CORS, same-origin or excluded: the handler runs and no CORS header is
		 * added.
		 */
		PASSED,

		/**
		 * Not CORS under a fixed '*' policy: the handler runs and the response carries
		 * {@code Access-Control-Allow-Origin: *} and no other CORS header (behaviour
		 * 2.2).
		 */
		PASSED_ANY

	}

	String origin() {
		return this.headers.stream().filter((h) -> h[0].equals("Origin")).map((h) -> h[1]).findFirst().orElse(null);
	}

	@Override
	public String toString() {
		return this.description;
	}

	static CorsScenario of(String description, String method, String path, Outcome outcome, String... headers) {
		List<String[]> list = new ArrayList<>();
		for (int i = 0; i < headers.length; i += 2) {
			list.add(new String[] { headers[i], headers[i + 1] });
		}
		return new CorsScenario(description, method, path, list, outcome);
	}

	static Stream<Arguments> table() {
		String api = "/api/data";
		return Stream.of(
				// The example cases of docs/behaviour.md, section 6.
				of("1 GET from an exact origin", "GET", api, Outcome.ALLOWED, "Origin", "https://app.example.com"),
				of("2 GET from the local dev server", "GET", api, Outcome.ALLOWED, "Origin", "http://localhost:5173"),
				of("3 GET from a subdomain pattern", "GET", api, Outcome.ALLOWED, "Origin", "https://foo.example.org"),
				of("4 GET from a deeper subdomain", "GET", api, Outcome.ALLOWED, "Origin", "https://a.b.example.org"),
				of("5 GET from the pattern's bare domain", "GET", api, Outcome.REJECTED, "Origin",
						"https://example.org"),
				of("6 GET from an allowed origin used as a prefix", "GET", api, Outcome.REJECTED, "Origin",
						"https://app.example.com.evil.com"),
				of("7 GET from a look-alike label", "GET", api, Outcome.REJECTED, "Origin",
						"https://evilapp.example.com"),
				of("8 GET from a pattern's domain used as a prefix", "GET", api, Outcome.REJECTED, "Origin",
						"https://foo.example.org.evil.com"),
				of("9 GET from a domain that ends like the pattern's", "GET", api, Outcome.REJECTED, "Origin",
						"https://evilexample.org"),
				of("10 GET over http from an https origin's host", "GET", api, Outcome.REJECTED, "Origin",
						"http://app.example.com"),
				of("11 GET with the default port written out", "GET", api, Outcome.REJECTED, "Origin",
						"https://app.example.com:443"),
				of("12 GET from another port", "GET", api, Outcome.REJECTED, "Origin", "https://app.example.com:8443"),
				of("13 GET from 127.0.0.1 instead of localhost", "GET", api, Outcome.REJECTED, "Origin",
						"http://127.0.0.1:5173"),
				of("14 GET from an uppercase origin", "GET", api, Outcome.REJECTED, "Origin",
						"HTTPS://APP.EXAMPLE.COM"),
				of("15 GET from an origin with a trailing slash", "GET", api, Outcome.REJECTED, "Origin",
						"https://app.example.com/"),
				of("16 GET from an origin with user information", "GET", api, Outcome.REJECTED, "Origin",
						"https://user@app.example.com"),
				of("17 GET from the null origin", "GET", api, Outcome.REJECTED, "Origin", "null"),
				of("18 GET from a punycode subdomain", "GET", api, Outcome.ALLOWED, "Origin",
						"https://xn--xample-9ua.example.org"),
				of("19 text/plain POST from a disallowed origin", "POST", api, Outcome.REJECTED, "Origin",
						"https://evil.com", "Content-Type", "text/plain"),
				of("20 GET without Origin", "GET", api, Outcome.PASSED),
				of("21 same-origin POST", "POST", api, Outcome.PASSED, "Origin", "http://api.example.com"),
				of("22 preflight for PUT", "OPTIONS", api, Outcome.PREFLIGHT, "Origin", "https://app.example.com",
						"Access-Control-Request-Method", "PUT"),
				of("23 preflight for a lowercase put", "OPTIONS", api, Outcome.REJECTED, "Origin",
						"https://app.example.com", "Access-Control-Request-Method", "put"),
				of("24 preflight for PATCH, not allowed", "OPTIONS", api, Outcome.REJECTED, "Origin",
						"https://app.example.com", "Access-Control-Request-Method", "PATCH"),
				of("25 preflight with allowed headers", "OPTIONS", api, Outcome.PREFLIGHT, "Origin",
						"https://app.example.com", "Access-Control-Request-Method", "PUT",
						"Access-Control-Request-Headers", "authorization,content-type"),
				of("26 preflight with one header not allowed", "OPTIONS", api, Outcome.REJECTED, "Origin",
						"https://app.example.com", "Access-Control-Request-Method", "PUT",
						"Access-Control-Request-Headers", "content-type, X-Custom"),
				of("27 preflight from a disallowed origin", "OPTIONS", api, Outcome.REJECTED, "Origin",
						"https://evil.com", "Access-Control-Request-Method", "PUT"),
				of("28 preflight from a pattern origin", "OPTIONS", api, Outcome.PREFLIGHT, "Origin",
						"https://foo.example.org", "Access-Control-Request-Method", "DELETE",
						"Access-Control-Request-Headers", "content-type"),
				of("30 preflight to a path without handler", "OPTIONS", "/api/nothing-here", Outcome.PREFLIGHT,
						"Origin", "https://app.example.com", "Access-Control-Request-Method", "PUT"),
				// Beyond those examples.
				of("PATCH actual request, not an allowed method", "PATCH", api, Outcome.REJECTED, "Origin",
						"https://app.example.com"),
				of("DELETE actual request, an allowed method", "DELETE", api, Outcome.ALLOWED, "Origin",
						"https://app.example.com"),
				of("preflight for GET with headers, safelisted method", "OPTIONS", api, Outcome.PREFLIGHT, "Origin",
						"https://app.example.com", "Access-Control-Request-Method", "GET",
						"Access-Control-Request-Headers", "content-type"),
				of("preflight with header names in another case", "OPTIONS", api, Outcome.PREFLIGHT, "Origin",
						"https://app.example.com", "Access-Control-Request-Method", "POST",
						"Access-Control-Request-Headers", "CONTENT-TYPE,Authorization"),
				of("preflight asking for private network access, not granted", "OPTIONS", api, Outcome.REJECTED,
						"Origin", "https://app.example.com", "Access-Control-Request-Method", "PUT",
						"Access-Control-Request-Private-Network", "true"),
				of("OPTIONS without Access-Control-Request-Method is an actual request", "OPTIONS", api,
						Outcome.REJECTED, "Origin", "https://app.example.com"),
				of("two Origin headers", "GET", api, Outcome.REJECTED, "Origin", "https://app.example.com", "Origin",
						"https://app.example.com"),
				of("comma-joined origins", "GET", api, Outcome.REJECTED, "Origin",
						"https://app.example.com, https://evil.com"),
				of("empty Origin", "GET", api, Outcome.REJECTED, "Origin", ""),
				of("file origin", "GET", api, Outcome.REJECTED, "Origin", "file://"),
				of("origin with a path", "GET", api, Outcome.REJECTED, "Origin", "https://app.example.com/app"),
				of("public mapping allows any origin", "GET", "/public/info", Outcome.ALLOWED_ANY, "Origin",
						"https://anyone.example.net"),
				of("public mapping still refuses a malformed origin", "GET", "/public/info", Outcome.REJECTED, "Origin",
						"null"),
				of("public mapping preflight with any method", "OPTIONS", "/public/info", Outcome.PREFLIGHT_ANY,
						"Origin", "https://anyone.example.net", "Access-Control-Request-Method", "PATCH"),
				of("public mapping answers a GET without Origin with '*'", "GET", "/public/info", Outcome.PASSED_ANY),
				of("public mapping answers a POST without Origin with '*'", "POST", "/public/info", Outcome.PASSED_ANY),
				of("public mapping adds no CORS header to a same-origin request", "GET", "/public/info", Outcome.PASSED,
						"Origin", "http://api.example.com"),
				of("excluded path is untouched", "GET", "/internal/health", Outcome.PASSED, "Origin",
						"https://evil.com"))
			.map(Arguments::of);
	}

}
