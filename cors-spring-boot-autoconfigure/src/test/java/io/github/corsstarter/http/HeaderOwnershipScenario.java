package io.github.corsstarter.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.provider.Arguments;

/**
 * One row of the header ownership table that both web stacks run (docs/behaviour.md,
 * section 8): on a covered path, a handler, a later filter or a leftover
 * {@code @CrossOrigin} writes CORS headers or replaces {@code Vary}, and the response
 * still carries exactly the starter's CORS headers, once each, and a {@code Vary} that
 * holds the application's tokens and the starter's, none twice. The configuration is
 * {@link CorsScenario}'s: credentials on, {@code exposed-headers=X-Total-Count}, and a
 * {@code public} mapping for {@code /public/**} that allows any origin without
 * credentials.
 *
 * @param description what the row shows
 * @param path the path requested with {@code GET}
 * @param origin the {@code Origin} sent, or {@code null} for none
 * @param status the status expected
 * @param corsHeaders every CORS header the response must carry, with its one value; any
 * other is absent
 * @param vary the {@code Vary} tokens the response must hold, each once
 * @param handlerRuns whether the handler runs
 */
record HeaderOwnershipScenario(String description, String path, @Nullable String origin, int status,
		Map<String, String> corsHeaders, List<String> vary, boolean handlerRuns) {

	private static final String ALLOWED = "https://app.example.com";

	private static final String SAME_ORIGIN = "http://api.example.com";

	/** The headers of an allowed request under the top-level policy. */
	private static final Map<String, String> ALLOWED_HEADERS = headers("Access-Control-Allow-Origin", ALLOWED,
			"Access-Control-Allow-Credentials", "true", "Access-Control-Expose-Headers", "X-Total-Count");

	private static final Map<String, String> NONE = Map.of();

	/** {@code Vary} with the starter's token alone. */
	private static final List<String> ORIGIN_VARY = List.of("Origin");

	/** {@code Vary} with the starter's token and the one the application writes. */
	private static final List<String> ORIGIN_AND_APPLICATION_VARY = List.of("Origin", "Accept-Encoding");

	@Override
	public String toString() {
		return this.description;
	}

	static Stream<Arguments> table() {
		return Stream.of(
				// Behaviour 7.7 and 7.8, and each header on its own.
				allowed("7.7 handler replaces Vary", "/api/writes/vary", 200, ORIGIN_AND_APPLICATION_VARY),
				allowed("7.8 handler adds Access-Control-Allow-Origin: *", "/api/writes/allow-origin", 200,
						ORIGIN_VARY),
				row("handler sets Access-Control-Allow-Credentials where the policy has no credentials",
						"/public/writes/credentials", "https://anyone.example.net", 200,
						headers("Access-Control-Allow-Origin", "*", "Access-Control-Expose-Headers", "X-Total-Count"),
						ORIGIN_VARY),
				allowed("handler writes Access-Control-Max-Age and Access-Control-Expose-Headers on an actual request",
						"/api/writes/exposed-and-max-age", 200, ORIGIN_VARY),
				allowed("handler writes every CORS header and replaces Vary", "/api/writes/everything", 200,
						ORIGIN_AND_APPLICATION_VARY),
				allowed("a later filter adds Access-Control-Allow-Origin: * and replaces Vary", "/api/filtered", 200,
						ORIGIN_AND_APPLICATION_VARY),
				// The starter writes no CORS header on these: the application's go too.
				withoutCorsHeaders("handler writes every CORS header, request without Origin", "/api/writes/everything",
						null, 200, ORIGIN_AND_APPLICATION_VARY),
				withoutCorsHeaders("handler writes every CORS header, same-origin request", "/api/writes/everything",
						SAME_ORIGIN, 200, ORIGIN_AND_APPLICATION_VARY),
				withoutCorsHeaders("a later filter adds Access-Control-Allow-Origin: *, request without Origin",
						"/api/filtered", null, 200, ORIGIN_AND_APPLICATION_VARY),
				// Asynchronous handling: on Tomcat, an async dispatch through the request
				// dispatch's response.
				allowed("handler writes every CORS header asynchronously", "/api/writes/everything/async", 200,
						ORIGIN_AND_APPLICATION_VARY),
				withoutCorsHeaders("handler writes every CORS header asynchronously, request without Origin",
						"/api/writes/everything/async", null, 200, ORIGIN_AND_APPLICATION_VARY),
				// Error responses: rendered after the handler wrote, on Tomcat on an
				// error dispatch.
				allowed("handler writes every CORS header, then 401", "/api/writes/everything/unauthorized", 401,
						ORIGIN_AND_APPLICATION_VARY),
				allowed("handler writes every CORS header, then fails with 500", "/api/writes/everything/boom", 500,
						ORIGIN_AND_APPLICATION_VARY),
				withoutCorsHeaders("handler writes every CORS header, then 401, request without Origin",
						"/api/writes/everything/unauthorized", null, 401, ORIGIN_AND_APPLICATION_VARY),
				withoutCorsHeaders(
						"handler adds Access-Control-Allow-Origin: *, then fails with 500, request without Origin",
						"/api/writes/allow-origin/boom", null, 500, ORIGIN_VARY),
				// A leftover @CrossOrigin("https://partner.example.com"): the starter's
				// decision wins.
				allowed("@CrossOrigin handler, from the starter's allowed origin", "/api/partner", 200, ORIGIN_VARY),
				new HeaderOwnershipScenario("@CrossOrigin handler, from the origin it names: refused before it runs",
						"/api/partner", HeaderWritingHandlers.PARTNER, 403, NONE, ORIGIN_VARY, false),
				withoutCorsHeaders("@CrossOrigin handler, request without Origin", "/api/partner", null, 200,
						ORIGIN_VARY))
			.map(Arguments::of);
	}

	private static HeaderOwnershipScenario allowed(String description, String path, int status, List<String> vary) {
		return row(description, path, ALLOWED, status, ALLOWED_HEADERS, vary);
	}

	private static HeaderOwnershipScenario withoutCorsHeaders(String description, String path, @Nullable String origin,
			int status, List<String> vary) {
		return row(description, path, origin, status, NONE, vary);
	}

	private static HeaderOwnershipScenario row(String description, String path, @Nullable String origin, int status,
			Map<String, String> corsHeaders, List<String> vary) {
		return new HeaderOwnershipScenario(description, path, origin, status, corsHeaders, vary, true);
	}

	private static Map<String, String> headers(String... namesAndValues) {
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			headers.put(namesAndValues[i], namesAndValues[i + 1]);
		}
		return headers;
	}

}
