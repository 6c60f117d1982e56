package io.github.corsstarter.policy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.corsstarter.policy.CorsDecision.Kind;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.WithNull;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.statistics.Statistics;
import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends requests whose every field holds an arbitrary string to a range of policies:
 * deciding and writing the headers must never throw, whatever a client sends, and what is
 * written must stay within what docs/behaviour.md allows.
 */
@AddLifecycleHook(ScaledTries.class)
class CorsPolicyRobustnessProperties {

	private static final String APP = "https://app.example.com";

	private static final List<CorsPolicy> POLICIES = List.of(
			CorsPolicy.compile(CorsSettings.builder()
				.origins(APP, "http://localhost:5173")
				.originPatterns("https://*.example.org", "http://[::1]:*")
				.methods("GET", "POST", "PUT", "DELETE")
				.allowedHeaders("Content-Type", "Authorization")
				.exposedHeaders("X-Total-Count")
				.allowCredentials(true)
				.maxAge(Duration.ofHours(1))
				.build()),
			CorsPolicy.compile(CorsSettings.builder().origins("*").build()),
			CorsPolicy.compile(CorsSettings.builder()
				.origins(APP)
				.methods("*")
				.allowedHeaders("*")
				.allowCredentials(true)
				.allowPrivateNetwork(true)
				.preflightStatus(200)
				.build()),
			CorsPolicy.compile(CorsSettings.builder()
				.origins(APP)
				.paths("/api/**", "/{tenant}/data/**")
				.excludePaths("/api/internal/**")
				.mapping("public", CorsSettings.builder().paths("/public/**", "/**/*.js").origins("*").build())
				.build()),
			CorsPolicy.compile(CorsSettings.builder().build(), CorsPolicyRobustnessProperties::wellFormedOnly));

	@Property(tries = 10000)
	void decideAndWriteNeverThrow(@ForAll("policies") CorsPolicy policy, @ForAll("methods") String method,
			@ForAll("paths") String path, @ForAll("originLines") List<String> origins, @ForAll("schemes") String scheme,
			@ForAll("hosts") String host, @ForAll("ports") int port,
			@ForAll("requestMethods") @WithNull(0.3) @Nullable String requestMethod,
			@ForAll("requestHeaders") @WithNull(0.3) @Nullable String requestHeaders,
			@ForAll("privateNetwork") @WithNull(0.5) @Nullable String privateNetwork,
			@ForAll("existingVary") @Nullable String existingVary, @ForAll boolean toTheOriginsServer) {
		PlainCorsRequest.Builder builder = ExampleRequests.request(method, origins.toArray(String[]::new))
			.path(path)
			.scheme(scheme)
			.host(host)
			.port(port)
			.accessControlRequestMethod(requestMethod)
			.accessControlRequestHeaders(requestHeaders)
			.accessControlRequestPrivateNetwork(privateNetwork);
		NaiveOrigin origin = origins.isEmpty() ? null : NaiveOrigin.parse(origins.get(0));
		if (toTheOriginsServer && origin != null) {
			// Otherwise same-origin requests would hardly ever be generated.
			builder.scheme(origin.scheme()).host(origin.host()).port(origin.port());
		}
		PlainCorsRequest request = builder.build();
		InMemoryCorsResponse response = new InMemoryCorsResponse();
		if (existingVary != null) {
			response.addHeader("Vary", existingVary);
		}

		CorsDecision decision = policy.decide(request);
		decision.writeHeaders(request, response);

		Statistics.label("kind").collect(decision.kind());
		Statistics.label("kind").coverage((coverage) -> {
			for (Kind kind : Kind.values()) {
				coverage.check(kind).count((count) -> count > 0);
			}
		});
		Map<String, String> headers = WrittenHeaders.of(response);
		assertThat(decision.reason() != null).as("reason given exactly for rejections")
			.isEqualTo(decision.kind() == Kind.REJECTED);
		if (decision.kind() != Kind.ALLOWED && decision.kind() != Kind.PREFLIGHT) {
			// Behaviour 2.2: under a fixed '*', a request without Origin is answered '*',
			// and nothing else of CORS.
			EffectiveRules rules = policy.effectiveRulesFor(request.path());
			boolean fixedWildcard = decision.kind() == Kind.NOT_CORS && rules != null && rules.isFixedWildcard();
			assertThat(headers.keySet().stream().filter((name) -> name.startsWith("Access-Control-")))
				.as("CORS headers of a %s", decision.kind())
				.containsExactlyElementsOf(fixedWildcard ? List.of("Access-Control-Allow-Origin") : List.of());
			if (fixedWildcard) {
				assertThat(headers.get("Access-Control-Allow-Origin")).isEqualTo("*");
			}
		}
		headers.forEach((name, value) -> {
			if (!name.equals("Vary")) {
				assertThat(value).as("value of %s", name).matches("[\\x20-\\x7e\\t]*");
			}
		});
		String allowOrigin = headers.get("Access-Control-Allow-Origin");
		if (allowOrigin != null && !allowOrigin.equals("*")) {
			assertThat(allowOrigin).isEqualTo(request.origin());
			assertThat(NaiveOrigin.parse(allowOrigin)).as("reflected origin is well formed").isNotNull();
			assertThat(request.hasSeveralOrigins()).isFalse();
		}
	}

	@Provide
	Arbitrary<CorsPolicy> policies() {
		return Arbitraries.of(POLICIES);
	}

	@Provide
	Arbitrary<String> methods() {
		return field("OPTIONS", "GET", "POST", "PUT", "put", "PURGE", "");
	}

	@Provide
	Arbitrary<String> paths() {
		return Arbitraries.oneOf(field("/api/items", "/", "/public/x", "/api/internal/x", "/t1/data/x", "/a/b.js"),
				text().map((text) -> "/" + text));
	}

	@Provide
	Arbitrary<List<String>> originLines() {
		Arbitrary<String> origin = field(APP, "http://[::1]:8080", "https://a.example.org",
				"https://tenant.example.net", "http://api.example.com", "https://api.example.com", "null", "*", "",
				"https://" + "a.".repeat(200) + "example.org", APP + "/");
		return Arbitraries.frequencyOf(Tuple.of(8, origin.map(List::of)), Tuple.of(1, Arbitraries.just(List.of())),
				Tuple.of(1, origin.list().ofMaxSize(3)));
	}

	@Provide
	Arbitrary<String> schemes() {
		return field("http", "https", "HTTP");
	}

	@Provide
	Arbitrary<String> hosts() {
		return field("api.example.com", "API.EXAMPLE.COM", "[::1]", "::1", "");
	}

	@Provide
	Arbitrary<String> requestMethods() {
		return field("PUT", "PURGE", "GET", "put", "", "PUT\r\nSet-Cookie: a=b");
	}

	@Provide
	Arbitrary<String> requestHeaders() {
		return field("content-type", "content-type, authorization", "X-Anything", ",,,", "x-a,\tx-b ,", "",
				",".repeat(5000), "x-a\r\nSet-Cookie: a=b", "x-\u00e4");
	}

	@Provide
	Arbitrary<String> privateNetwork() {
		return field("true", "false", "TRUE");
	}

	@Provide
	Arbitrary<Integer> ports() {
		return Arbitraries.oneOf(Arbitraries.integers(), Arbitraries.of(-1, -1, -1, 0, 80, 443, 8080, 65536));
	}

	@Provide
	Arbitrary<String> existingVary() {
		return Arbitraries.of("Accept-Encoding", "origin", "*", "", " , ,", "Origin, Access-Control-Request-Method")
			.injectNull(0.5);
	}

	/**
	 * Values for one field: often the one that lets a request go furthest through the
	 * engine (an allowed preflight from a configured origin), so that the other fields'
	 * odd values reach deep branches; else other values that reach the engine's branches,
	 * or arbitrary text.
	 */
	private static Arbitrary<String> field(String furthest, String... familiar) {
		return Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.just(furthest)), Tuple.of(3, Arbitraries.of(familiar)),
				Tuple.of(2, text()));
	}

	private static Arbitrary<String> text() {
		return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40),
				Arbitraries.strings().withChars("htps:/[]*.,@ \t\r\n-_aAeGT0189").ofMaxLength(40));
	}

	/**
	 * A decider that fails the property when the engine asks it about a malformed origin.
	 */
	private static boolean wellFormedOnly(String origin) {
		if (NaiveOrigin.parse(origin) == null) {
			throw new AssertionError("The decider was asked about a malformed origin: " + origin);
		}
		return origin.endsWith(".example.net");
	}

}
