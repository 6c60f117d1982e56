package io.github.corsstarter.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.github.corsstarter.policy.CorsDecision.Kind;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.statistics.Statistics;
import org.jspecify.annotations.Nullable;

import static io.github.corsstarter.policy.ExampleRequests.preflight;
import static io.github.corsstarter.policy.ExampleRequests.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Fuzzes the engine with inputs no table lists: header values made of arbitrary bytes
 * (decoded as ISO-8859-1, as servers decode them), one-byte edits and near misses of the
 * configured origins, arbitrary {@code Access-Control-Request-Method} and
 * {@code -Headers} values, and configuration values of the same kinds. Whatever the
 * input, the promises of docs/behaviour.md hold:
 * <ol>
 * <li>deciding and writing the headers never throw on request input;</li>
 * <li>an allowed request's {@code Access-Control-Allow-Origin} is its own single,
 * well-formed origin (or {@code *} under a fixed {@code *} policy), which the
 * configuration names when read naively ({@link NaiveOrigin});</li>
 * <li>with credentials, {@code Access-Control-Allow-Origin} is never {@code *} or
 * {@code null}, and {@code Access-Control-Allow-Credentials} never comes without the
 * exact origin;</li>
 * <li>a configuration is either refused, with a violation for each value section 5 of
 * docs/behaviour.md refuses, or compiles to a policy no looser than written: every
 * origin, method and header it grants is written.</li>
 * </ol>
 */
@AddLifecycleHook(ScaledTries.class)
class CorsPolicyFuzzProperties {

	private static final String ACAO = "Access-Control-Allow-Origin";

	private static final String ACAC = "Access-Control-Allow-Credentials";

	/**
	 * RFC 9110 section 5.6.2, written as a regular expression rather than scanned
	 * character by character.
	 */
	private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

	private static final Set<String> FORBIDDEN_METHODS = Set.of("CONNECT", "TRACE", "TRACK");

	/** Fetch, "forbidden request-header", as the standard lists it. */
	private static final Pattern FORBIDDEN_REQUEST_HEADER = Pattern.compile("(?i)accept-charset|accept-encoding"
			+ "|access-control-request-headers|access-control-request-method|connection|content-length|cookie|cookie2"
			+ "|date|dnt|expect|host|keep-alive|origin|referer|set-cookie|te|trailer|transfer-encoding|upgrade|via"
			+ "|proxy-.*|sec-.*");

	/** Fetch, "forbidden response-header name". */
	private static final Pattern FORBIDDEN_RESPONSE_HEADER = Pattern.compile("(?i)set-cookie2?");

	/** The CORS protocol's own headers, which scripts neither send nor read. */
	private static final Pattern CORS_PROTOCOL_HEADER = Pattern.compile("(?i)access-control-.*");

	private static final Set<String> SAFELISTED_METHODS = Set.of("GET", "HEAD", "POST");

	/**
	 * Fetch, "normalize a method": methods browsers send in uppercase, written in any
	 * case in the configuration.
	 */
	private static final Set<String> NORMALIZED_METHODS = Set.of("DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT");

	/**
	 * The server requests go to, unless sent to their own origin: no generated origin
	 * names it.
	 */
	private static final String SERVER_HOST = "cors-server.test";

	/**
	 * The characters around the ranges of a token's letters and digits, where an
	 * off-by-one would show.
	 */
	private static final String TOKEN_EDGES = "aAzZ09`{@[/:-";

	@Property(tries = 1000)
	void requestInputNeverMakesTheEngineThrow(@ForAll("exchanges") Exchange exchange) {
		assertThatCode(exchange::run).as("deciding and writing %s", exchange).doesNotThrowAnyException();

		// The generators must reach every outcome, or this property would prove little.
		Statistics.label("kind").collect(exchange.run().decision().kind());
		Statistics.label("kind").coverage((coverage) -> {
			for (Kind kind : List.of(Kind.NOT_CORS, Kind.SAME_ORIGIN, Kind.ALLOWED, Kind.PREFLIGHT, Kind.REJECTED)) {
				coverage.check(kind).count((count) -> count > 0);
			}
		});
	}

	@Property(tries = 1000)
	void allowedOriginIsTheRequestsOwnAndNamedByTheConfiguration(@ForAll("exchanges") Exchange exchange) {
		Outcome outcome = exchange.run();
		PlainCorsRequest request = exchange.request();
		String origin = request.origin();
		NaiveOrigin parsed = (origin != null && !request.hasSeveralOrigins()) ? NaiveOrigin.parse(origin) : null;
		boolean named = parsed != null && exchange.configuration().names(parsed);
		Kind kind = outcome.decision().kind();

		Statistics.label("origin").collect((parsed == null) ? "none or malformed" : named ? "named" : "not named");
		if (kind == Kind.ALLOWED || kind == Kind.PREFLIGHT) {
			assertThat(parsed).as("allowed origin of %s is one well-formed origin", exchange).isNotNull();
			assertThat(named).as("configuration names the allowed origin of %s", exchange).isTrue();
			assertThat(outcome.headers().get(ACAO)).as("ACAO for %s", exchange)
				.isEqualTo(exchange.configuration().isFixedWildcard() ? "*" : origin);
		}
		else if (kind == Kind.NOT_CORS && exchange.configuration().isFixedWildcard()) {
			// Behaviour 2.2: under a fixed '*', a request without Origin is answered '*'
			// as well.
			assertThat(outcome.headers().get(ACAO)).as("ACAO for %s", exchange).isEqualTo("*");
		}
		else {
			assertThat(outcome.headers()).as("headers for %s", exchange).doesNotContainKey(ACAO);
		}
		// The converse: a named origin may be refused for its method or headers, never
		// for itself.
		if (named && kind == Kind.REJECTED) {
			assertThat(outcome.decision().reason()).as("reason for %s", exchange)
				.isNotIn(RejectionReason.MALFORMED_ORIGIN, RejectionReason.ORIGIN_NOT_ALLOWED);
		}
	}

	@Property(tries = 1000)
	void credentialedResponsesNeverAllowAWildcardOrNullOrigin(@ForAll("credentialedExchanges") Exchange exchange) {
		Map<String, String> headers = exchange.run().headers();
		String allowOrigin = headers.get(ACAO);
		String allowCredentials = headers.get(ACAC);

		Statistics.label("credentials granted").collect(allowCredentials != null);
		assertThat(allowOrigin).as("ACAO for %s", exchange).isNotIn("*", "null");
		if (allowCredentials != null) {
			assertThat(allowCredentials).as("ACAC for %s", exchange).isEqualTo("true");
			assertThat(exchange.request().hasSeveralOrigins()).as("several origins in %s", exchange).isFalse();
			assertThat(allowOrigin).as("ACAO beside ACAC for %s", exchange).isEqualTo(exchange.request().origin());
			assertThat(NaiveOrigin.parse(allowOrigin)).as("ACAO beside ACAC for %s", exchange).isNotNull();
		}
	}

	@Property(tries = 2000)
	void configurationIsRefusedOrNoLooserThanWritten(@ForAll("probedConfigurations") Probe probe) {
		Written configuration = probe.configuration();
		CorsConfigurationException refusal = catchThrowableOfType(CorsConfigurationException.class,
				() -> CorsPolicy.compile(configuration.settings()));
		Set<String> refused = new LinkedHashSet<>();
		if (refusal != null) {
			assertThat(refusal.getViolations()).as("violations of %s", configuration).isNotEmpty();
			refusal.getViolations().forEach((violation) -> refused.add(violation.property()));
		}
		Statistics.label("compiles").collect(refusal == null);
		assertRefusesExactlyWhatIsDocumentedAsRefused(configuration, refused);
		if (refusal != null) {
			return;
		}

		CorsPolicy policy = CorsPolicy.compile(configuration.settings());
		String allowedOrigin = null;
		for (String candidate : probe.origins()) {
			CorsDecision decision = policy
				.decide(request("GET", candidate).scheme("https").host(SERVER_HOST).port(-1).build());
			if (decision.kind() == Kind.ALLOWED) {
				NaiveOrigin parsed = NaiveOrigin.parse(candidate);
				assertThat(parsed).as("allowed origin %s under %s", candidate, configuration).isNotNull();
				assertThat(configuration.names(parsed)).as("%s names %s", configuration, candidate).isTrue();
				allowedOrigin = candidate;
			}
		}
		Statistics.label("some origin allowed").collect(allowedOrigin != null);
		if (allowedOrigin != null) {
			assertGrantsOnlyWrittenMethodsAndHeaders(policy, configuration, allowedOrigin, probe);
		}
	}

	/**
	 * Each list element is refused exactly when docs/behaviour.md says so.
	 */
	private static void assertRefusesExactlyWhatIsDocumentedAsRefused(Written configuration, Set<String> refused) {
		forEachValue(configuration.origins(), "cors.origins", (value) -> originRefusal(value, configuration), refused,
				configuration);
		forEachValue(configuration.patterns(), "cors.origin-patterns",
				(value) -> NaiveOrigin.isPattern(value) ? patternRefusal(value, configuration) : Refusal.ALWAYS,
				refused, configuration);
		forEachValue(configuration.methods(), "cors.methods",
				(value) -> Refusal.when(
						!TOKEN.matcher(value).matches() || FORBIDDEN_METHODS.contains(value.toUpperCase(Locale.ROOT))),
				refused, configuration);
		forEachValue(configuration.allowedHeaders(), "cors.allowed-headers",
				(value) -> Refusal
					.when(!TOKEN.matcher(value).matches() || FORBIDDEN_REQUEST_HEADER.matcher(value).matches()
							|| CORS_PROTOCOL_HEADER.matcher(value).matches()),
				refused, configuration);
		forEachValue(configuration.exposedHeaders(), "cors.exposed-headers",
				(value) -> Refusal
					.when(!TOKEN.matcher(value).matches() || (value.equals("*") && configuration.credentials())
							|| FORBIDDEN_RESPONSE_HEADER.matcher(value).matches()
							|| CORS_PROTOCOL_HEADER.matcher(value).matches()),
				refused, configuration);
	}

	/**
	 * {@code *} is refused with credentials, anything but a serialized origin always.
	 */
	private static Refusal originRefusal(String value, Written configuration) {
		if (value.equals("*")) {
			return Refusal.when(configuration.credentials());
		}
		return (NaiveOrigin.parse(value) != null) ? wellFormedRefusal(value, configuration) : Refusal.ALWAYS;
	}

	/**
	 * With credentials, a well-formed pattern over a public suffix is also refused: a
	 * rule with rows of its own in {@link CorsPolicyConfigurationTests} and tests of the
	 * list in {@link PublicSuffixesTests}. The generators write no such domain, but an
	 * edit may; the list only says which values this property leaves out.
	 */
	private static Refusal patternRefusal(String value, Written configuration) {
		String domain = value.substring(value.indexOf("://") + 3);
		if (configuration.credentials() && domain.startsWith("*.")
				&& PublicSuffixes.shipped().isPublicSuffix(domain.substring(2))) {
			return Refusal.UNCHECKED;
		}
		return wellFormedRefusal(value, configuration);
	}

	/**
	 * A well-formed origin or pattern is refused for the rules below, each with rows of
	 * its own in {@link CorsPolicyConfigurationTests} and not worked out again here: an
	 * {@code xn--} label that is not punycode (only the generators' own
	 * {@link OriginArbitraries#LABELS} are known to be), and plain http with credentials.
	 */
	private static Refusal wellFormedRefusal(String value, Written configuration) {
		boolean unknownAceLabel = Arrays.stream(value.split("[/.:]"))
			.anyMatch((label) -> label.startsWith("xn--") && !OriginArbitraries.LABELS.contains(label));
		return unknownAceLabel ? Refusal.UNCHECKED : plainHttpRefusal(configuration);
	}

	/**
	 * With credentials on and plain-http origins not allowed, a well-formed origin or
	 * pattern is also refused when it is plain http on a host other than loopback: a rule
	 * with rows of its own in {@link CorsPolicyConfigurationTests}, not worked out again
	 * here.
	 */
	private static Refusal plainHttpRefusal(Written configuration) {
		return (configuration.credentials() && !configuration.insecure()) ? Refusal.UNCHECKED : Refusal.NEVER;
	}

	private static void forEachValue(List<@Nullable String> values, String property,
			Function<String, Refusal> expectation, Set<String> refused, Written configuration) {
		for (int i = 0; i < values.size(); i++) {
			String value = values.get(i);
			String indexed = property + "[" + i + "]";
			// Lists ignore blank elements (behaviour 1.1) but count them in the index.
			Refusal expected = (value == null || value.isBlank()) ? Refusal.NEVER : expectation.apply(value.strip());
			if (expected != Refusal.UNCHECKED) {
				assertThat(refused.contains(indexed)).as("%s=%s refused, under %s", indexed, value, configuration)
					.isEqualTo(expected == Refusal.ALWAYS);
			}
		}
	}

	/**
	 * A compiled policy grants a preflight only methods that are safelisted or written
	 * (or any, under {@code *}), and only headers that are written, ignoring case (or
	 * any, under {@code *}).
	 */
	private static void assertGrantsOnlyWrittenMethodsAndHeaders(CorsPolicy policy, Written configuration,
			String origin, Probe probe) {
		List<String> methods = configuration.stripped(configuration.methods());
		for (String method : probe.methods()) {
			CorsDecision decision = policy
				.decide(preflight(origin, method).scheme("https").host(SERVER_HOST).port(-1).build());
			if (decision.kind() == Kind.PREFLIGHT) {
				boolean written = methods.contains(method)
						|| (NORMALIZED_METHODS.contains(method) && methods.stream().anyMatch(method::equalsIgnoreCase));
				assertThat(SAFELISTED_METHODS.contains(method) || written || methods.contains("*"))
					.as("preflight for %s granted under %s", method, configuration)
					.isTrue();
			}
		}
		List<String> headers = configuration.stripped(configuration.allowedHeaders());
		for (String requested : probe.headers()) {
			CorsDecision decision = policy.decide(preflight(origin, "GET").accessControlRequestHeaders(requested)
				.scheme("https")
				.host(SERVER_HOST)
				.port(-1)
				.build());
			if (decision.kind() == Kind.PREFLIGHT && !headers.contains("*")) {
				for (String name : requested.split(",")) {
					String trimmed = name.strip();
					assertThat(trimmed.isEmpty() || headers.stream().anyMatch(trimmed::equalsIgnoreCase))
						.as("header %s granted under %s", trimmed, configuration)
						.isTrue();
				}
			}
		}
	}

	@Provide
	Arbitrary<Exchange> exchanges() {
		return exchanges(Arbitraries.of(true, false));
	}

	@Provide
	Arbitrary<Exchange> credentialedExchanges() {
		return exchanges(Arbitraries.just(true));
	}

	// Requests are generated apart from the configuration and then aimed at it, rather
	// than generated from it with
	// flatMap: building arbitraries anew for every try would cost more than all the rest
	// of the try.
	private static Arbitrary<Exchange> exchanges(Arbitrary<Boolean> credentials) {
		return Combinators.combine(validConfigurations(credentials), requests())
			.as((configuration, request) -> new Exchange(configuration, request.aimedAt(configuration)));
	}

	/**
	 * Configurations that compile: well-formed origins and patterns, {@code *} only
	 * without credentials, plain-http origins always allowed (that rule only refuses
	 * configurations), and tokens for methods and headers.
	 */
	private static Arbitrary<Written> validConfigurations(Arbitrary<Boolean> credentials) {
		Arbitrary<List<String>> origins = OriginArbitraries.origins()
			.map(NaiveOrigin::toString)
			.list()
			.ofMinSize(1)
			.ofMaxSize(3);
		Arbitrary<List<String>> patterns = Arbitraries
			.oneOf(OriginArbitraries.subdomainPatterns().map((p) -> p.scheme() + "://*." + p.host()),
					OriginArbitraries.anyPortPatterns().map((p) -> p + ":*"))
			.list()
			.ofMaxSize(2);
		Arbitrary<Boolean> anyOrigin = weighted(Tuple.of(1, true), Tuple.of(4, false));
		Arbitrary<List<String>> methods = Arbitraries.frequencyOf(
				Tuple.of(2, Arbitraries.just(CorsSettings.DEFAULT_METHODS)),
				Tuple.of(1, Arbitraries.just(List.of("*"))),
				Tuple.of(2,
						Arbitraries.of("PUT", "PATCH", "DELETE", "PURGE", "patch", "put", "Delete")
							.list()
							.ofMaxSize(3)));
		Arbitrary<List<String>> allowedHeaders = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(List.of("*"))),
				Tuple.of(2,
						Arbitraries.of("Content-Type", "Authorization", "X-Requested-With", "x-api-key")
							.list()
							.ofMaxSize(3)));
		Arbitrary<List<String>> exposedHeaders = Arbitraries.of("X-Total-Count", "ETag").list().ofMaxSize(2);
		return Combinators
			.combine(origins, patterns, anyOrigin, credentials, methods, allowedHeaders, exposedHeaders,
					Arbitraries.of(true, false))
			.as((exact, written, any, withCredentials, m, h, x, privateNetwork) -> new Written(
					(any && !withCredentials) ? prepend("*", exact) : exact, written, m, h, x, withCredentials, true,
					privateNetwork));
	}

	/**
	 * Requests, to be aimed at a configuration: mostly from an origin it names, else from
	 * a near miss or a one-byte edit of one, another origin or arbitrary bytes; one
	 * {@code Origin} line, sometimes none or two; requested methods and headers from what
	 * the configuration lists, or arbitrary bytes; sometimes sent to its own origin.
	 */
	private static Arbitrary<RequestShape> requests() {
		Arbitrary<OriginShape> origin = Combinators
			.combine(weighted(Tuple.of(10, OriginSource.NAMED), Tuple.of(3, OriginSource.NEAR_MISS),
					Tuple.of(2, OriginSource.EDITED), Tuple.of(1, OriginSource.OTHER), Tuple.of(2, OriginSource.BYTES)),
					Arbitraries.integers().between(0, 1000), OriginArbitraries.oneByteEdits(),
					OriginArbitraries.origins().map(NaiveOrigin::toString), OriginArbitraries.latin1Bytes(100))
			.as(OriginShape::new);
		Arbitrary<List<OriginShape>> originLines = Arbitraries.frequencyOf(Tuple.of(12, origin.list().ofSize(1)),
				Tuple.of(1, Arbitraries.just(List.of())), Tuple.of(1, origin.list().ofSize(2)));
		Arbitrary<String> method = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just("OPTIONS")),
				Tuple.of(3, Arbitraries.of("GET", "HEAD", "POST")),
				Tuple.of(2, Arbitraries.of("PUT", "DELETE", "PATCH", "PURGE", "put")),
				Tuple.of(1, OriginArbitraries.latin1Bytes(12)));
		// A listed method or header is picked in the configuration by index; null stands
		// for one so picked.
		Arbitrary<@Nullable String> requestMethod = Arbitraries.frequencyOf(
				Tuple.of(4, Arbitraries.of("GET", "PUT", "PATCH", "PURGE", "put", "*").injectNull(0.5)),
				Tuple.of(1, OriginArbitraries.latin1Bytes(12)));
		Arbitrary<@Nullable String> requestHeaders = Arbitraries.frequencyOf(
				Tuple.of(4, Arbitraries.just((String) null)),
				Tuple.of(1, Arbitraries.of("AUTHORIZATION", "x-unlisted", " x-a ,, X-B ", "x-a\r\nx-b", "")),
				Tuple.of(2, OriginArbitraries.latin1Bytes(60)),
				Tuple.of(1, Arbitraries.just(",".repeat(CorsRules.MAX_REQUEST_HEADERS_LENGTH + 1))));
		Arbitrary<Boolean> present = weighted(Tuple.of(4, true), Tuple.of(1, false));
		Arbitrary<@Nullable String> privateNetwork = Arbitraries
			.frequencyOf(Tuple.of(2, Arbitraries.just("true")), Tuple.of(1, OriginArbitraries.latin1Bytes(8)))
			.injectNull(0.8);
		Arbitrary<Boolean> toItsOwnOrigin = weighted(Tuple.of(1, true), Tuple.of(9, false));
		return Combinators
			.combine(originLines, method, Combinators.combine(present, requestMethod).as(Tuple::of),
					Combinators.combine(present, requestHeaders).as(Tuple::of), privateNetwork, toItsOwnOrigin,
					Arbitraries.integers().between(0, 1000))
			.as((lines, m, acrm, acrh, acrpn, own, pick) -> new RequestShape(lines, m, acrm.get1(), acrm.get2(),
					acrh.get1(), acrh.get2(), acrpn, own, pick));
	}

	@Provide
	Arbitrary<Probe> probedConfigurations() {
		return Combinators.combine(arbitraryConfigurations(), OriginArbitraries.oneByteEdits().list().ofMaxSize(8))
			.as((configuration, edits) -> {
				List<String> named = configuration.originsItNames();
				Set<String> origins = new LinkedHashSet<>(named);
				origins.addAll(configuration.nearMisses());
				for (int i = 0; i < edits.size(); i++) {
					origins.add(edits.get(i).applyTo(named.get(i % named.size())));
				}
				return new Probe(configuration, new ArrayList<>(origins), probeMethods(configuration),
						probeHeaders(configuration));
			});
	}

	/**
	 * Configurations as an operator might write them, then mistype them: lists of values
	 * docs/behaviour.md accepts (some with white space around them, some blank or
	 * missing), into which up to three mistakes are slipped. A mistake is a near miss or
	 * a one-byte edit of a well-formed value, one of docs/behaviour.md's examples of what
	 * it refuses, a string made of the characters around a token's ranges, or arbitrary
	 * bytes; it may happen to be valid, which the property works out for itself.
	 */
	private static Arbitrary<Written> arbitraryConfigurations() {
		Arbitrary<String> wellFormed = OriginArbitraries.origins().map(NaiveOrigin::toString);
		Arbitrary<String> wellFormedPattern = Arbitraries.oneOf(
				OriginArbitraries.subdomainPatterns().map((p) -> p.scheme() + "://*." + p.host()),
				OriginArbitraries.anyPortPatterns().map((p) -> p + ":*"));
		Arbitrary<String> validMethod = Arbitraries.of("GET", "PUT", "put", "Delete", "PATCH", "patch", "PURGE", "*");
		Arbitrary<String> validHeader = Arbitraries.of("Content-Type", "authorization", "X-Requested-With", "*");
		Arbitrary<String> tokenLike = Arbitraries.strings()
			.withChars(TOKEN_EDGES + "!#$%&'*+.^_|~ \t\"(),;<=>?\\]}")
			.ofMinLength(1)
			.ofMaxLength(5);
		Arbitrary<String> originMistake = Arbitraries.frequencyOf(
				Tuple.of(3,
						Combinators.combine(OriginArbitraries.origins(), Arbitraries.of(OriginArbitraries.NEAR_MISSES))
							.as((o, nearMiss) -> nearMiss.apply(o))),
				Tuple.of(3, edited(wellFormed)),
				Tuple.of(2,
						Arbitraries.of("*", "null", "NULL", "https://", "//app.example.com", "app.example.com",
								"https://*.example.com", "file:///etc/passwd", "http://app.example.com")),
				Tuple.of(1, OriginArbitraries.latin1Bytes(40)));
		Arbitrary<String> patternMistake = Arbitraries.frequencyOf(Tuple.of(3, edited(wellFormedPattern)),
				Tuple.of(2,
						Arbitraries.of("https://*", "*.example.com", "https://*.com", "https://foo.*.example.com", "*",
								"https://*.*.example.com", "https://*.example.com:8443", "http://localhost:8080:*",
								"https://*.10.0.0.1", "https://*.[::1]", "HTTPS://*.example.com",
								"https://*.example.com/", "http://*.example.com", "https://*.localhost:*")),
				Tuple.of(1, wellFormed), Tuple.of(1, originMistake), Tuple.of(1, OriginArbitraries.latin1Bytes(40)));
		Arbitrary<String> methodMistake = Arbitraries.frequencyOf(
				Tuple.of(1, Arbitraries.of("CONNECT", "trace", "Track", "GET;", "PATCH POST")), Tuple.of(3, tokenLike),
				Tuple.of(1, OriginArbitraries.latin1Bytes(8)));
		Arbitrary<String> headerMistake = Arbitraries.frequencyOf(
				Tuple.of(1,
						Arbitraries.of("*", "X Custom", "X:", "Cookie", "sec-fetch-site", "Proxy-X", "TE",
								"Access-Control-Allow-Origin", "Set-Cookie", "set-cookie2", "Cookies", "Secret")),
				Tuple.of(3, tokenLike), Tuple.of(1, OriginArbitraries.latin1Bytes(8)));
		Arbitrary<Mistake> mistake = Combinators
			.combine(Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 10), originMistake,
					patternMistake, methodMistake, headerMistake)
			.as(Mistake::new);
		Arbitrary<Boolean> flag = Arbitraries.of(true, false);
		return Combinators
			.combine(padded(wellFormed).list().ofMaxSize(3), padded(wellFormedPattern).list().ofMaxSize(2),
					padded(validMethod).list().ofMaxSize(3), padded(validHeader).list().ofMaxSize(3),
					padded(validHeader).list().ofMaxSize(2), flag, flag, mistake.list().ofMaxSize(3))
			.as((origins, patterns, methods, allowedHeaders, exposedHeaders, credentials, insecure, mistakes) -> {
				List<List<@Nullable String>> lists = List.of(new ArrayList<>(origins), new ArrayList<>(patterns),
						new ArrayList<>(methods), new ArrayList<>(allowedHeaders), new ArrayList<>(exposedHeaders));
				mistakes.forEach((slipped) -> slipped.slipInto(lists));
				return new Written(lists.get(0), lists.get(1), lists.get(2), lists.get(3), lists.get(4), credentials,
						insecure, false);
			});
	}

	/**
	 * Values in the proportions given. Without edge cases: in a combination of many
	 * arbitraries, jqwik would otherwise pick each value as an edge case far more often
	 * than its weight says.
	 */
	@SafeVarargs
	private static <T> Arbitrary<T> weighted(Tuple.Tuple2<Integer, T>... frequencies) {
		return Arbitraries.frequency(frequencies).withoutEdgeCases();
	}

	private static Arbitrary<String> edited(Arbitrary<String> values) {
		return Combinators.combine(values, OriginArbitraries.oneByteEdits()).as((value, edit) -> edit.applyTo(value));
	}

	/**
	 * The value, sometimes with white space around it (which behaviour 1.1 trims),
	 * sometimes missing (an empty YAML entry binds as {@code null}).
	 */
	private static Arbitrary<@Nullable String> padded(Arbitrary<String> values) {
		return Arbitraries
			.frequencyOf(Tuple.of(8, values), Tuple.of(1, values.map((value) -> " " + value + "\t")),
					Tuple.of(1, values.map((value) -> "\n" + value + "\u2003")))
			.injectNull(0.03);
	}

	private static List<String> probeMethods(Written configuration) {
		Set<String> methods = new LinkedHashSet<>();
		for (String method : configuration.stripped(configuration.methods())) {
			methods.add(method);
			methods.add(method.toLowerCase(Locale.ROOT));
			methods.add(method.toUpperCase(Locale.ROOT));
			methods.add(method + "X");
		}
		methods.addAll(List.of("GET", "HEAD", "POST", "PUT", "PURGE", "*", "get", "PUT "));
		return new ArrayList<>(methods);
	}

	private static List<String> probeHeaders(Written configuration) {
		List<String> headers = new ArrayList<>();
		for (String header : configuration.stripped(configuration.allowedHeaders())) {
			headers.add(header.toUpperCase(Locale.ROOT));
			headers.add(header + "-x");
			headers.add(" " + header.toLowerCase(Locale.ROOT) + " ,content-type");
		}
		headers.addAll(List.of("content-type", "x-unlisted", "", ","));
		return headers;
	}

	private static List<String> prepend(String first, List<String> rest) {
		List<String> all = new ArrayList<>(rest);
		all.add(0, first);
		return all;
	}

	/**
	 * Configuration values as written, each list possibly holding blank or missing
	 * elements.
	 */
	record Written(List<@Nullable String> origins, List<@Nullable String> patterns, List<@Nullable String> methods,
			List<@Nullable String> allowedHeaders, List<@Nullable String> exposedHeaders, boolean credentials,
			boolean insecure, boolean privateNetwork) {

		CorsSettings settings() {
			return CorsSettings.builder()
				.origins(this.origins)
				.originPatterns(this.patterns)
				.methods(this.methods)
				.allowedHeaders(this.allowedHeaders)
				.exposedHeaders(this.exposedHeaders)
				.allowCredentials(this.credentials)
				.allowInsecureOrigins(this.insecure)
				.allowPrivateNetwork(this.privateNetwork)
				.build();
		}

		/**
		 * The reference: whether the written lists name a well-formed origin.
		 */
		boolean names(NaiveOrigin origin) {
			return origin.isListedIn(this.origins, this.patterns);
		}

		boolean isFixedWildcard() {
			return stripped(this.origins).contains("*") && !this.credentials;
		}

		/**
		 * The non-blank elements of a list, trimmed.
		 */
		List<String> stripped(List<@Nullable String> values) {
			return values.stream().filter((value) -> value != null && !value.isBlank()).map(String::strip).toList();
		}

		/**
		 * Origins the written values stand for: each exact origin (or one origin for
		 * {@code *}), and for each pattern origins it matches.
		 */
		List<String> originsItNames() {
			Set<String> named = new LinkedHashSet<>();
			for (String origin : stripped(this.origins)) {
				named.add(origin.equals("*") ? "https://anyone.example" : origin);
			}
			for (String pattern : stripped(this.patterns)) {
				int wildcard = pattern.indexOf("://*.");
				if (pattern.endsWith(":*")) {
					String base = pattern.substring(0, pattern.length() - 2);
					named.addAll(List.of(base, base + ":1", base + ":3000", base + ":65535"));
				}
				else if (wildcard >= 0) {
					String scheme = pattern.substring(0, wildcard + 3);
					String domain = pattern.substring(wildcard + 5);
					named.addAll(List.of(scheme + "a." + domain, scheme + "x-y.a1." + domain));
				}
			}
			return named.isEmpty() ? List.of("https://anyone.example") : new ArrayList<>(named);
		}

		/**
		 * Origins that must not be mistaken for the named ones: their near misses, the
		 * patterns themselves sent as origins, the bare domain of a pattern and a domain
		 * glued to it.
		 */
		List<String> nearMisses() {
			Set<String> nearMisses = new LinkedHashSet<>();
			for (String origin : originsItNames()) {
				NaiveOrigin parsed = NaiveOrigin.parse(origin);
				if (parsed != null) {
					OriginArbitraries.NEAR_MISSES.forEach((nearMiss) -> nearMisses.add(nearMiss.apply(parsed)));
				}
			}
			for (String pattern : stripped(this.patterns)) {
				nearMisses.add(pattern);
				int wildcard = pattern.indexOf("://*.");
				if (wildcard >= 0) {
					String scheme = pattern.substring(0, wildcard + 3);
					String domain = pattern.substring(wildcard + 5);
					nearMisses.addAll(List.of(scheme + domain, scheme + "a" + domain, scheme + "." + domain));
				}
			}
			nearMisses.removeAll(originsItNames());
			return nearMisses.isEmpty() ? List.of("null") : new ArrayList<>(nearMisses);
		}

	}

	/**
	 * A mistaken value, one for each kind of list, and where to slip it in: which list
	 * (origins, patterns, methods, allowed headers, exposed headers) and at which
	 * position, taken modulo the list's length.
	 */
	record Mistake(int list, int position, String origin, String pattern, String method, String header) {

		void slipInto(List<List<@Nullable String>> lists) {
			List<@Nullable String> values = lists.get(this.list);
			String value = switch (this.list) {
				case 0 -> this.origin;
				case 1 -> this.pattern;
				case 2 -> this.method;
				default -> this.header;
			};
			values.add(this.position % (values.size() + 1), value);
		}

	}

	/**
	 * Where a request's origin comes from.
	 */
	enum OriginSource {

		NAMED, NEAR_MISS, EDITED, OTHER, BYTES

	}

	/**
	 * An {@code Origin} line before it is aimed at a configuration: its source, an index
	 * to pick a named origin or a near miss with, and the edit, the other origin and the
	 * bytes to use when the source says so.
	 */
	record OriginShape(OriginSource source, int pick, OriginArbitraries.OneByteEdit edit, String other, String bytes) {

		String aimedAt(Written configuration) {
			return switch (this.source) {
				case NAMED -> pick(configuration.originsItNames());
				case NEAR_MISS -> pick(configuration.nearMisses());
				case EDITED -> this.edit.applyTo(pick(configuration.originsItNames()));
				case OTHER -> this.other;
				case BYTES -> this.bytes;
			};
		}

		private String pick(List<String> values) {
			return values.get(this.pick % values.size());
		}

	}

	/**
	 * A request before it is aimed at a configuration. A requested method or header list
	 * that is present but {@code null} is picked, by index, from what the configuration
	 * lists.
	 */
	record RequestShape(List<OriginShape> origins, String method, boolean hasRequestMethod,
			@Nullable String requestMethod, boolean hasRequestHeaders, @Nullable String requestHeaders,
			@Nullable String privateNetwork, boolean toItsOwnOrigin, int pick) {

		PlainCorsRequest aimedAt(Written configuration) {
			List<String> lines = this.origins.stream().map((origin) -> origin.aimedAt(configuration)).toList();
			PlainCorsRequest.Builder request = request(this.method, lines.toArray(String[]::new))
				.accessControlRequestMethod(this.hasRequestMethod
						? listedOr(this.requestMethod, configuration.stripped(configuration.methods()), 1, false)
						: null)
				.accessControlRequestHeaders(this.hasRequestHeaders
						? listedOr(this.requestHeaders, configuration.stripped(configuration.allowedHeaders()), 3, true)
						: null)
				.accessControlRequestPrivateNetwork(this.privateNetwork)
				.scheme("https")
				.host(SERVER_HOST)
				.port(-1);
			NaiveOrigin parsed = lines.isEmpty() ? null : NaiveOrigin.parse(lines.get(0));
			if (this.toItsOwnOrigin && parsed != null) {
				request.scheme(parsed.scheme()).host(parsed.host()).port(parsed.port());
			}
			return request.build();
		}

		/**
		 * The value, or else up to {@code count} of the listed values joined with commas,
		 * some in lowercase when case does not matter.
		 */
		private String listedOr(@Nullable String value, List<String> listed, int count, boolean anyCase) {
			if (value != null) {
				return value;
			}
			if (listed.isEmpty()) {
				return "";
			}
			List<String> picked = new ArrayList<>();
			for (int i = 0; i < 1 + this.pick % count; i++) {
				String name = listed.get((this.pick + i) % listed.size());
				picked.add((anyCase && (this.pick + i) % 2 == 1) ? name.toLowerCase(Locale.ROOT) : name);
			}
			return String.join(",", picked);
		}

	}

	/**
	 * A request to a configuration.
	 */
	record Exchange(Written configuration, PlainCorsRequest request) {

		/**
		 * Compiles the configuration, decides the request and writes the decision to a
		 * response that already varies on {@code Accept-Encoding}.
		 */
		Outcome run() {
			CorsDecision decision = CorsPolicy.compile(this.configuration.settings()).decide(this.request);
			InMemoryCorsResponse response = new InMemoryCorsResponse().addHeader("Vary", "Accept-Encoding");
			decision.writeHeaders(this.request, response);
			return new Outcome(decision, WrittenHeaders.of(response));
		}

	}

	/**
	 * What the engine decided and the response headers it wrote.
	 */
	record Outcome(CorsDecision decision, Map<String, String> headers) {
	}

	/**
	 * A configuration, and the origins, requested methods and requested header lists to
	 * try on it.
	 */
	record Probe(Written configuration, List<String> origins, List<String> methods, List<String> headers) {
	}

	/**
	 * Whether docs/behaviour.md refuses a value.
	 */
	enum Refusal {

		ALWAYS, NEVER,

		/** Depends on a rule this property does not model. */
		UNCHECKED;

		static Refusal when(boolean refused) {
			return refused ? ALWAYS : NEVER;
		}

	}

}
