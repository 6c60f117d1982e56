package io.github.corsstarter.policy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.github.corsstarter.policy.CorsDecision.Kind;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static io.github.corsstarter.policy.ExampleRequests.preflight;
import static io.github.corsstarter.policy.ExampleRequests.request;
import static io.github.corsstarter.policy.RejectionReason.AMBIGUOUS_PATH;
import static io.github.corsstarter.policy.RejectionReason.HEADER_NOT_ALLOWED;
import static io.github.corsstarter.policy.RejectionReason.MALFORMED_ORIGIN;
import static io.github.corsstarter.policy.RejectionReason.METHOD_NOT_ALLOWED;
import static io.github.corsstarter.policy.RejectionReason.ORIGIN_NOT_ALLOWED;
import static io.github.corsstarter.policy.RejectionReason.PRIVATE_NETWORK_NOT_ALLOWED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs requests through compiled policies and checks the decision and every response
 * header it writes, one row per case. Rows named "behaviour 6.n" are the example cases of
 * docs/behaviour.md, section 6; the others cover sections 2 to 4 and the Fetch standard's
 * "CORS protocol" where behaviour.md leaves a detail open.
 * <p>
 * Header names are written out literally rather than taken from {@link CorsHeaders}, so
 * that a misspelt constant fails here. Each row compares the whole set of response
 * headers, so a header that should be absent is checked too.
 */
class CorsPolicyRequestTests {

	private static final String ACAO = "Access-Control-Allow-Origin";

	private static final String ACAC = "Access-Control-Allow-Credentials";

	private static final String ACAM = "Access-Control-Allow-Methods";

	private static final String ACAH = "Access-Control-Allow-Headers";

	private static final String ACEH = "Access-Control-Expose-Headers";

	private static final String MAX_AGE = "Access-Control-Max-Age";

	private static final String ACAPN = "Access-Control-Allow-Private-Network";

	private static final String VARY = "Vary";

	private static final String VARY_PREFLIGHT = "Origin, Access-Control-Request-Method, "
			+ "Access-Control-Request-Headers";

	private static final String VARY_PREFLIGHT_PRIVATE_NETWORK = VARY_PREFLIGHT
			+ ", Access-Control-Request-Private-Network";

	private static final String APP = "https://app.example.com";

	private static final String EVIL = "https://evil.com";

	private static final String ADMIN = "https://admin.example.com";

	private static final String TENANT = "https://tenant.example.net";

	/**
	 * Three labels of 63 characters, the longest a label may be, and the dots before
	 * them: 191 characters.
	 */
	private static final String HOST_191 = "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63);

	/**
	 * The longest origin browsers can send (behaviour 3.1): a host of 253 characters, the
	 * most a host may have, whose last label has 63, and a five-digit port.
	 */
	private static final String LONGEST_ORIGIN = "https://" + "a".repeat(61) + "." + HOST_191 + ":65535";

	/**
	 * Header names and commas, as long as the engine reads
	 * ({@link CorsRules#MAX_REQUEST_HEADERS_LENGTH}).
	 */
	private static final String HEADERS_4096 = "x-a,".repeat(1024);

	/**
	 * docs/behaviour.md, section 6. Requests go to {@code http://api.example.com} unless
	 * a row says otherwise.
	 */
	private static final Policy EXAMPLES = new Policy("behaviour section 6",
			CorsSettings.builder()
				.origins(APP, "http://localhost:5173")
				.originPatterns("https://*.example.org")
				.methods("GET", "POST", "PUT", "DELETE")
				.allowedHeaders("Content-Type", "Authorization")
				.exposedHeaders("X-Total-Count")
				.allowCredentials(true)
				.maxAge(Duration.ofSeconds(3600))
				.build());

	/**
	 * Any origin, no credentials, everything else by default:
	 * {@code Access-Control-Allow-Origin: *}.
	 */
	private static final Policy FIXED_ANY = new Policy("origins=*", CorsSettings.builder().origins("*").build());

	/** Any origin beside an exact one: still a fixed {@code *}. */
	private static final Policy FIXED_ANY_AND_APP = new Policy("origins=*,https://app.example.com",
			CorsSettings.builder().origins("*", APP).build());

	/** Any origin and an {@link OriginDecider}, which '*' leaves nothing to decide. */
	private static final Policy ANY_AND_DECIDER = new Policy("origins=* and an OriginDecider",
			CorsSettings.builder().origins("*").build(), Set.of(TENANT));

	/**
	 * Any method and any header, with credentials: both are reflected from the preflight.
	 */
	private static final Policy REFLECTING = new Policy("methods=*, allowed-headers=*",
			CorsSettings.builder().origins(APP).methods("*").allowedHeaders("*").allowCredentials(true).build());

	/** Only PUT beyond the safelisted methods. */
	private static final Policy ONLY_PUT = new Policy("methods=PUT",
			CorsSettings.builder().origins(APP).methods("PUT").build());

	private static final Policy PRIVATE_NETWORK = new Policy("allow-private-network=true",
			CorsSettings.builder().origins(APP).allowPrivateNetwork(true).build());

	private static final Policy STATUS_200 = new Policy("preflight-status=200, max-age=0",
			CorsSettings.builder()
				.origins(APP)
				.preflightStatus(200)
				.maxAge(Duration.ZERO)
				.exposedHeaders("X-Request-Id", "ETag")
				.build());

	private static final Policy IP_ORIGINS = new Policy("IP origins and http://localhost:*",
			CorsSettings.builder()
				.origins("http://[::1]:8080", "http://127.0.0.1:8080", "https://[2001:db8::1]")
				.originPatterns("http://localhost:*")
				.build());

	/**
	 * Per-path mappings: {@code public} allows any origin, {@code api} adds PATCH and
	 * credentials and inherits the origins, {@code api-v2} can never be reached because
	 * {@code api} is tried first.
	 */
	private static final Policy MAPPED = new Policy("mappings public, api, api-v2", CorsSettings.builder()
		.origins(APP)
		.exposedHeaders("X-Top")
		.excludePaths("/public/health")
		.mapping("public", CorsSettings.builder().paths("/public/**").origins("*").build())
		.mapping("api",
				CorsSettings.builder()
					.paths("/api/**")
					.methods("GET", "PATCH")
					.allowCredentials(true)
					.excludePaths("/api/internal/**")
					.build())
		.mapping("api-v2", CorsSettings.builder().paths("/api/v2/**").origins("https://other.example.com").build())
		.build());

	private static final Policy SCOPED = new Policy("paths=/api/**, exclude-paths=/api/health,/api/docs/**",
			CorsSettings.builder().origins(APP).paths("/api/**").excludePaths("/api/health", "/api/docs/**").build());

	/**
	 * The behaviour reference's path-resolution examples: an {@code admin} mapping
	 * narrower than the top level.
	 */
	private static final Policy ADMIN_MAPPING = new Policy("origins=APP, mapping admin: /admin/** for ADMIN only",
			CorsSettings.builder()
				.origins(APP)
				.allowCredentials(true)
				.excludePaths("/**/*.css")
				.mapping("admin", CorsSettings.builder().paths("/admin/**").origins(ADMIN).build())
				.build());

	private static final Policy REST_OF_PATH = new Policy("paths=/api/{*rest}",
			CorsSettings.builder().origins(APP).paths("/api/{*rest}").build());

	/** Lists plus an {@link OriginDecider} that allows {@value #TENANT}. */
	private static final Policy TENANTS = new Policy("origins, patterns and an OriginDecider",
			CorsSettings.builder().origins(APP).originPatterns("https://*.example.org").build(), Set.of(TENANT));

	private static final Policy NO_ORIGINS = new Policy("nothing configured", CorsSettings.builder().build());

	/**
	 * Methods written in lowercase or mixed case: the six Fetch normalizes, and two it
	 * does not.
	 */
	private static final Policy MIXED_CASE_METHODS = new Policy("methods=put,Delete,patch,purge",
			CorsSettings.builder().origins(APP).methods("put", "Delete", "patch", "purge").build());

	/**
	 * Fully qualified names: hosts that end with a dot, which browsers send as they are.
	 */
	private static final Policy TRAILING_DOTS = new Policy("origins and patterns with trailing dots",
			CorsSettings.builder()
				.origins("http://example.com.:3999", APP)
				.originPatterns("https://*.example.org.", "http://localhost.:*")
				.build());

	static Stream<Row> rows() {
		return Stream
			.of(exampleCases(), originSyntax(), trailingDots(), ipAndLocalhostOrigins(), methods(), requestHeaders(),
					privateNetwork(), fixedWildcardAndReflection(), pathsAndMappings(), disguisedPaths(), sameOrigin(),
					originDecider(), varyMerging())
			.flatMap((rows) -> rows);
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("rows")
	void decidesAndWritesExactHeaders(Row row) {
		RecordingOriginDecider decider = new RecordingOriginDecider(
				(row.policy().tenants() != null) ? row.policy().tenants() : Set.of());
		CorsPolicy policy = CorsPolicy.compile(row.policy().settings(),
				(row.policy().tenants() != null) ? decider : null);

		CorsDecision decision = policy.decide(row.request());
		assertThat(decision.kind()).as("kind").isEqualTo(row.expected().kind());
		assertThat(decision.reason()).as("reason").isEqualTo(row.expected().reason());
		assertThat(decision.isPassedOn()).as("passed on to the handler")
			.isEqualTo(row.expected().kind() != Kind.PREFLIGHT && row.expected().kind() != Kind.REJECTED);
		assertThat(decision.preflightStatus()).as("preflight status").isEqualTo(row.expected().preflightStatus());
		// Logs and failure messages show a decision by its kind and, for a rejection, its
		// reason.
		assertThat(decision.toString()).as("toString")
			.startsWith(row.expected().kind().name())
			.contains((row.expected().reason() != null) ? row.expected().reason().name() : "");

		decision.writeHeaders(row.request(), row.response());
		Map<String, String> written = WrittenHeaders.of(row.response());
		assertThat(written).as("response headers").containsExactlyInAnyOrderEntriesOf(row.expected().headers());
		if (decision.kind() == Kind.REJECTED) {
			assertThat(written.keySet()).as("no Access-Control-Allow-* on a rejection")
				.noneMatch((name) -> name.regionMatches(true, 0, "Access-Control-Allow-", 0, 21));
		}
		// Adapters write a decision again on an error dispatch: that must leave the same
		// headers.
		decision.writeHeaders(row.request(), row.response());
		assertThat(WrittenHeaders.of(row.response())).as("headers after writing twice").isEqualTo(written);

		assertThat(decider.calls()).as("origins the decider was asked about")
			.containsExactlyElementsOf(row.expected().deciderCalls());
	}

	@Test
	void tableHasAtLeastSixtyRowsAndUniqueDescriptions() {
		List<String> descriptions = rows().map(Row::description).toList();
		assertThat(descriptions).hasSizeGreaterThanOrEqualTo(60).doesNotHaveDuplicates();
	}

	private static Stream<Row> exampleCases() {
		return Stream.of(
				row("behaviour 6.1: GET from an exact origin", EXAMPLES, request("GET", APP), exampleAllowed(APP)),
				row("behaviour 6.2: GET from an exact http localhost origin", EXAMPLES,
						request("GET", "http://localhost:5173"), exampleAllowed("http://localhost:5173")),
				row("behaviour 6.3: GET from a subdomain under a pattern", EXAMPLES,
						request("GET", "https://foo.example.org"), exampleAllowed("https://foo.example.org")),
				row("behaviour 6.4: GET from two labels under a pattern", EXAMPLES,
						request("GET", "https://a.b.example.org"), exampleAllowed("https://a.b.example.org")),
				row("behaviour 6.5: GET from the bare domain of a pattern", EXAMPLES,
						request("GET", "https://example.org"), rejectedActual(ORIGIN_NOT_ALLOWED)),
				row("behaviour 6.6: GET from an exact origin with an attacker suffix", EXAMPLES,
						request("GET", "https://app.example.com.evil.com"), rejectedActual(ORIGIN_NOT_ALLOWED)),
				row("behaviour 6.7: GET from an exact origin with a prefix glued to its host", EXAMPLES,
						request("GET", "https://evilapp.example.com"), rejectedActual(ORIGIN_NOT_ALLOWED)),
				row("behaviour 6.8: GET from a pattern match with an attacker suffix", EXAMPLES,
						request("GET", "https://foo.example.org.evil.com"), rejectedActual(ORIGIN_NOT_ALLOWED)),
				row("behaviour 6.9: GET from a domain that ends like a pattern's domain", EXAMPLES,
						request("GET", "https://evilexample.org"), rejectedActual(ORIGIN_NOT_ALLOWED)),
				row("behaviour 6.10: GET from an exact origin over http", EXAMPLES,
						request("GET", "http://app.example.com"), rejectedActual(ORIGIN_NOT_ALLOWED)),
				row("behaviour 6.11: GET from an exact origin with its default port written out", EXAMPLES,
						request("GET", "https://app.example.com:443"), rejectedActual(MALFORMED_ORIGIN)),
				row("behaviour 6.12: GET from an exact origin on another port", EXAMPLES,
						request("GET", "https://app.example.com:8443"), rejectedActual(ORIGIN_NOT_ALLOWED)),
				row("behaviour 6.13: GET from 127.0.0.1 when localhost is allowed", EXAMPLES,
						request("GET", "http://127.0.0.1:5173"), rejectedActual(ORIGIN_NOT_ALLOWED)),
				row("behaviour 6.14: GET from an uppercase origin", EXAMPLES, request("GET", "HTTPS://APP.EXAMPLE.COM"),
						rejectedActual(MALFORMED_ORIGIN)),
				row("behaviour 6.15: GET from an origin with a trailing slash", EXAMPLES,
						request("GET", "https://app.example.com/"), rejectedActual(MALFORMED_ORIGIN)),
				row("behaviour 6.16: GET from an origin with user information", EXAMPLES,
						request("GET", "https://user@app.example.com"), rejectedActual(MALFORMED_ORIGIN)),
				row("behaviour 6.17: GET from the null origin", EXAMPLES, request("GET", "null"),
						rejectedActual(MALFORMED_ORIGIN)),
				row("behaviour 6.18: GET from a punycode subdomain under a pattern", EXAMPLES,
						request("GET", "https://xn--xample-9ua.example.org"),
						exampleAllowed("https://xn--xample-9ua.example.org")),
				row("behaviour 6.19: simple POST from a disallowed origin is refused before the handler", EXAMPLES,
						request("POST", EVIL), rejectedActual(ORIGIN_NOT_ALLOWED)),
				row("behaviour 6.20: GET without Origin passes through with Vary: Origin", EXAMPLES, request("GET"),
						passThrough(Kind.NOT_CORS, VARY, "Origin")),
				row("behaviour 6.21: same-origin POST passes through", EXAMPLES,
						request("POST", "http://api.example.com"), passThrough(Kind.SAME_ORIGIN, VARY, "Origin")),
				row("behaviour 6.22: preflight with PUT from an allowed origin", EXAMPLES, preflight(APP, "PUT"),
						examplePreflight(APP)),
				row("behaviour 6.23: preflight with lowercase put", EXAMPLES, preflight(APP, "put"),
						rejectedPreflight(METHOD_NOT_ALLOWED)),
				row("behaviour 6.24: preflight with PATCH, which is not listed", EXAMPLES, preflight(APP, "PATCH"),
						rejectedPreflight(METHOD_NOT_ALLOWED)),
				row("behaviour 6.25: preflight with PUT and two allowed headers in lowercase", EXAMPLES,
						preflight(APP, "PUT").accessControlRequestHeaders("authorization,content-type"),
						examplePreflightWithHeaders(APP)),
				row("behaviour 6.26: preflight with one allowed and one disallowed header", EXAMPLES,
						preflight(APP, "PUT").accessControlRequestHeaders("content-type, X-Custom"),
						rejectedPreflight(HEADER_NOT_ALLOWED)),
				row("behaviour 6.27: preflight with PUT from a disallowed origin", EXAMPLES, preflight(EVIL, "PUT"),
						rejectedPreflight(ORIGIN_NOT_ALLOWED)),
				row("behaviour 6.28: preflight with DELETE and a header from a pattern match", EXAMPLES,
						preflight("https://foo.example.org", "DELETE").accessControlRequestHeaders("content-type"),
						examplePreflightWithHeaders("https://foo.example.org")),
				row("behaviour 6.29: GET to a failing handler is allowed before the handler runs", EXAMPLES,
						request("GET", APP).path("/api/boom"), exampleAllowed(APP)),
				row("behaviour 6.30: preflight to a path without a handler", EXAMPLES,
						preflight(APP, "PUT").path("/no/handler/here"), examplePreflight(APP)));
	}

	private static Stream<Row> originSyntax() {
		String label63 = "a".repeat(63);
		return Stream.of(
				row("exact origin that is a prefix of the allowed one", EXAMPLES,
						request("GET", "https://app.example.co"), rejectedActual(ORIGIN_NOT_ALLOWED)),
				row("exact origin with a character appended to its host", EXAMPLES,
						request("GET", "https://app.example.comm"), rejectedActual(ORIGIN_NOT_ALLOWED)),
				row("exact origin with a label added in front", EXAMPLES, request("GET", "https://x.app.example.com"),
						rejectedActual(ORIGIN_NOT_ALLOWED)),
				row("exact origin followed by @ and another host", EXAMPLES,
						request("GET", "https://app.example.com@evil.com"), rejectedActual(MALFORMED_ORIGIN)),
				row("user and password before an exact origin's host", EXAMPLES,
						request("GET", "https://user:pass@app.example.com"), rejectedActual(MALFORMED_ORIGIN)),
				row("pattern match over http", EXAMPLES, request("GET", "http://foo.example.org"),
						rejectedActual(ORIGIN_NOT_ALLOWED)),
				row("pattern match with a port", EXAMPLES, request("GET", "https://foo.example.org:8443"),
						rejectedActual(ORIGIN_NOT_ALLOWED)),
				row("pattern domain behind an empty label", EXAMPLES, request("GET", "https://.example.org"),
						rejectedActual(MALFORMED_ORIGIN)),
				row("pattern match with a double dot", EXAMPLES, request("GET", "https://foo..example.org"),
						rejectedActual(MALFORMED_ORIGIN)),
				row("pattern match with an uppercase label", EXAMPLES, request("GET", "https://FOO.example.org"),
						rejectedActual(MALFORMED_ORIGIN)),
				row("pattern match with a trailing dot is another origin", EXAMPLES,
						request("GET", "https://foo.example.org."), rejectedActual(ORIGIN_NOT_ALLOWED)),
				row("pattern match with a path", EXAMPLES, request("GET", "https://foo.example.org/x"),
						rejectedActual(MALFORMED_ORIGIN)),
				row("pattern match with a label of 63 characters", EXAMPLES,
						request("GET", "https://" + label63 + ".example.org"),
						exampleAllowed("https://" + label63 + ".example.org")),
				row("pattern match with a label of 64 characters", EXAMPLES,
						request("GET", "https://" + label63 + "a.example.org"), rejectedActual(MALFORMED_ORIGIN)),
				row("punycode label under a pattern", EXAMPLES, request("GET", "https://xn--bcher-kva.example.org"),
						exampleAllowed("https://xn--bcher-kva.example.org")),
				row("unicode label under a pattern instead of punycode", EXAMPLES,
						request("GET", "https://bücher.example.org"), rejectedActual(MALFORMED_ORIGIN)),
				row("http localhost on another port than the allowed one", EXAMPLES,
						request("GET", "http://localhost:5174"), rejectedActual(ORIGIN_NOT_ALLOWED)),
				row("http localhost without the allowed port", EXAMPLES, request("GET", "http://localhost"),
						rejectedActual(ORIGIN_NOT_ALLOWED)),
				row("port with a leading zero", EXAMPLES, request("GET", "http://localhost:05173"),
						rejectedActual(MALFORMED_ORIGIN)),
				row("port above 65535", EXAMPLES, request("GET", "https://app.example.com:99999"),
						rejectedActual(MALFORMED_ORIGIN)),
				row("empty port", EXAMPLES, request("GET", "https://app.example.com:"),
						rejectedActual(MALFORMED_ORIGIN)),
				row("two Origin header lines, both allowed", EXAMPLES, request("GET", APP, APP),
						rejectedActual(MALFORMED_ORIGIN)),
				row("two allowed origins joined with a comma in one line", EXAMPLES,
						request("GET", APP + ", https://foo.example.org"), rejectedActual(MALFORMED_ORIGIN)),
				row("an allowed origin joined with an evil one without space", EXAMPLES,
						request("GET", APP + "," + EVIL), rejectedActual(MALFORMED_ORIGIN)),
				row("allowed origin with a leading space", EXAMPLES, request("GET", " " + APP),
						rejectedActual(MALFORMED_ORIGIN)),
				row("allowed origin with a trailing tab", EXAMPLES, request("GET", APP + "\t"),
						rejectedActual(MALFORMED_ORIGIN)),
				row("Origin of 8 KB", EXAMPLES, request("GET", "https://" + "a.".repeat(4096) + "example.org"),
						rejectedActual(MALFORMED_ORIGIN)),
				row("host of 254 characters, one more than a host may have", EXAMPLES,
						request("GET", "https://" + "a".repeat(62) + "." + HOST_191), rejectedActual(MALFORMED_ORIGIN)),
				row("host ending in a number that is not an IPv4 address", EXAMPLES, request("GET", "http://a.b.c.1"),
						rejectedActual(MALFORMED_ORIGIN)),
				row("numeric host of five parts", EXAMPLES, request("GET", "http://1.2.3.4.5"),
						rejectedActual(MALFORMED_ORIGIN)),
				row("empty Origin", EXAMPLES, request("GET", ""), rejectedActual(MALFORMED_ORIGIN)),
				row("Origin '*'", EXAMPLES, request("GET", "*"), rejectedActual(MALFORMED_ORIGIN)),
				row("file origin", EXAMPLES, request("GET", "file://"), rejectedActual(MALFORMED_ORIGIN)),
				row("scheme without host", EXAMPLES, request("GET", "https://"), rejectedActual(MALFORMED_ORIGIN)),
				row("any origin is refused when none is configured", NO_ORIGINS, request("GET", APP),
						rejectedActual(ORIGIN_NOT_ALLOWED)),
				row("preflight is refused when no origin is configured", NO_ORIGINS, preflight(APP, "GET"),
						rejectedPreflight(ORIGIN_NOT_ALLOWED)),
				row("request without Origin passes when no origin is configured", NO_ORIGINS, request("GET"),
						passThrough(Kind.NOT_CORS, VARY, "Origin")));
	}

	/**
	 * A host that ends with a dot is a fully qualified name, and a valid origin of its
	 * own (URL standard, "host parsing" keeps the dot): it matches only what is
	 * configured with the dot, byte for byte.
	 */
	private static Stream<Row> trailingDots() {
		String longest = "https://" + "a".repeat(61) + "." + HOST_191 + ".:65535";
		return Stream.of(row("trailing dot: exact origin with a dot and a port", TRAILING_DOTS,
				request("GET", "http://example.com.:3999"), allowed(ACAO, "http://example.com.:3999", VARY, "Origin")),
				row("trailing dot: the configured host without its dot is another origin", TRAILING_DOTS,
						request("GET", "http://example.com:3999"), rejectedActual(ORIGIN_NOT_ALLOWED)),
				row("trailing dot: an allowed origin with a dot added is another origin", TRAILING_DOTS,
						request("GET", APP + "."), rejectedActual(ORIGIN_NOT_ALLOWED)),
				row("trailing dot: pattern with a dot matches a subdomain with the dot", TRAILING_DOTS,
						request("GET", "https://a.b.example.org."),
						allowed(ACAO, "https://a.b.example.org.", VARY, "Origin")),
				row("trailing dot: pattern with a dot does not match a subdomain without it", TRAILING_DOTS,
						request("GET", "https://a.example.org"), rejectedActual(ORIGIN_NOT_ALLOWED)),
				row("trailing dot: pattern with a dot does not match its own domain", TRAILING_DOTS,
						request("GET", "https://example.org."), rejectedActual(ORIGIN_NOT_ALLOWED)),
				row("trailing dot: any-port pattern on localhost with a dot", TRAILING_DOTS,
						request("GET", "http://localhost.:8080"),
						allowed(ACAO, "http://localhost.:8080", VARY, "Origin")),
				row("trailing dot: any-port pattern on localhost with a dot, default port", TRAILING_DOTS,
						request("GET", "http://localhost."), allowed(ACAO, "http://localhost.", VARY, "Origin")),
				row("trailing dot: localhost without the dot under a pattern with it", TRAILING_DOTS,
						request("GET", "http://localhost:8080"), rejectedActual(ORIGIN_NOT_ALLOWED)),
				row("trailing dot: two trailing dots", TRAILING_DOTS, request("GET", "http://localhost..:8080"),
						rejectedActual(MALFORMED_ORIGIN)),
				row("trailing dot: a dot alone as the host", TRAILING_DOTS, request("GET", "http://."),
						rejectedActual(MALFORMED_ORIGIN)),
				row("trailing dot: an IPv4 address with a dot, which browsers drop", TRAILING_DOTS,
						request("GET", "http://127.0.0.1.:8080"), rejectedActual(MALFORMED_ORIGIN)),
				row("trailing dot: a name ending in a number before the dot", TRAILING_DOTS,
						request("GET", "http://a.b.1."), rejectedActual(MALFORMED_ORIGIN)),
				row("trailing dot: a numeric label before the last one is fine", TRAILING_DOTS,
						request("GET", "https://1.example.org."),
						allowed(ACAO, "https://1.example.org.", VARY, "Origin")),
				row("trailing dot: default port written out after the dot", TRAILING_DOTS,
						request("GET", "http://example.com.:80"), rejectedActual(MALFORMED_ORIGIN)),
				row("trailing dot: same origin when the server's host has the dot", TRAILING_DOTS,
						request("POST", "http://api.example.com.").scheme("http").host("api.example.com.").port(-1),
						passThrough(Kind.SAME_ORIGIN, VARY, "Origin")),
				row("trailing dot: cross-origin when only the origin has the dot", TRAILING_DOTS,
						request("POST", "http://api.example.com.").scheme("http").host("api.example.com").port(-1),
						rejectedActual(ORIGIN_NOT_ALLOWED)),
				row("trailing dot: the longest origin, a host of 253 characters and its dot", TENANTS,
						request("GET", longest), rejectedActual(ORIGIN_NOT_ALLOWED).consulting(longest)),
				row("trailing dot: a host of 254 characters before its dot", TENANTS,
						request("GET", "https://" + "a".repeat(62) + "." + HOST_191 + "."),
						rejectedActual(MALFORMED_ORIGIN)),
				row("trailing dot: a label of 64 characters before the dot", TENANTS,
						request("GET", "https://" + "a".repeat(64) + ".example.net."),
						rejectedActual(MALFORMED_ORIGIN)));
	}

	private static Stream<Row> ipAndLocalhostOrigins() {
		return Stream.of(
				row("IPv6 loopback origin with its port", IP_ORIGINS, request("GET", "http://[::1]:8080"),
						allowed(ACAO, "http://[::1]:8080", VARY, "Origin")),
				row("IPv6 loopback origin on another port", IP_ORIGINS, request("GET", "http://[::1]:9090"),
						rejectedActual(ORIGIN_NOT_ALLOWED)),
				row("IPv6 loopback origin without a port", IP_ORIGINS, request("GET", "http://[::1]"),
						rejectedActual(ORIGIN_NOT_ALLOWED)),
				row("IPv6 loopback origin written uncompressed", IP_ORIGINS,
						request("GET", "http://[0:0:0:0:0:0:0:1]:8080"), rejectedActual(MALFORMED_ORIGIN)),
				row("IPv6 origin compressing the first of two equal zero runs, as browsers do", IP_ORIGINS,
						request("GET", "https://[2001:db8::1:0:0:1]"), rejectedActual(ORIGIN_NOT_ALLOWED)),
				row("IPv6 origin compressing the second of two equal zero runs", IP_ORIGINS,
						request("GET", "https://[2001:db8:0:0:1::1]"), rejectedActual(MALFORMED_ORIGIN)),
				row("IPv6 origin compressing a single zero piece", IP_ORIGINS,
						request("GET", "https://[2001:db8:1:2:3:4::1]"), rejectedActual(MALFORMED_ORIGIN)),
				row("IPv6 origin with a leading zero in a piece", IP_ORIGINS, request("GET", "https://[2001:0db8::1]"),
						rejectedActual(MALFORMED_ORIGIN)),
				row("IPv6 origin without its closing bracket", IP_ORIGINS, request("GET", "http://[::1:8080"),
						rejectedActual(MALFORMED_ORIGIN)),
				row("IPv6 origin without brackets", IP_ORIGINS, request("GET", "http://::1:8080"),
						rejectedActual(MALFORMED_ORIGIN)),
				row("IPv6 documentation address over https", IP_ORIGINS, request("GET", "https://[2001:db8::1]"),
						allowed(ACAO, "https://[2001:db8::1]", VARY, "Origin")),
				row("IPv6 address in uppercase", IP_ORIGINS, request("GET", "https://[2001:DB8::1]"),
						rejectedActual(MALFORMED_ORIGIN)),
				row("IPv6 unspecified address, the shortest spelling", IP_ORIGINS, request("GET", "http://[::]:8080"),
						rejectedActual(ORIGIN_NOT_ALLOWED)),
				row("IPv6 address of eight full pieces, the longest spelling", IP_ORIGINS,
						request("GET", "https://[2001:db80:1234:5678:9abc:def0:1234:5678]"),
						rejectedActual(ORIGIN_NOT_ALLOWED)),
				row("IPv6 address of nine pieces", IP_ORIGINS, request("GET", "https://[1:2:3:4:5:6:7:8:9]"),
						rejectedActual(MALFORMED_ORIGIN)),
				row("IPv6 address with a leading single colon", IP_ORIGINS, request("GET", "https://[:2001:db8::1]"),
						rejectedActual(MALFORMED_ORIGIN)),
				row("IPv6 address with a trailing single colon", IP_ORIGINS, request("GET", "https://[2001:db8::1:]"),
						rejectedActual(MALFORMED_ORIGIN)),
				row("IPv6 address with '::' twice", IP_ORIGINS, request("GET", "https://[2001::1::1]"),
						rejectedActual(MALFORMED_ORIGIN)),
				row("IPv6 address with a piece of five digits", IP_ORIGINS, request("GET", "https://[2001:db8::10000]"),
						rejectedActual(MALFORMED_ORIGIN)),
				row("IPv6 address with a dotted IPv4 tail, which browsers never send", IP_ORIGINS,
						request("GET", "https://[::ffff:10.0.0.1]"), rejectedActual(MALFORMED_ORIGIN)),
				row("IPv4 loopback origin with its port", IP_ORIGINS, request("GET", "http://127.0.0.1:8080"),
						allowed(ACAO, "http://127.0.0.1:8080", VARY, "Origin")),
				row("IPv4 origin with a leading zero in a part", IP_ORIGINS, request("GET", "http://127.0.0.01:8080"),
						rejectedActual(MALFORMED_ORIGIN)),
				row("IPv4 origin in short form", IP_ORIGINS, request("GET", "http://127.1:8080"),
						rejectedActual(MALFORMED_ORIGIN)),
				row("IPv4 origin as one decimal number", IP_ORIGINS, request("GET", "http://2130706433:8080"),
						rejectedActual(MALFORMED_ORIGIN)),
				row("IPv4 origin with a part above 255", IP_ORIGINS, request("GET", "http://256.0.0.1:8080"),
						rejectedActual(MALFORMED_ORIGIN)),
				row("IPv4 origin with parts 255 and 0, the bounds", IP_ORIGINS,
						request("GET", "http://255.0.0.255:8080"), rejectedActual(ORIGIN_NOT_ALLOWED)),
				row("localhost on any port under http://localhost:*", IP_ORIGINS,
						request("GET", "http://localhost:3000"),
						allowed(ACAO, "http://localhost:3000", VARY, "Origin")),
				row("localhost on the default port under http://localhost:*", IP_ORIGINS,
						request("GET", "http://localhost"), allowed(ACAO, "http://localhost", VARY, "Origin")),
				row("localhost over https under http://localhost:*", IP_ORIGINS,
						request("GET", "https://localhost:3000"), rejectedActual(ORIGIN_NOT_ALLOWED)),
				row("subdomain of localhost under http://localhost:*", IP_ORIGINS,
						request("GET", "http://app.localhost:3000"), rejectedActual(ORIGIN_NOT_ALLOWED)),
				row("localhost on port 0", IP_ORIGINS, request("GET", "http://localhost:0"),
						rejectedActual(MALFORMED_ORIGIN)),
				row("localhost on port 65536", IP_ORIGINS, request("GET", "http://localhost:65536"),
						rejectedActual(MALFORMED_ORIGIN)));
	}

	private static Stream<Row> methods() {
		return Stream.of(row("actual PUT, which is listed", EXAMPLES, request("PUT", APP), exampleAllowed(APP)),
				row("actual PATCH, which is not listed", EXAMPLES, request("PATCH", APP),
						rejectedActual(METHOD_NOT_ALLOWED)),
				row("actual lowercase put", EXAMPLES, request("put", APP), rejectedActual(METHOD_NOT_ALLOWED)),
				row("OPTIONS without Access-Control-Request-Method is an actual request", EXAMPLES,
						request("OPTIONS", APP), rejectedActual(METHOD_NOT_ALLOWED)),
				row("lowercase options with Access-Control-Request-Method is not a preflight", EXAMPLES,
						request("options", APP).accessControlRequestMethod("PUT"), rejectedActual(METHOD_NOT_ALLOWED)),
				row("preflight with Delete in mixed case", EXAMPLES, preflight(APP, "Delete"),
						rejectedPreflight(METHOD_NOT_ALLOWED)),
				row("preflight with an empty method", EXAMPLES, preflight(APP, ""),
						rejectedPreflight(METHOD_NOT_ALLOWED)),
				row("actual HEAD, safelisted though not listed", ONLY_PUT, request("HEAD", APP),
						allowed(ACAO, APP, VARY, "Origin")),
				row("actual POST, safelisted though not listed", ONLY_PUT, request("POST", APP),
						allowed(ACAO, APP, VARY, "Origin")),
				row("actual PUT, the one listed", ONLY_PUT, request("PUT", APP), allowed(ACAO, APP, VARY, "Origin")),
				row("actual DELETE, not listed", ONLY_PUT, request("DELETE", APP), rejectedActual(METHOD_NOT_ALLOWED)),
				row("preflight with POST, safelisted though not listed", ONLY_PUT, preflight(APP, "POST"),
						preflightAnswer(204, ACAO, APP, ACAM, "PUT", MAX_AGE, "1800", VARY, VARY_PREFLIGHT)),
				row("preflight with HEAD, safelisted though not listed", ONLY_PUT, preflight(APP, "HEAD"),
						preflightAnswer(204, ACAO, APP, ACAM, "PUT", MAX_AGE, "1800", VARY, VARY_PREFLIGHT)),
				row("preflight with lowercase get, which is not safelisted", ONLY_PUT, preflight(APP, "get"),
						rejectedPreflight(METHOD_NOT_ALLOWED)),
				row("preflight with DELETE, not listed", ONLY_PUT, preflight(APP, "DELETE"),
						rejectedPreflight(METHOD_NOT_ALLOWED)),
				row("methods in lowercase: preflight for PUT, configured as put", MIXED_CASE_METHODS,
						preflight(APP, "PUT"),
						preflightAnswer(204, ACAO, APP, ACAM, "PUT,DELETE,patch,purge", MAX_AGE, "1800", VARY,
								VARY_PREFLIGHT)),
				row("methods in lowercase: preflight for DELETE, configured as Delete", MIXED_CASE_METHODS,
						preflight(APP, "DELETE"),
						preflightAnswer(204, ACAO, APP, ACAM, "PUT,DELETE,patch,purge", MAX_AGE, "1800", VARY,
								VARY_PREFLIGHT)),
				row("methods in lowercase: preflight for put, which browsers never send", MIXED_CASE_METHODS,
						preflight(APP, "put"), rejectedPreflight(METHOD_NOT_ALLOWED)),
				row("methods in lowercase: preflight for Delete as configured", MIXED_CASE_METHODS,
						preflight(APP, "Delete"), rejectedPreflight(METHOD_NOT_ALLOWED)),
				row("methods in lowercase: patch is not normalized and matches as written", MIXED_CASE_METHODS,
						preflight(APP, "patch"),
						preflightAnswer(204, ACAO, APP, ACAM, "PUT,DELETE,patch,purge", MAX_AGE, "1800", VARY,
								VARY_PREFLIGHT)),
				row("methods in lowercase: PATCH does not match patch", MIXED_CASE_METHODS, preflight(APP, "PATCH"),
						rejectedPreflight(METHOD_NOT_ALLOWED)),
				row("methods in lowercase: PURGE does not match purge", MIXED_CASE_METHODS, preflight(APP, "PURGE"),
						rejectedPreflight(METHOD_NOT_ALLOWED)),
				row("methods in lowercase: actual PUT, configured as put", MIXED_CASE_METHODS, request("PUT", APP),
						allowed(ACAO, APP, VARY, "Origin")),
				row("methods in lowercase: actual delete is not DELETE", MIXED_CASE_METHODS, request("delete", APP),
						rejectedActual(METHOD_NOT_ALLOWED)),
				row("preflight status 200 and max-age 0", STATUS_200, preflight(APP, "PATCH"),
						preflightAnswer(200, ACAO, APP, ACAM, "GET,HEAD,POST,PUT,PATCH,DELETE", MAX_AGE, "0", VARY,
								VARY_PREFLIGHT)),
				row("actual request exposes several headers", STATUS_200, request("GET", APP),
						allowed(ACAO, APP, ACEH, "X-Request-Id,ETag", VARY, "Origin")));
	}

	private static Stream<Row> requestHeaders() {
		return Stream.of(
				row("preflight with 1 MB of commas in Access-Control-Request-Headers", EXAMPLES,
						preflight(APP, "PUT").accessControlRequestHeaders(",".repeat(1 << 20)),
						rejectedPreflight(HEADER_NOT_ALLOWED)),
				row("preflight with optional white space and empty elements around allowed headers", EXAMPLES,
						preflight(APP, "PUT").accessControlRequestHeaders(" Content-Type ,, \tauthorization , "),
						examplePreflightWithHeaders(APP)),
				row("preflight with an empty Access-Control-Request-Headers", EXAMPLES,
						preflight(APP, "PUT").accessControlRequestHeaders(""), examplePreflight(APP)),
				row("preflight with a leading comma in Access-Control-Request-Headers", EXAMPLES,
						preflight(APP, "PUT").accessControlRequestHeaders(",content-type"),
						examplePreflightWithHeaders(APP)),
				row("preflight with Access-Control-Request-Headers of 4096 characters, the longest read", REFLECTING,
						preflight(APP, "PUT").accessControlRequestHeaders(HEADERS_4096),
						preflightAnswer(204, ACAO, APP, ACAC, "true", ACAM, "PUT", ACAH, HEADERS_4096, MAX_AGE, "1800",
								VARY, VARY_PREFLIGHT)),
				row("preflight with Access-Control-Request-Headers of 4097 characters", REFLECTING,
						preflight(APP, "PUT").accessControlRequestHeaders(HEADERS_4096 + "x"),
						rejectedPreflight(HEADER_NOT_ALLOWED)),
				row("preflight with allowed headers in uppercase", EXAMPLES,
						preflight(APP, "PUT").accessControlRequestHeaders("CONTENT-TYPE,AUTHORIZATION"),
						examplePreflightWithHeaders(APP)),
				row("preflight with a header name that is not a token", EXAMPLES,
						preflight(APP, "PUT").accessControlRequestHeaders("content-type;x"),
						rejectedPreflight(HEADER_NOT_ALLOWED)),
				row("preflight with two header names separated by a space only", EXAMPLES,
						preflight(APP, "PUT").accessControlRequestHeaders("content-type authorization"),
						rejectedPreflight(HEADER_NOT_ALLOWED)),
				row("preflight with a header allowed by a longer name only", EXAMPLES,
						preflight(APP, "PUT").accessControlRequestHeaders("content"),
						rejectedPreflight(HEADER_NOT_ALLOWED)),
				row("preflight with any header reflects them, trimmed", REFLECTING,
						preflight(APP, "PUT").accessControlRequestHeaders("  x-a, X-B  "),
						preflightAnswer(204, ACAO, APP, ACAC, "true", ACAM, "PUT", ACAH, "x-a, X-B", MAX_AGE, "1800",
								VARY, VARY_PREFLIGHT)),
				row("preflight with 1 MB of commas is refused even when any header is allowed", REFLECTING,
						preflight(APP, "PUT").accessControlRequestHeaders(",".repeat(1 << 20)),
						rejectedPreflight(HEADER_NOT_ALLOWED)),
				row("preflight with a CR LF in a header name when any header is allowed", REFLECTING,
						preflight(APP, "PUT").accessControlRequestHeaders("x-a\r\nSet-Cookie: a=b"),
						rejectedPreflight(HEADER_NOT_ALLOWED)));
	}

	private static Stream<Row> privateNetwork() {
		return Stream.of(
				row("private network preflight when it is allowed", PRIVATE_NETWORK,
						preflight(APP, "PUT").accessControlRequestPrivateNetwork("true"),
						preflightAnswer(204, ACAO, APP, ACAM, "GET,HEAD,POST,PUT,PATCH,DELETE", MAX_AGE, "1800", ACAPN,
								"true", VARY, VARY_PREFLIGHT_PRIVATE_NETWORK)),
				row("plain preflight when private network is allowed", PRIVATE_NETWORK, preflight(APP, "PUT"),
						preflightAnswer(204, ACAO, APP, ACAM, "GET,HEAD,POST,PUT,PATCH,DELETE", MAX_AGE, "1800", VARY,
								VARY_PREFLIGHT_PRIVATE_NETWORK)),
				row("private network preflight from a disallowed origin", PRIVATE_NETWORK,
						preflight(EVIL, "PUT").accessControlRequestPrivateNetwork("true"),
						rejected(ORIGIN_NOT_ALLOWED, VARY, VARY_PREFLIGHT_PRIVATE_NETWORK)),
				row("actual request carrying the private network header", PRIVATE_NETWORK,
						request("GET", APP).accessControlRequestPrivateNetwork("true"),
						allowed(ACAO, APP, VARY, "Origin")),
				row("private network preflight when it is not allowed", EXAMPLES,
						preflight(APP, "PUT").accessControlRequestPrivateNetwork("true"),
						rejectedPreflight(PRIVATE_NETWORK_NOT_ALLOWED)),
				row("private network header other than true is not a request for it", EXAMPLES,
						preflight(APP, "PUT").accessControlRequestPrivateNetwork("false"), examplePreflight(APP)));
	}

	private static Stream<Row> fixedWildcardAndReflection() {
		return Stream.of(
				row("fixed '*': GET from any origin", FIXED_ANY, request("GET", "https://anyone.example"),
						allowed(ACAO, "*", VARY, "Origin")),
				row("fixed '*': GET without Origin is answered '*', without Vary", FIXED_ANY, request("GET"),
						passThrough(Kind.NOT_CORS, ACAO, "*")),
				row("fixed '*': POST without Origin is answered '*'", FIXED_ANY, request("POST"),
						passThrough(Kind.NOT_CORS, ACAO, "*")),
				row("fixed '*': OPTIONS with a requested method but no Origin is no preflight", FIXED_ANY,
						request("OPTIONS").accessControlRequestMethod("PUT").accessControlRequestHeaders("x-a"),
						passThrough(Kind.NOT_CORS, ACAO, "*")),
				row("fixed '*': request without Origin keeps the application's Vary", FIXED_ANY, request("GET"),
						passThrough(Kind.NOT_CORS, ACAO, "*", VARY, "Accept-Encoding"))
					.withExisting(VARY, "Accept-Encoding"),
				row("fixed '*': request without Origin replaces an Access-Control-Allow-Origin set earlier", FIXED_ANY,
						request("GET"), passThrough(Kind.NOT_CORS, ACAO, "*"))
					.withExisting(ACAO, APP),
				row("fixed '*': an exact origin beside '*' leaves it fixed", FIXED_ANY_AND_APP, request("GET"),
						passThrough(Kind.NOT_CORS, ACAO, "*")),
				row("fixed '*': the exact origin beside '*' is answered '*' too", FIXED_ANY_AND_APP,
						request("GET", APP), allowed(ACAO, "*", VARY, "Origin")),
				row("'*' with an OriginDecider: never asked, request without Origin answered '*'", ANY_AND_DECIDER,
						request("GET"), passThrough(Kind.NOT_CORS, ACAO, "*")),
				row("'*' with an OriginDecider: never asked about an origin", ANY_AND_DECIDER, request("GET", TENANT),
						allowed(ACAO, "*", VARY, "Origin")),
				row("reflected origins with credentials: request without Origin gets Vary, not '*'", REFLECTING,
						request("GET"), passThrough(Kind.NOT_CORS, VARY, "Origin")),
				row("fixed '*': same-origin request gets no Vary", FIXED_ANY, request("POST", "http://api.example.com"),
						passThrough(Kind.SAME_ORIGIN)),
				row("fixed '*': preflight reflects the requested headers", FIXED_ANY,
						preflight("https://anyone.example", "PATCH")
							.accessControlRequestHeaders("X-Requested-With, content-type"),
						preflightAnswer(204, ACAO, "*", ACAM, "GET,HEAD,POST,PUT,PATCH,DELETE", ACAH,
								"X-Requested-With, content-type", MAX_AGE, "1800", VARY, VARY_PREFLIGHT)),
				row("fixed '*': preflight with a method not listed", FIXED_ANY,
						preflight("https://anyone.example", "PURGE"), rejectedPreflight(METHOD_NOT_ALLOWED)),
				row("fixed '*': null origin", FIXED_ANY, request("GET", "null"), rejectedActual(MALFORMED_ORIGIN)),
				row("any method: preflight reflects the requested method", REFLECTING,
						preflight(APP, "PURGE").accessControlRequestHeaders("x-a,x-b"),
						preflightAnswer(204, ACAO, APP, ACAC, "true", ACAM, "PURGE", ACAH, "x-a,x-b", MAX_AGE, "1800",
								VARY, VARY_PREFLIGHT)),
				row("any method: actual request with an unlisted method", REFLECTING, request("PURGE", APP),
						allowed(ACAO, APP, ACAC, "true", VARY, "Origin")),
				row("any method: requested method with a trailing space", REFLECTING, preflight(APP, "PUT "),
						rejectedPreflight(METHOD_NOT_ALLOWED)),
				row("any method: requested method smuggling a header", REFLECTING,
						preflight(APP, "PUT\r\nSet-Cookie: a=b"), rejectedPreflight(METHOD_NOT_ALLOWED)),
				row("any method: preflight from a disallowed origin", REFLECTING, preflight(EVIL, "PUT"),
						rejectedPreflight(ORIGIN_NOT_ALLOWED)));
	}

	private static Stream<Row> pathsAndMappings() {
		return Stream.of(
				row("mapping public, a fixed '*', answers a request without Origin with '*'", MAPPED,
						request("GET").path("/public/logo.png"), passThrough(Kind.NOT_CORS, ACAO, "*")),
				row("top level beside the fixed '*' mapping answers a request without Origin with Vary", MAPPED,
						request("GET").path("/other"), passThrough(Kind.NOT_CORS, VARY, "Origin")),
				row("fixed '*' mapping: a request without Origin to an excluded path is untouched", MAPPED,
						request("GET").path("/public/health"), passThrough(Kind.NOT_COVERED)),
				row("mapping public allows any origin and inherits exposed headers", MAPPED,
						request("GET", EVIL).path("/public/logo.png"),
						allowed(ACAO, "*", ACEH, "X-Top", VARY, "Origin")),
				row("top-level exclude-paths apply before mappings", MAPPED,
						request("GET", EVIL).path("/public/health"), passThrough(Kind.NOT_COVERED)),
				row("mapping api adds PATCH and credentials, inherits origins and max-age", MAPPED,
						preflight(APP, "PATCH").path("/api/items"),
						preflightAnswer(204, ACAO, APP, ACAC, "true", ACAM, "GET,PATCH", MAX_AGE, "1800", VARY,
								VARY_PREFLIGHT)),
				row("mapping api refuses what the inherited origins do not allow", MAPPED,
						request("GET", EVIL).path("/api/items"), rejectedActual(ORIGIN_NOT_ALLOWED)),
				row("first mapping wins: api-v2 is never reached", MAPPED,
						preflight("https://other.example.com", "GET").path("/api/v2/items"),
						rejectedPreflight(ORIGIN_NOT_ALLOWED)),
				row("mapping's own exclude-paths pass through untouched", MAPPED,
						request("GET", EVIL).path("/api/internal/metrics"), passThrough(Kind.NOT_COVERED)),
				row("path outside every mapping takes the top level", MAPPED, preflight(APP, "PATCH").path("/other"),
						preflightAnswer(204, ACAO, APP, ACAM, "GET,HEAD,POST,PUT,PATCH,DELETE", MAX_AGE, "1800", VARY,
								VARY_PREFLIGHT)),
				row("path sharing a mapping's prefix but not its segment takes the top level", MAPPED,
						request("GET", EVIL).path("/publicity"), rejectedActual(ORIGIN_NOT_ALLOWED)),
				row("top level exposes its headers on paths outside the mappings", MAPPED,
						request("GET", APP).path("/other"), allowed(ACAO, APP, ACEH, "X-Top", VARY, "Origin")),
				row("excluded path from a disallowed origin is untouched", SCOPED,
						request("POST", EVIL).path("/api/health"), passThrough(Kind.NOT_COVERED)),
				row("excluded path without Origin gets no Vary", SCOPED, request("GET").path("/api/docs/index.html"),
						passThrough(Kind.NOT_COVERED)),
				row("path not covered is untouched", SCOPED, preflight(EVIL, "PUT").path("/static/app.js"),
						passThrough(Kind.NOT_COVERED)),
				row("covered path from a disallowed origin", SCOPED, request("GET", EVIL).path("/api/healthz"),
						rejectedActual(ORIGIN_NOT_ALLOWED)),
				row("covered path is the pattern's own root", SCOPED, request("GET", APP).path("/api"),
						allowed(ACAO, APP, VARY, "Origin")));
	}

	/**
	 * The rule set is chosen on the path the application routes: decoded, without
	 * parameters. A path that could be routed another way is refused to cross-origin
	 * callers, and left alone for the others.
	 */
	private static Stream<Row> disguisedPaths() {
		return Stream.of(
				row("behaviour 7.1: a parameter in the mapping's segment", ADMIN_MAPPING,
						request("GET", APP).path("/admin;x/secret"), rejectedActual(ORIGIN_NOT_ALLOWED)),
				row("behaviour 7.2: a percent-encoded letter in the mapping's segment", ADMIN_MAPPING,
						request("GET", APP).path("/%61dmin/secret"), rejectedActual(ORIGIN_NOT_ALLOWED)),
				row("behaviour 7.3: the disguised preflight", ADMIN_MAPPING,
						preflight(APP, "PUT").path("/%61dmin/secret"), rejectedPreflight(ORIGIN_NOT_ALLOWED)),
				row("behaviour 7.4: a session id after the last segment", ADMIN_MAPPING,
						request("GET", ADMIN).path("/admin/secret;jsessionid=1"),
						allowed(ACAO, ADMIN, ACAC, "true", VARY, "Origin")),
				row("behaviour 7.5: a parameter in the covered segment", SCOPED,
						request("POST", EVIL).path("/api;x=1/data"), rejectedActual(ORIGIN_NOT_ALLOWED)),
				row("a parameter after the covered path's last segment", SCOPED,
						request("POST", EVIL).path("/api/data;x=1"), rejectedActual(ORIGIN_NOT_ALLOWED)),
				row("a percent-encoded letter in the covered segment", SCOPED, request("GET", EVIL).path("/%61pi/data"),
						rejectedActual(ORIGIN_NOT_ALLOWED)),
				row("behaviour 7.6: '{*rest}' covers the rest of the path", REST_OF_PATH,
						request("POST", EVIL).path("/api/v1/items"), rejectedActual(ORIGIN_NOT_ALLOWED)),
				row("a parameter that looks like an excluded extension", ADMIN_MAPPING,
						request("GET", EVIL).path("/api/data;.css"), rejectedActual(ORIGIN_NOT_ALLOWED)),
				row("an excluded extension behind an encoded dot", ADMIN_MAPPING,
						request("GET", EVIL).path("/api/a%2Ecss"), passThrough(Kind.NOT_COVERED)),
				row("an encoded slash is refused", ADMIN_MAPPING, request("GET", ADMIN).path("/admin%2Fsecret"),
						rejectedActual(AMBIGUOUS_PATH)),
				row("an encoded semicolon is refused", ADMIN_MAPPING, request("GET", APP).path("/x%3B/admin/secret"),
						rejectedActual(AMBIGUOUS_PATH)),
				row("an encoded percent sign is refused", ADMIN_MAPPING, request("GET", APP).path("/%2561dmin/secret"),
						rejectedActual(AMBIGUOUS_PATH)),
				row("an undecodable escape is refused", ADMIN_MAPPING, request("GET", APP).path("/admin/%zz"),
						rejectedActual(AMBIGUOUS_PATH)),
				row("an escape of invalid UTF-8 is refused", ADMIN_MAPPING, request("GET", APP).path("/admin/%C3%28"),
						rejectedActual(AMBIGUOUS_PATH)),
				row("an empty segment is refused", ADMIN_MAPPING, request("GET", APP).path("//admin/secret"),
						rejectedActual(AMBIGUOUS_PATH)),
				row("a segment of parameters only is refused", ADMIN_MAPPING, request("GET", APP).path("/;x/admin"),
						rejectedActual(AMBIGUOUS_PATH)),
				row("a dot-dot segment is refused", ADMIN_MAPPING, request("GET", APP).path("/x/../admin/secret"),
						rejectedActual(AMBIGUOUS_PATH)),
				row("an encoded dot segment is refused", ADMIN_MAPPING, request("GET", APP).path("/x/%2e/admin"),
						rejectedActual(AMBIGUOUS_PATH)),
				row("a backslash is refused", ADMIN_MAPPING, request("GET", APP).path("/x\\..\\admin"),
						rejectedActual(AMBIGUOUS_PATH)),
				row("a refused path's preflight carries the preflight's Vary", ADMIN_MAPPING,
						preflight(APP, "PUT").path("//admin/secret"), rejectedPreflight(AMBIGUOUS_PATH)),
				row("an ambiguous path without Origin passes untouched", ADMIN_MAPPING,
						request("GET").path("//admin/secret"), passThrough(Kind.NOT_COVERED)),
				row("an ambiguous path from the request's own origin passes untouched", ADMIN_MAPPING,
						request("POST", "https://api.example.com").scheme("https")
							.host("api.example.com")
							.port(443)
							.path("/x/../admin"),
						passThrough(Kind.NOT_COVERED)),
				row("an ambiguous path from a malformed origin is refused as ambiguous", ADMIN_MAPPING,
						request("GET", "null").path("//admin"), rejectedActual(AMBIGUOUS_PATH)),
				row("an ambiguous path is decided normally when one rule set covers every path", EXAMPLES,
						request("GET", APP).path("//admin/../x"), exampleAllowed(APP)),
				row("a decoded non-ASCII segment is matched as the application routes it", ADMIN_MAPPING,
						request("GET", APP).path("/caf%C3%A9"), allowed(ACAO, APP, ACAC, "true", VARY, "Origin")));
	}

	private static Stream<Row> sameOrigin() {
		return Stream.of(
				row("same origin over https with the default port given by the server", EXAMPLES,
						request("POST", "https://api.example.com").scheme("https").host("api.example.com").port(443),
						passThrough(Kind.SAME_ORIGIN, VARY, "Origin")),
				row("same origin over https with the default port left out by the server", EXAMPLES,
						request("PUT", "https://api.example.com").scheme("https").host("api.example.com").port(-1),
						passThrough(Kind.SAME_ORIGIN, VARY, "Origin")),
				row("same origin on a non-default port", EXAMPLES,
						request("DELETE", "http://api.example.com:8080").scheme("http")
							.host("api.example.com")
							.port(8080),
						passThrough(Kind.SAME_ORIGIN, VARY, "Origin")),
				row("same host on another port is cross-origin", EXAMPLES,
						request("POST", "http://api.example.com").scheme("http").host("api.example.com").port(8080),
						rejectedActual(ORIGIN_NOT_ALLOWED)),
				row("same host over another scheme is cross-origin", EXAMPLES,
						request("POST", "http://api.example.com").scheme("https").host("api.example.com").port(443),
						rejectedActual(ORIGIN_NOT_ALLOWED)),
				row("same origin with an uppercase server host", EXAMPLES,
						request("POST", "http://api.example.com").scheme("http").host("API.Example.COM").port(-1),
						passThrough(Kind.SAME_ORIGIN, VARY, "Origin")),
				row("same origin on IPv6 with a bracketed server host", EXAMPLES,
						request("POST", "http://[::1]:8080").scheme("http").host("[::1]").port(8080),
						passThrough(Kind.SAME_ORIGIN, VARY, "Origin")),
				row("same origin on IPv6 with a server host without brackets", EXAMPLES,
						request("POST", "http://[::1]:8080").scheme("http").host("::1").port(8080),
						passThrough(Kind.SAME_ORIGIN, VARY, "Origin")),
				row("same origin on IPv4", EXAMPLES,
						request("POST", "http://10.0.0.7:8080").scheme("http").host("10.0.0.7").port(8080),
						passThrough(Kind.SAME_ORIGIN, VARY, "Origin")),
				row("same-origin preflight for an unlisted method is never refused", EXAMPLES,
						preflight("http://api.example.com", "PATCH").accessControlRequestHeaders("x-custom"),
						passThrough(Kind.SAME_ORIGIN, VARY, "Origin")),
				row("same-origin PATCH, not listed, is never refused", EXAMPLES,
						request("PATCH", "http://api.example.com"), passThrough(Kind.SAME_ORIGIN, VARY, "Origin")),
				row("own origin with its default port written out is not what browsers send", EXAMPLES,
						request("POST", "http://api.example.com:80").scheme("http").host("api.example.com").port(80),
						rejectedActual(MALFORMED_ORIGIN)));
	}

	private static Stream<Row> originDecider() {
		return Stream.of(
				row("decider: exact origin is not asked about", TENANTS, request("GET", APP),
						allowed(ACAO, APP, VARY, "Origin")),
				row("decider: pattern match is not asked about", TENANTS, request("GET", "https://x.example.org"),
						allowed(ACAO, "https://x.example.org", VARY, "Origin")),
				row("decider: allows an origin the lists miss", TENANTS, request("GET", TENANT),
						allowed(ACAO, TENANT, VARY, "Origin").consulting(TENANT)),
				row("decider: refuses an origin the lists miss", TENANTS,
						request("GET", "https://stranger.example.net"),
						rejectedActual(ORIGIN_NOT_ALLOWED).consulting("https://stranger.example.net")),
				row("decider: asked with the port the origin has", TENANTS, request("GET", TENANT + ":8443"),
						rejectedActual(ORIGIN_NOT_ALLOWED).consulting(TENANT + ":8443")),
				row("decider: asked about the longest well-formed origin, 267 characters", TENANTS,
						request("GET", LONGEST_ORIGIN), rejectedActual(ORIGIN_NOT_ALLOWED).consulting(LONGEST_ORIGIN)),
				row("decider: allows a preflight", TENANTS,
						preflight(TENANT, "PUT").accessControlRequestHeaders("x-tenant"),
						preflightAnswer(204, ACAO, TENANT, ACAM, "GET,HEAD,POST,PUT,PATCH,DELETE", ACAH, "x-tenant",
								MAX_AGE, "1800", VARY, VARY_PREFLIGHT)
							.consulting(TENANT)),
				row("decider: not asked about an uppercase origin", TENANTS,
						request("GET", "HTTPS://TENANT.EXAMPLE.NET"), rejectedActual(MALFORMED_ORIGIN)),
				row("decider: not asked about an origin with a trailing slash", TENANTS, request("GET", TENANT + "/"),
						rejectedActual(MALFORMED_ORIGIN)),
				row("decider: not asked about two Origin lines", TENANTS, request("GET", TENANT, TENANT),
						rejectedActual(MALFORMED_ORIGIN)),
				row("decider: not asked without Origin", TENANTS, request("GET"),
						passThrough(Kind.NOT_CORS, VARY, "Origin")),
				row("decider: not asked about the request's own origin", TENANTS,
						request("POST", "http://api.example.com"), passThrough(Kind.SAME_ORIGIN, VARY, "Origin")));
	}

	private static Stream<Row> varyMerging() {
		return Stream.of(
				row("existing Vary: Accept-Encoding is kept and Origin appended", EXAMPLES, request("GET", APP),
						exampleAllowed(APP).withHeader(VARY, "Accept-Encoding, Origin"))
					.withExisting(VARY, "Accept-Encoding"),
				row("existing lowercase Vary: origin is not duplicated", EXAMPLES, request("GET", APP),
						exampleAllowed(APP).withHeader(VARY, "origin"))
					.withExisting(VARY, "origin"),
				row("existing Vary: * is left alone", EXAMPLES, request("GET", APP),
						exampleAllowed(APP).withHeader(VARY, "*"))
					.withExisting(VARY, "*"),
				row("preflight adds only the Vary tokens missing", EXAMPLES, preflight(APP, "PUT"),
						examplePreflight(APP).withHeader(VARY,
								"access-control-request-method, Origin, Access-Control-Request-Headers"))
					.withExisting(VARY, "access-control-request-method"),
				row("rejection merges two existing Vary lines into one", EXAMPLES, request("GET", EVIL),
						rejectedActual(ORIGIN_NOT_ALLOWED).withHeader(VARY, "Accept-Encoding, Origin"))
					.withExisting(VARY, "Accept-Encoding")
					.withExisting(VARY, "Origin"),
				row("two existing Vary lines, the first being Origin, are merged into one", EXAMPLES,
						request("GET", APP), exampleAllowed(APP).withHeader(VARY, "Origin, Accept-Encoding"))
					.withExisting(VARY, "Origin")
					.withExisting(VARY, "Accept-Encoding"),
				row("request without Origin keeps a Vary list that has origin", EXAMPLES, request("GET"),
						passThrough(Kind.NOT_CORS, VARY, "Accept-Encoding, origin"))
					.withExisting(VARY, "Accept-Encoding, origin"),
				row("two existing Vary lines that are both Origin are merged into one Origin", EXAMPLES,
						request("GET", APP), exampleAllowed(APP))
					.withExisting(VARY, "Origin")
					.withExisting(VARY, "Origin"),
				row("one Vary line that repeats a token loses the repeat", EXAMPLES, request("GET", APP),
						exampleAllowed(APP).withHeader(VARY, "Accept-Encoding, Origin"))
					.withExisting(VARY, "Accept-Encoding, accept-encoding"),
				row("one Vary line that repeats Origin, the only token to add, loses the repeat", EXAMPLES,
						request("GET", APP), exampleAllowed(APP).withHeader(VARY, "Origin"))
					.withExisting(VARY, "Origin, origin"),
				row("uncovered path leaves an existing Vary as it is", SCOPED, request("GET", EVIL).path("/static/x"),
						passThrough(Kind.NOT_COVERED, VARY, "Accept-Encoding"))
					.withExisting(VARY, "Accept-Encoding"),
				row("an Access-Control-Allow-Origin set earlier is replaced", EXAMPLES, request("GET", APP),
						exampleAllowed(APP))
					.withExisting(ACAO, "*"));
	}

	private static Expected exampleAllowed(String origin) {
		return allowed(ACAO, origin, ACAC, "true", ACEH, "X-Total-Count", VARY, "Origin");
	}

	private static Expected examplePreflight(String origin) {
		return preflightAnswer(204, ACAO, origin, ACAC, "true", ACAM, "GET,POST,PUT,DELETE", MAX_AGE, "3600", VARY,
				VARY_PREFLIGHT);
	}

	private static Expected examplePreflightWithHeaders(String origin) {
		return examplePreflight(origin).withHeader(ACAH, "Content-Type,Authorization");
	}

	private static Expected allowed(String... headers) {
		return new Expected(Kind.ALLOWED, null, 0, headers(headers), List.of());
	}

	private static Expected preflightAnswer(int status, String... headers) {
		return new Expected(Kind.PREFLIGHT, null, status, headers(headers), List.of());
	}

	private static Expected rejected(RejectionReason reason, String... headers) {
		return new Expected(Kind.REJECTED, reason, 0, headers(headers), List.of());
	}

	private static Expected rejectedActual(RejectionReason reason) {
		return rejected(reason, VARY, "Origin");
	}

	private static Expected rejectedPreflight(RejectionReason reason) {
		return rejected(reason, VARY, VARY_PREFLIGHT);
	}

	private static Expected passThrough(Kind kind, String... headers) {
		return new Expected(kind, null, 0, headers(headers), List.of());
	}

	private static Map<String, String> headers(String... namesAndValues) {
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			headers.put(namesAndValues[i], namesAndValues[i + 1]);
		}
		return headers;
	}

	private static Row row(String description, Policy policy, PlainCorsRequest.Builder request, Expected expected) {
		return new Row(description, policy, request.build(), new InMemoryCorsResponse(), expected);
	}

	/**
	 * Settings under test, and the origins an {@link OriginDecider} allows ({@code null}
	 * for no decider).
	 */
	record Policy(String name, CorsSettings settings, @Nullable Set<String> tenants) {

		Policy(String name, CorsSettings settings) {
			this(name, settings, null);
		}

	}

	/**
	 * What a row expects: the decision, and every header of the response afterwards.
	 */
	record Expected(Kind kind, @Nullable RejectionReason reason, int preflightStatus, Map<String, String> headers,
			List<String> deciderCalls) {

		Expected withHeader(String name, String value) {
			Map<String, String> headers = new LinkedHashMap<>(this.headers);
			headers.put(name, value);
			return new Expected(this.kind, this.reason, this.preflightStatus, headers, this.deciderCalls);
		}

		Expected consulting(String... origins) {
			return new Expected(this.kind, this.reason, this.preflightStatus, this.headers, List.of(origins));
		}

	}

	/**
	 * One case: a request to a policy, the response as the handler or earlier filters
	 * left it, and the outcome.
	 */
	record Row(String description, Policy policy, PlainCorsRequest request, InMemoryCorsResponse response,
			Expected expected) {

		Row withExisting(String name, String value) {
			this.response.addHeader(name, value);
			return this;
		}

		@Override
		public String toString() {
			return this.description + " [" + this.policy.name() + "; " + this.request + "]";
		}

	}

}
