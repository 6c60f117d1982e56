package io.github.corsstarter.policy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import io.github.corsstarter.policy.CorsDecision.Kind;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static io.github.corsstarter.policy.ExampleRequests.preflight;
import static io.github.corsstarter.policy.ExampleRequests.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Compiles settings and checks the exact list of violations reported, one row per case:
 * the settings the CORS docs/behaviour.md (section 5) says the application refuses to
 * start with, and valid settings that must compile. A valid row also sends one request,
 * so that a setting silently dropped would fail it.
 */
class CorsPolicyConfigurationTests {

	private static final String APP = "https://app.example.com";

	/**
	 * A domain of 251 characters: a pattern over it matches hosts of 253 characters and
	 * more.
	 */
	private static final String DOMAIN_251 = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "."
			+ "d".repeat(59);

	/** A domain of 252 characters, whose labels are all short enough. */
	private static final String DOMAIN_252 = "e." + "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "."
			+ "d".repeat(58);

	static Stream<Row> rows() {
		return Stream
			.of(origins(), originPatterns(), credentials(), methodsAndHeaders(), headersBrowsersControl(), numbers(),
					paths(), mappings(), listHandling(), separators())
			.flatMap((rows) -> rows);
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("rows")
	void reportsExactlyTheViolations(Row row) {
		CorsSettings settings = row.settings().apply(CorsSettings.builder()).build();
		if (row.violations().isEmpty()) {
			CorsPolicy policy = CorsPolicy.compile(settings);
			assertThat(row.probe()).as("a valid row sends a request").isNotNull();
			CorsDecision decision = policy.decide(row.probe().request());
			assertThat(decision.kind()).as("decision for " + row.probe().request()).isEqualTo(row.probe().kind());
			return;
		}
		assertThatExceptionOfType(CorsConfigurationException.class).isThrownBy(() -> CorsPolicy.compile(settings))
			.satisfies((ex) -> {
				List<ConfigurationViolation> reported = ex.getViolations();
				assertThat(reported).as("property and value of every violation, in order")
					.extracting(ConfigurationViolation::property, ConfigurationViolation::value)
					.containsExactlyElementsOf(row.violations()
						.stream()
						.map((expected) -> tuple(expected.property(), expected.value()))
						.toList());
				for (int i = 0; i < reported.size(); i++) {
					Violation expected = row.violations().get(i);
					ConfigurationViolation actual = reported.get(i);
					assertThat(actual.reason()).as("reason of " + actual.property()).contains(expected.reason());
					assertThat(actual.hint()).as("hint of " + actual.property()).isNotBlank();
					if (expected.hint() != null) {
						assertThat(actual.hint()).as("hint of " + actual.property()).contains(expected.hint());
					}
					assertThat(ex.getMessage()).contains(actual.toString());
				}
			});
	}

	@Test
	void tableHasAtLeastFortyRowsAndUniqueDescriptions() {
		List<String> descriptions = rows().map(Row::description).toList();
		assertThat(descriptions).hasSizeGreaterThanOrEqualTo(40).doesNotHaveDuplicates();
	}

	@Test
	void policyWithoutOriginsAllowsNoOrigin() {
		assertThat(CorsPolicy.compile(CorsSettings.builder().build()).allowsNoOrigin()).isTrue();
		assertThat(CorsPolicy.compile(CorsSettings.builder().origins(" ", "").build()).allowsNoOrigin()).isTrue();
	}

	@Test
	void policyWithOriginsPatternsDeciderOrMappingOriginsAllowsSome() {
		assertThat(CorsPolicy.compile(CorsSettings.builder().origins(APP).build()).allowsNoOrigin()).isFalse();
		assertThat(CorsPolicy.compile(CorsSettings.builder().originPatterns("https://*.example.com").build())
			.allowsNoOrigin()).isFalse();
		assertThat(CorsPolicy.compile(CorsSettings.builder().build(), (origin) -> false).allowsNoOrigin()).isFalse();
		assertThat(CorsPolicy
			.compile(CorsSettings.builder()
				.mapping("api", CorsSettings.builder().paths("/api/**").origins(APP).build())
				.build())
			.allowsNoOrigin()).isFalse();
	}

	@Test
	void passThroughPolicyTouchesNothing() {
		CorsPolicy policy = CorsPolicy.passThrough();
		assertThat(policy.decide(request("GET", "https://evil.com").build()).kind()).isEqualTo(Kind.NOT_COVERED);
		assertThat(policy.decide(preflight(APP, "PUT").path("/").build()).kind()).isEqualTo(Kind.NOT_COVERED);
		InMemoryCorsResponse response = new InMemoryCorsResponse();
		policy.decide(request("GET").build()).writeVary(response);
		assertThat(response.getHeaders("Vary")).isEmpty();
	}

	@Test
	void methodsBrowsersNormalizeAreWrittenInUppercaseOnceAndOthersAsWritten() {
		CorsPolicy policy = CorsPolicy.compile(CorsSettings.builder()
			.origins(APP)
			.methods("put", "PUT", "Delete", "options", "patch", "Purge", "Get", "head", "post", "PATCH")
			.mapping("api", CorsSettings.builder().paths("/api/**").methods("delete", "*").build())
			.build());
		assertThat(policy.rules()).extracting(EffectiveRules::methods)
			.containsExactly(List.of("DELETE", "*"),
					List.of("PUT", "DELETE", "OPTIONS", "patch", "Purge", "GET", "HEAD", "POST", "PATCH"));
	}

	@Test
	void exceptionMessageListsEachViolationWithItsReasonAndHint() {
		String line = System.lineSeparator() + " - ";
		assertThatExceptionOfType(CorsConfigurationException.class)
			.isThrownBy(() -> CorsPolicy.compile(CorsSettings.builder().origins("https://app.example.com/").build()))
			.withMessage(
					"Invalid CORS configuration (1 violation):" + line + "cors.origins[0]=https://app.example.com/: "
							+ "ends with '/'; an origin has no path, not even '/' (write https://app.example.com)");
		assertThatExceptionOfType(CorsConfigurationException.class)
			.isThrownBy(() -> CorsPolicy.compile(CorsSettings.builder().origins("null").preflightStatus(302).build()))
			.withMessageStartingWith("Invalid CORS configuration (2 violations):" + line + "cors.origins[0]=null: ")
			.withMessageContaining(line + "cors.preflight-status=302: is not a status");
	}

	@Test
	void summaryCountsOriginsWithoutListingThem() {
		CorsPolicy policy = CorsPolicy.compile(CorsSettings.builder()
			.origins(APP, "https://secret-partner.example.com")
			.originPatterns("https://*.example.org")
			.build());
		assertThat(policy.toString()).contains("2 exact", "1 pattern").doesNotContain("secret-partner", "example.org");
	}

	private static Stream<Row> origins() {
		return Stream.of(
				invalid("'null' origin", (s) -> s.origins("null"),
						violation("cors.origins[0]", "null", "'null' origin")),
				invalid("'NULL' origin in uppercase", (s) -> s.origins(APP, "NULL"),
						violation("cors.origins[1]", "NULL", "'null' origin")),
				invalid("origin without scheme", (s) -> s.origins("app.example.com"),
						violation("cors.origins[0]", "app.example.com", "has no scheme", "https://app.example.com")),
				invalid("origin with a scheme-relative host", (s) -> s.origins("//app.example.com"),
						violation("cors.origins[0]", "//app.example.com", "has no scheme", "https://app.example.com")),
				invalid("origin with a scheme other than http or https", (s) -> s.origins("ftp://files.example.com"),
						violation("cors.origins[0]", "ftp://files.example.com", "scheme 'ftp'")),
				invalid("origin with a path", (s) -> s.origins("https://app.example.com/api"),
						violation("cors.origins[0]", "https://app.example.com/api", "has a path", "write " + APP)),
				invalid("origin with a trailing slash", (s) -> s.origins("https://app.example.com/"),
						violation("cors.origins[0]", "https://app.example.com/", "ends with '/'", "write " + APP)),
				invalid("origin with a query", (s) -> s.origins("https://app.example.com?x=1"),
						violation("cors.origins[0]", "https://app.example.com?x=1", "has a query")),
				invalid("origin with a fragment", (s) -> s.origins("https://app.example.com#top"),
						violation("cors.origins[0]", "https://app.example.com#top", "has a fragment")),
				invalid("origin with user information", (s) -> s.origins("https://user:pw@app.example.com"),
						violation("cors.origins[0]", "https://user:pw@app.example.com", "user information",
								"write " + APP)),
				invalid("origin with white space inside", (s) -> s.origins("https://app. example.com"),
						violation("cors.origins[0]", "https://app. example.com", "white space", "write " + APP)),
				invalid("origin with an uppercase host", (s) -> s.origins("https://App.Example.com"),
						violation("cors.origins[0]", "https://App.Example.com", "not lowercase", "write " + APP)),
				invalid("origin with an uppercase scheme", (s) -> s.origins("HTTPS://app.example.com"),
						violation("cors.origins[0]", "HTTPS://app.example.com", "not lowercase", "write " + APP)),
				invalid("origin with https default port written out", (s) -> s.origins("https://app.example.com:443"),
						violation("cors.origins[0]", "https://app.example.com:443", "default port 443",
								"write " + APP)),
				invalid("origin with http default port written out", (s) -> s.origins("http://localhost:80"),
						violation("cors.origins[0]", "http://localhost:80", "default port 80")),
				invalid("origin with a port above 65535", (s) -> s.origins("https://app.example.com:70000"),
						violation("cors.origins[0]", "https://app.example.com:70000", "outside 1 to 65535")),
				invalid("origin with port 0", (s) -> s.origins("https://app.example.com:0"),
						violation("cors.origins[0]", "https://app.example.com:0", "outside 1 to 65535")),
				invalid("origin with an empty port", (s) -> s.origins("https://app.example.com:"),
						violation("cors.origins[0]", "https://app.example.com:", "empty port", "write " + APP)),
				invalid("origin with a port that is not a number", (s) -> s.origins("https://app.example.com:8o8o"),
						violation("cors.origins[0]", "https://app.example.com:8o8o", "not a number")),
				invalid("origin with a port with a leading zero", (s) -> s.origins("https://app.example.com:08443"),
						violation("cors.origins[0]", "https://app.example.com:08443", "leading zeros",
								"https://app.example.com:8443")),
				invalid("origin with a non-ASCII host", (s) -> s.origins("https://bücher.example.com"),
						violation("cors.origins[0]", "https://bücher.example.com", "punycode",
								"https://xn--bcher-kva.example.com")),
				invalid("origin with a non-ASCII host that has no punycode form",
						(s) -> s.origins("https://bücher" + "e".repeat(60) + ".example.com"),
						violation("cors.origins[0]", "https://bücher" + "e".repeat(60) + ".example.com", "punycode",
								"its punycode form")),
				invalid("origin with an uncompressed IPv6 address", (s) -> s.origins("http://[0:0:0:0:0:0:0:1]:8080"),
						violation("cors.origins[0]", "http://[0:0:0:0:0:0:0:1]:8080", "IPv6 address as browsers")),
				invalid("origin with an IPv4 address with leading zeros", (s) -> s.origins("http://127.000.000.001"),
						violation("cors.origins[0]", "http://127.000.000.001", "IPv4 address")),
				invalid("origin with an empty label", (s) -> s.origins("https://app..example.com"),
						violation("cors.origins[0]", "https://app..example.com", "empty label")),
				invalid("origin with a port but no host", (s) -> s.origins("https://:8443"),
						violation("cors.origins[0]", "https://:8443", "has no host")),
				invalid("origin with a character a host name cannot have", (s) -> s.origins("https://app!.example.com"),
						violation("cors.origins[0]", "https://app!.example.com", "characters a host name cannot have")),
				invalid("origin with an IPv4 part above 255", (s) -> s.origins("http://192.168.1.999"),
						violation("cors.origins[0]", "http://192.168.1.999", "not a dotted IPv4 address")),
				invalid("origin with the largest five-digit port", (s) -> s.origins("https://app.example.com:99999"),
						violation("cors.origins[0]", "https://app.example.com:99999", "outside 1 to 65535")),
				invalid("IPv6 origin with a leading zero in a piece, without port",
						(s) -> s.origins("https://[2001:0db8::1]"),
						violation("cors.origins[0]", "https://[2001:0db8::1]", "IPv6 address as browsers")),
				invalid("IPv6 origin with its default port written out", (s) -> s.origins("http://[::1]:80"),
						violation("cors.origins[0]", "http://[::1]:80", "default port 80", "write http://[::1]")),
				invalid("IPv4 origin with a trailing dot, which browsers drop",
						(s) -> s.origins("http://127.0.0.1.:8080"),
						violation("cors.origins[0]", "http://127.0.0.1.:8080",
								"ends in a number before its trailing dot", "without the trailing dot")),
				invalid("origin whose name ends in a number before a trailing dot", (s) -> s.origins("http://a.b.1."),
						violation("cors.origins[0]", "http://a.b.1.", "ends in a number before its trailing dot")),
				invalid("IPv4 origin ending in 0 before a trailing dot", (s) -> s.origins("http://10.0.0.0."),
						violation("cors.origins[0]", "http://10.0.0.0.", "ends in a number before its trailing dot")),
				invalid("origin whose last label is 9 before a trailing dot", (s) -> s.origins("http://a.9."),
						violation("cors.origins[0]", "http://a.9.", "ends in a number before its trailing dot")),
				invalid("origin with a trailing dot and a character a host name cannot have",
						(s) -> s.origins("https://app!.example.com."),
						violation("cors.origins[0]", "https://app!.example.com.",
								"characters a host name cannot have")),
				invalid("origin with two trailing dots", (s) -> s.origins("http://localhost.."),
						violation("cors.origins[0]", "http://localhost..", "empty label")),
				invalid("origin whose host is a dot", (s) -> s.origins("http://."),
						violation("cors.origins[0]", "http://.", "empty label")),
				invalid("origin with a trailing dot and the default port written out",
						(s) -> s.origins("http://example.com.:80"),
						violation("cors.origins[0]", "http://example.com.:80", "default port 80",
								"write http://example.com.")),
				valid("origins whose host ends with a dot, as fully qualified names",
						(s) -> s.origins("http://example.com.:3999", "http://localhost.", "https://app.example.com."),
						probe(request("GET", "http://example.com.:3999"), Kind.ALLOWED)),
				invalid("origin with an xn-- label that is not punycode", (s) -> s.origins("http://xn--f"),
						violation("cors.origins[0]", "http://xn--f", "label 'xn--f', which is not the punycode",
								"xn--bcher-kva")),
				invalid("origin with an xn-- label that decodes to ASCII only",
						(s) -> s.origins(APP, "https://xn--abc-.example.com"),
						violation("cors.origins[1]", "https://xn--abc-.example.com", "label 'xn--abc-'")),
				invalid("origin with an empty xn-- label", (s) -> s.origins("https://app.xn--.example.com:8443"),
						violation("cors.origins[0]", "https://app.xn--.example.com:8443", "label 'xn--'")),
				valid("origins with punycode labels, IDNA 2008 ones too",
						(s) -> s.origins("https://xn--bcher-kva.example.com", "https://xn--fa-hia.de",
								"http://xn--mnchen-3ya.localhost.:8080"),
						probe(request("GET", "https://xn--fa-hia.de"), Kind.ALLOWED)),
				invalid("pattern written in cors.origins", (s) -> s.origins("https://*.example.com"),
						violation("cors.origins[0]", "https://*.example.com", "is a pattern", "cors.origin-patterns")),
				valid("exact origins of every host kind",
						(s) -> s.origins(APP, "http://localhost:5173", "http://127.0.0.1:8080", "http://[::1]:8080",
								"https://[2001:db8::1]", "https://xn--bcher-kva.example.com"),
						probe(request("GET", "http://[::1]:8080"), Kind.ALLOWED)));
	}

	private static Stream<Row> originPatterns() {
		return Stream.of(
				invalid("pattern with a wildcard host", (s) -> s.originPatterns("https://*"),
						violation("cors.origin-patterns[0]", "https://*", "somewhere other than the first label")),
				invalid("pattern without scheme", (s) -> s.originPatterns("*.example.com"),
						violation("cors.origin-patterns[0]", "*.example.com", "has no scheme",
								"https://*.example.com")),
				invalid("pattern over a top-level domain", (s) -> s.originPatterns("https://*.com"),
						violation("cors.origin-patterns[0]", "https://*.com", "top-level domain 'com'")),
				invalid("pattern with the wildcard in a middle label",
						(s) -> s.originPatterns("https://foo.*.example.com"),
						violation("cors.origin-patterns[0]", "https://foo.*.example.com",
								"somewhere other than the first label")),
				invalid("pattern with a wildcard inside a label", (s) -> s.originPatterns("https://app-*.example.com"),
						violation("cors.origin-patterns[0]", "https://app-*.example.com",
								"somewhere other than the first label")),
				invalid("pattern that is only '*'", (s) -> s.originPatterns("*"),
						violation("cors.origin-patterns[0]", "*", "'*' alone", "cors.origins=*")),
				invalid("pattern without wildcard", (s) -> s.originPatterns(APP),
						violation("cors.origin-patterns[0]", APP, "has no wildcard", "cors.origins")),
				invalid("pattern with two wildcards", (s) -> s.originPatterns("https://*.*.example.com"),
						violation("cors.origin-patterns[0]", "https://*.*.example.com", "more than one wildcard")),
				invalid("subdomain pattern with a port", (s) -> s.originPatterns("https://*.example.com:8443"),
						violation("cors.origin-patterns[0]", "https://*.example.com:8443", "with a port")),
				invalid("subdomain pattern over an IPv4 address", (s) -> s.originPatterns("https://*.10.0.0.1"),
						violation("cors.origin-patterns[0]", "https://*.10.0.0.1", "IP address")),
				invalid("subdomain pattern with an uppercase domain", (s) -> s.originPatterns("https://*.Example.com"),
						violation("cors.origin-patterns[0]", "https://*.Example.com", "not lowercase")),
				invalid("subdomain pattern with a trailing slash", (s) -> s.originPatterns("https://*.example.com/"),
						violation("cors.origin-patterns[0]", "https://*.example.com/", "ends with '/'")),
				invalid("any-port pattern that already has a port", (s) -> s.originPatterns("http://localhost:8080:*"),
						violation("cors.origin-patterns[0]", "http://localhost:8080:*", "already has a port")),
				invalid("any-port pattern with a path", (s) -> s.originPatterns("http://localhost/app:*"),
						violation("cors.origin-patterns[0]", "http://localhost/app:*", "has a path")),
				invalid("pattern over a top-level domain with a trailing dot",
						(s) -> s.originPatterns("https://*.com."),
						violation("cors.origin-patterns[0]", "https://*.com.", "top-level domain 'com.'")),
				invalid("subdomain pattern over an IPv4 address with a trailing dot",
						(s) -> s.originPatterns("https://*.10.0.0.1."),
						violation("cors.origin-patterns[0]", "https://*.10.0.0.1.", "ends in a number")),
				invalid("subdomain pattern over an xn-- label that is not punycode",
						(s) -> s.originPatterns("https://*.xn--f.example.com"),
						violation("cors.origin-patterns[0]", "https://*.xn--f.example.com",
								"after '*.' the pattern has the label 'xn--f'", "xn--bcher-kva")),
				invalid("any-port pattern over an xn-- label that is not punycode",
						(s) -> s.originPatterns("http://xn--ab--.localhost:*"),
						violation("cors.origin-patterns[0]", "http://xn--ab--.localhost:*",
								"before ':*' the pattern has the label 'xn--ab--'")),
				invalid("subdomain pattern whose shortest match has a host of 254 characters",
						(s) -> s.originPatterns("https://*." + DOMAIN_252),
						violation("cors.origin-patterns[0]", "https://*." + DOMAIN_252, "can never match",
								"at most 251 characters")),
				invalid("subdomain pattern with a trailing dot whose shortest match is too long",
						(s) -> s.originPatterns("https://*." + DOMAIN_252 + "."),
						violation("cors.origin-patterns[0]", "https://*." + DOMAIN_252 + ".", "can never match")),
				valid("subdomain pattern whose shortest match has a host of 253 characters",
						(s) -> s.originPatterns("https://*." + DOMAIN_251, "https://*.xn--bcher-kva.example"),
						probe(request("GET", "https://x." + DOMAIN_251), Kind.ALLOWED)),
				valid("subdomain and any-port patterns with a trailing dot",
						(s) -> s.originPatterns("https://*.example.org.", "http://localhost.:*"),
						probe(request("GET", "https://a.example.org."), Kind.ALLOWED)),
				valid("subdomain and any-port patterns",
						(s) -> s.originPatterns("https://*.example.com", "http://*.example.net", "http://localhost:*",
								"http://[::1]:*"),
						probe(request("GET", "http://[::1]:3000"), Kind.ALLOWED)),
				valid("subdomains of localhost, loopback names, with credentials",
						(s) -> s.originPatterns("http://*.localhost").allowCredentials(true),
						probe(request("GET", "http://app.localhost"), Kind.ALLOWED)));
	}

	private static Stream<Row> credentials() {
		return Stream.of(
				invalid("'*' with credentials", (s) -> s.origins("*").allowCredentials(true),
						violation("cors.origins[0]", "*", "cannot be combined with credentials",
								"cors.allow-credentials=false")),
				valid("'*' without credentials", (s) -> s.origins("*"),
						probe(request("GET", "https://anyone.example"), Kind.ALLOWED)),
				invalid("http origin with credentials",
						(s) -> s.origins("http://app.example.com").allowCredentials(true),
						violation("cors.origins[0]", "http://app.example.com", "plain-http",
								"cors.allow-insecure-origins=true")),
				invalid("http subdomain pattern with credentials",
						(s) -> s.originPatterns("http://*.example.com").allowCredentials(true),
						violation("cors.origin-patterns[0]", "http://*.example.com", "plain-http")),
				invalid("http any-port pattern on a non-loopback host with credentials",
						(s) -> s.originPatterns("http://dev.example.com:*").allowCredentials(true),
						violation("cors.origin-patterns[0]", "http://dev.example.com:*", "plain-http")),
				invalid("http origin whose name starts like a loopback address, with credentials",
						(s) -> s.origins("http://127.0.0.1.nip.io").allowCredentials(true),
						violation("cors.origins[0]", "http://127.0.0.1.nip.io", "plain-http")),
				valid("http origin with credentials when insecure origins are allowed",
						(s) -> s.origins("http://app.example.com").allowCredentials(true).allowInsecureOrigins(true),
						probe(request("GET", "http://app.example.com"), Kind.ALLOWED)),
				valid("http loopback origins with credentials",
						(s) -> s
							.origins("http://localhost:5173", "http://127.0.0.1:8080", "http://127.9.9.9:8080",
									"http://[::1]:8080", "http://app.localhost:3000")
							.originPatterns("http://localhost:*")
							.allowCredentials(true),
						probe(request("GET", "http://app.localhost:3000"), Kind.ALLOWED)),
				valid("loopback names with a trailing dot, with credentials",
						(s) -> s.origins("http://localhost.:5173", "http://app.localhost.")
							.originPatterns("http://*.localhost.", "http://localhost.:*")
							.allowCredentials(true),
						probe(request("GET", "http://a.localhost."), Kind.ALLOWED)),
				invalid("http origin with a trailing dot with credentials",
						(s) -> s.origins("http://app.example.com.").allowCredentials(true),
						violation("cors.origins[0]", "http://app.example.com.", "plain-http")),
				invalid("credentialed pattern over a hosting platform's public suffix",
						(s) -> s.originPatterns("https://*.github.io").allowCredentials(true),
						violation("cors.origin-patterns[0]", "https://*.github.io", "public suffix",
								"such as https://*.example.github.io, or set cors.allow-credentials=false")),
				invalid("credentialed patterns over public suffixes of both sections, a wildcard rule and IDN",
						(s) -> s
							.originPatterns("https://*.example.com", "https://*.co.uk", "https://*.vercel.app",
									"https://*.anything.ck", "https://*.github.io.", "https://*.xn--55qx5d.cn")
							.allowCredentials(true),
						violation("cors.origin-patterns[1]", "https://*.co.uk", "public suffix"),
						violation("cors.origin-patterns[2]", "https://*.vercel.app", "public suffix"),
						violation("cors.origin-patterns[3]", "https://*.anything.ck", "public suffix"),
						violation("cors.origin-patterns[4]", "https://*.github.io.", "public suffix"),
						violation("cors.origin-patterns[5]", "https://*.xn--55qx5d.cn", "public suffix")),
				invalid("credentialed pattern over a top-level domain is refused once, as a top-level domain",
						(s) -> s.originPatterns("https://*.com").allowCredentials(true),
						violation("cors.origin-patterns[0]", "https://*.com", "top-level domain 'com'")),
				invalid("mapping turning credentials on under an inherited public-suffix pattern",
						(s) -> s.originPatterns("https://*.github.io")
							.mapping("api", CorsSettings.builder().paths("/api/**").allowCredentials(true).build()),
						violation("cors.origin-patterns[0]", "https://*.github.io", "public suffix",
								"cors.mappings.api.allow-credentials=false")),
				valid("credentialed patterns under a public suffix, and under an exception rule",
						(s) -> s
							.originPatterns("https://*.octocat.github.io", "https://*.example.co.uk",
									"https://*.www.ck", "https://*.example.github.io.")
							.allowCredentials(true),
						probe(request("GET", "https://a.www.ck"), Kind.ALLOWED)),
				valid("pattern over a public suffix without credentials",
						(s) -> s.originPatterns("https://*.github.io"),
						probe(request("GET", "https://octocat.github.io"), Kind.ALLOWED)),
				invalid("exposed '*' with credentials",
						(s) -> s.origins(APP).exposedHeaders("*").allowCredentials(true),
						violation("cors.exposed-headers[0]", "*", "cannot be combined with credentials")),
				valid("exposed '*' without credentials", (s) -> s.origins(APP).exposedHeaders("*"),
						probe(request("GET", APP), Kind.ALLOWED)),
				valid("allowed headers and methods '*' with credentials",
						(s) -> s.origins(APP).methods("*").allowedHeaders("*").allowCredentials(true),
						probe(preflight(APP, "PURGE").accessControlRequestHeaders("x-anything"), Kind.PREFLIGHT)));
	}

	private static Stream<Row> methodsAndHeaders() {
		return Stream.of(
				invalid("method with a space", (s) -> s.methods("GET", "PATCH POST"),
						violation("cors.methods[1]", "PATCH POST", "not a valid method")),
				invalid("method with a separator", (s) -> s.methods("GET;"),
						violation("cors.methods[0]", "GET;", "not a valid method")),
				invalid("CONNECT method", (s) -> s.methods("GET", "CONNECT"),
						violation("cors.methods[1]", "CONNECT", "forbidden method")),
				invalid("trace method in lowercase", (s) -> s.methods("trace"),
						violation("cors.methods[0]", "trace", "forbidden method")),
				invalid("TRACK method", (s) -> s.methods("TRACK"), violation("cors.methods[0]", "TRACK", "forbidden")),
				valid("the six methods browsers normalize, in any case",
						(s) -> s.origins(APP).methods("put", "Delete", "OPTIONs", "get", "hEAD", "Post"),
						probe(preflight(APP, "DELETE"), Kind.PREFLIGHT)),
				valid("other methods in lowercase stay as written", (s) -> s.origins(APP).methods("purge", "patch"),
						probe(preflight(APP, "purge"), Kind.PREFLIGHT)),
				invalid("allowed header with a space", (s) -> s.allowedHeaders("Content-Type", "X Custom"),
						violation("cors.allowed-headers[1]", "X Custom", "not a valid header name")),
				invalid("allowed header with a colon", (s) -> s.allowedHeaders("X-Custom:"),
						violation("cors.allowed-headers[0]", "X-Custom:", "not a valid header name")),
				invalid("exposed header with a space", (s) -> s.exposedHeaders("X-Total Count"),
						violation("cors.exposed-headers[0]", "X-Total Count", "not a valid header name")),
				valid("methods and headers that are tokens",
						(s) -> s.origins(APP)
							.methods("GET", "PURGE", "patch")
							.allowedHeaders("X-Requested-With", "x-api-key")
							.exposedHeaders("ETag"),
						probe(preflight(APP, "patch").accessControlRequestHeaders("X-API-KEY"), Kind.PREFLIGHT)));
	}

	/**
	 * Fetch's forbidden request-header and response-header names, and the CORS protocol's
	 * own headers: listed in {@code allowed-headers} or {@code exposed-headers}, they
	 * never do what was meant.
	 */
	private static Stream<Row> headersBrowsersControl() {
		String credentialsHint = "as credentials, when cors.allow-credentials=true";
		return Stream.of(
				invalid("Cookie in allowed-headers", (s) -> s.allowedHeaders("Content-Type", "Cookie"),
						violation("cors.allowed-headers[1]", "Cookie", "forbidden request header", credentialsHint)),
				invalid("every forbidden request header of the Fetch standard, in any case",
						(s) -> s.allowedHeaders("accept-charset", "Accept-Encoding", "Connection", "CONTENT-LENGTH",
								"cookie2", "Date", "DNT", "Expect", "Host", "Keep-Alive", "Origin", "Referer",
								"Set-Cookie", "TE", "Trailer", "Transfer-Encoding", "Upgrade", "Via"),
						violation("cors.allowed-headers[0]", "accept-charset", "forbidden request header"),
						violation("cors.allowed-headers[1]", "Accept-Encoding", "forbidden request header"),
						violation("cors.allowed-headers[2]", "Connection", "forbidden request header"),
						violation("cors.allowed-headers[3]", "CONTENT-LENGTH", "forbidden request header"),
						violation("cors.allowed-headers[4]", "cookie2", "forbidden request header"),
						violation("cors.allowed-headers[5]", "Date", "forbidden request header"),
						violation("cors.allowed-headers[6]", "DNT", "forbidden request header"),
						violation("cors.allowed-headers[7]", "Expect", "forbidden request header"),
						violation("cors.allowed-headers[8]", "Host", "forbidden request header"),
						violation("cors.allowed-headers[9]", "Keep-Alive", "forbidden request header"),
						violation("cors.allowed-headers[10]", "Origin", "forbidden request header"),
						violation("cors.allowed-headers[11]", "Referer", "forbidden request header"),
						violation("cors.allowed-headers[12]", "Set-Cookie", "forbidden request header"),
						violation("cors.allowed-headers[13]", "TE", "forbidden request header"),
						violation("cors.allowed-headers[14]", "Trailer", "forbidden request header"),
						violation("cors.allowed-headers[15]", "Transfer-Encoding", "forbidden request header"),
						violation("cors.allowed-headers[16]", "Upgrade", "forbidden request header"),
						violation("cors.allowed-headers[17]", "Via", "forbidden request header")),
				invalid("Sec- and Proxy- request headers in any case",
						(s) -> s.allowedHeaders("Sec-Fetch-Mode", "sec-ch-ua", "Proxy-Authorization", "PROXY-X"),
						violation("cors.allowed-headers[0]", "Sec-Fetch-Mode", "forbidden request header"),
						violation("cors.allowed-headers[1]", "sec-ch-ua", "forbidden request header"),
						violation("cors.allowed-headers[2]", "Proxy-Authorization", "forbidden request header"),
						violation("cors.allowed-headers[3]", "PROXY-X", "forbidden request header")),
				invalid("Access-Control-Request-Method and -Headers in allowed-headers, which the browser sets",
						(s) -> s.allowedHeaders("Access-Control-Request-Method", "access-control-request-headers"),
						violation("cors.allowed-headers[0]", "Access-Control-Request-Method",
								"forbidden request header", credentialsHint),
						violation("cors.allowed-headers[1]", "access-control-request-headers",
								"forbidden request header")),
				invalid("CORS response headers listed as allowed request headers",
						(s) -> s.allowedHeaders("Access-Control-Allow-Origin", "access-control-allow-credentials",
								"Access-Control-Request-Private-Network"),
						violation("cors.allowed-headers[0]", "Access-Control-Allow-Origin", "CORS protocol",
								"the starter writes Access-Control-Allow-Origin from cors.origins or"
										+ " cors.origin-patterns"),
						violation("cors.allowed-headers[1]", "access-control-allow-credentials", "CORS protocol",
								"from cors.allow-credentials"),
						violation("cors.allowed-headers[2]", "Access-Control-Request-Private-Network", "CORS protocol",
								"every Access-Control-* header from the cors.* settings")),
				invalid("every CORS response header in exposed-headers names the setting that writes it",
						(s) -> s.exposedHeaders("Access-Control-Allow-Origin", "Access-Control-Allow-Credentials",
								"Access-Control-Allow-Methods", "Access-Control-Allow-Headers",
								"ACCESS-CONTROL-EXPOSE-HEADERS", "Access-Control-Max-Age",
								"Access-Control-Allow-Private-Network", "Access-Control-Anything"),
						violation("cors.exposed-headers[0]", "Access-Control-Allow-Origin", "CORS protocol",
								"from cors.origins or cors.origin-patterns"),
						violation("cors.exposed-headers[1]", "Access-Control-Allow-Credentials", "CORS protocol",
								"from cors.allow-credentials"),
						violation("cors.exposed-headers[2]", "Access-Control-Allow-Methods", "CORS protocol",
								"from cors.methods"),
						violation("cors.exposed-headers[3]", "Access-Control-Allow-Headers", "CORS protocol",
								"from cors.allowed-headers"),
						violation("cors.exposed-headers[4]", "ACCESS-CONTROL-EXPOSE-HEADERS", "CORS protocol",
								"from cors.exposed-headers"),
						violation("cors.exposed-headers[5]", "Access-Control-Max-Age", "CORS protocol",
								"from cors.max-age"),
						violation("cors.exposed-headers[6]", "Access-Control-Allow-Private-Network", "CORS protocol",
								"from cors.allow-private-network"),
						violation("cors.exposed-headers[7]", "Access-Control-Anything", "CORS protocol",
								"every Access-Control-* header from the cors.* settings")),
				invalid("Set-Cookie and Set-Cookie2 in exposed-headers",
						(s) -> s.exposedHeaders("ETag", "Set-Cookie", "set-cookie2"),
						violation("cors.exposed-headers[1]", "Set-Cookie", "forbidden response header", "cookie store"),
						violation("cors.exposed-headers[2]", "set-cookie2", "forbidden response header")),
				invalid("mapping's forbidden and CORS headers name the mapping's settings",
						(s) -> s.mapping("api",
								CorsSettings.builder()
									.paths("/api/**")
									.allowCredentials(false)
									.allowedHeaders("Cookie", "Access-Control-Allow-Methods")
									.exposedHeaders("Access-Control-Custom")
									.build()),
						violation("cors.mappings.api.allowed-headers[0]", "Cookie", "forbidden request header",
								"as credentials, when cors.mappings.api.allow-credentials=true"),
						violation("cors.mappings.api.allowed-headers[1]", "Access-Control-Allow-Methods",
								"CORS protocol", "from cors.methods"),
						violation("cors.mappings.api.exposed-headers[0]", "Access-Control-Custom", "CORS protocol",
								"from the cors.mappings.api.* settings")),
				valid("headers that only look like forbidden or CORS ones",
						(s) -> s.origins(APP)
							.allowedHeaders("X-Cookie", "Cookies", "Hostname", "Secret", "Proxyish", "Origin-Trial",
									"X-Access-Control-Allow-Origin", "Access-Controls")
							.exposedHeaders("Content-Length", "Date", "Cookie", "X-Set-Cookie", "Set-Cookie3"),
						probe(preflight(APP, "PUT")
							.accessControlRequestHeaders("x-cookie,secret,proxyish,access-controls"), Kind.PREFLIGHT)));
	}

	private static Stream<Row> numbers() {
		return Stream.of(
				invalid("negative max-age", (s) -> s.maxAge(Duration.ofSeconds(-1)),
						violation("cors.max-age", "PT-1S", "is negative")),
				invalid("max-age of 25 hours", (s) -> s.maxAge(Duration.ofHours(25)),
						violation("cors.max-age", "PT25H", "longer than 24 hours",
								"Chromium at 2 hours, Firefox at 24 hours")),
				invalid("max-age of a second more than 24 hours", (s) -> s.maxAge(Duration.ofHours(24).plusSeconds(1)),
						violation("cors.max-age", "PT24H1S", "longer than 24 hours")),
				valid("max-age of 24 hours, the longest a browser keeps",
						(s) -> s.origins(APP).maxAge(Duration.ofHours(24)),
						probe(preflight(APP, "PUT"), Kind.PREFLIGHT)),
				invalid("preflight status 201", (s) -> s.preflightStatus(201),
						violation("cors.preflight-status", "201", "not a status", "204")),
				invalid("preflight status 302", (s) -> s.preflightStatus(302),
						violation("cors.preflight-status", "302", "not a status")),
				valid("preflight status 200 and max-age 0",
						(s) -> s.origins(APP).preflightStatus(200).maxAge(Duration.ZERO),
						probe(preflight(APP, "PUT"), Kind.PREFLIGHT)));
	}

	private static Stream<Row> paths() {
		return Stream.of(
				invalid("path without leading slash", (s) -> s.paths("/public/**", "api/**"),
						violation("cors.paths[1]", "api/**", "starts with '/'")),
				invalid("exclude path with '**' inside a segment", (s) -> s.excludePaths("/api/**.json"),
						violation("cors.exclude-paths[0]", "/api/**.json", "'**' stands alone")),
				invalid("path with white space", (s) -> s.paths("/api /**"),
						violation("cors.paths[0]", "/api /**", "white space")),
				invalid("'**' in the middle, which Spring's parser refuses",
						(s) -> s.paths("/api/**/items", "/api/v1/**"),
						violation("cors.paths[0]", "/api/**/items", "'**' stands first or last")),
				invalid("several '**', whose matching cost grows with each", (s) -> s.excludePaths("/**/a/**/a/**/b"),
						violation("cors.exclude-paths[0]", "/**/a/**/a/**/b", "'**' stands first or last")),
				invalid("a regular expression", (s) -> s.paths("/items/{id:[0-9]+}"),
						violation("cors.paths[0]", "/items/{id:[0-9]+}", "regular expressions")),
				invalid("a mapping's path with a parameter, which routed paths never hold",
						(s) -> s.mapping("api", CorsSettings.builder().paths("/api;v=1/**").build()),
						violation("cors.mappings.api.paths[0]", "/api;v=1/**", "never holds ';'")),
				invalid("a percent-encoded path, matched decoded", (s) -> s.paths("/%61pi/**"),
						violation("cors.paths[0]", "/%61pi/**", "never holds '%'")),
				valid("'{*rest}' covers the rest of the path", (s) -> s.origins(APP).paths("/api/{*rest}"),
						probe(request("GET", "https://evil.com").path("/api/v1/items"), Kind.REJECTED)),
				valid("'**' first covers a file type at any depth", (s) -> s.origins(APP).excludePaths("/**/*.css"),
						probe(request("GET", "https://evil.com").path("/a/b/site.css"), Kind.NOT_COVERED)),
				valid("paths and exclude-paths", (s) -> s.origins(APP).paths("/api/**").excludePaths("/api/health"),
						probe(request("GET", "https://evil.com").path("/api/health"), Kind.NOT_COVERED)));
	}

	private static Stream<Row> mappings() {
		return Stream.of(
				invalid("mapping without paths", (s) -> s.mapping("api", CorsSettings.builder().origins(APP).build()),
						violation("cors.mappings.api.paths", "", "is not set", "/api/**")),
				invalid("mapping with only blank paths",
						(s) -> s.mapping("api", CorsSettings.builder().paths(" ").build()),
						violation("cors.mappings.api.paths", "", "is not set")),
				invalid("mapping with a forbidden method",
						(s) -> s.mapping("api", CorsSettings.builder().paths("/api/**").methods("TRACE").build()),
						violation("cors.mappings.api.methods[0]", "TRACE", "forbidden method")),
				invalid("mapping with a bad origin at index 1",
						(s) -> s.mapping("api", CorsSettings.builder().paths("/api/**").origins(APP, "null").build()),
						violation("cors.mappings.api.origins[1]", "null", "'null' origin")),
				invalid("mapping turning credentials on under an inherited '*'", (s) -> s.origins("*")
					.mapping("public", CorsSettings.builder().paths("/public/**").allowCredentials(true).build()),
						violation("cors.origins[0]", "*", "cannot be combined with credentials",
								"cors.mappings.public.allow-credentials=false")),
				invalid("mapping turning credentials on under an inherited http origin",
						(s) -> s.origins("http://app.example.com")
							.mapping("api", CorsSettings.builder().paths("/api/**").allowCredentials(true).build()),
						violation("cors.origins[0]", "http://app.example.com", "plain-http",
								"cors.allow-insecure-origins=true")),
				invalid("invalid top-level origin inherited by a mapping is reported once",
						(s) -> s.origins("null").mapping("api", CorsSettings.builder().paths("/api/**").build()),
						violation("cors.origins[0]", "null", "'null' origin")),
				invalid("mapping with a negative max-age and a bad status",
						(s) -> s.mapping("api",
								CorsSettings.builder()
									.paths("/api/**")
									.maxAge(Duration.ofMinutes(-1))
									.preflightStatus(404)
									.build()),
						violation("cors.mappings.api.max-age", "PT-1M", "is negative"),
						violation("cors.mappings.api.preflight-status", "404", "not a status")),
				invalid("mapping named default, the top level's name",
						(s) -> s.origins(APP).mapping("default", CorsSettings.builder().paths("/api/**").build()),
						violation("cors.mappings.default", "default", "name of the top-level rules",
								"rename the mapping")),
				invalid("mapping's max-age above 24 hours",
						(s) -> s.mapping("api",
								CorsSettings.builder().paths("/api/**").maxAge(Duration.ofDays(7)).build()),
						violation("cors.mappings.api.max-age", "PT168H", "longer than 24 hours")),
				invalid("top-level max-age above 24 hours inherited by a mapping is reported once",
						(s) -> s.maxAge(Duration.ofHours(48))
							.mapping("api", CorsSettings.builder().paths("/api/**").build()),
						violation("cors.max-age", "PT48H", "longer than 24 hours")),
				valid("mappings whose names only resemble default",
						(s) -> s.origins(APP)
							.mapping("defaults", CorsSettings.builder().paths("/a/**").build())
							.mapping("Default", CorsSettings.builder().paths("/b/**").methods("PATCH").build()),
						probe(preflight(APP, "PATCH").path("/b/x"), Kind.PREFLIGHT)),
				valid("mapping inheriting everything but paths and methods",
						(s) -> s.origins(APP)
							.mapping("api", CorsSettings.builder().paths("/api/**").methods("PATCH").build()),
						probe(preflight(APP, "PATCH").path("/api/x"), Kind.PREFLIGHT)));
	}

	private static Stream<Row> listHandling() {
		return Stream.of(valid("blank elements ignored and spaces trimmed",
				(s) -> s.origins(list(" https://app.example.com ", "", "   ", null, "\thttp://localhost:5173\t"))
					.methods(list(" PUT ", ""))
					.allowedHeaders(list("", " X-Custom ")),
				probe(preflight("http://localhost:5173", "PUT").accessControlRequestHeaders("x-custom"),
						Kind.PREFLIGHT)),
				invalid("index counts blank elements", (s) -> s.origins(list("", " ", "null")),
						violation("cors.origins[2]", "null", "'null' origin")),
				invalid("value is reported trimmed", (s) -> s.origins(list("  null  ")),
						violation("cors.origins[0]", "null", "'null' origin")),
				invalid("several violations at once, in property order",
						(s) -> s.origins(APP, "null", "https://app.example.com/", "*")
							.allowCredentials(true)
							.originPatterns("https://*.com")
							.methods("GET", "TRACE")
							.allowedHeaders("X Bad")
							.exposedHeaders("*")
							.maxAge(Duration.ofSeconds(-5))
							.preflightStatus(302)
							.paths("api")
							.mapping("api", CorsSettings.builder().methods("CONNECT").build()),
						violation("cors.paths[0]", "api", "starts with '/'"),
						violation("cors.origins[1]", "null", "'null' origin"),
						violation("cors.origins[2]", "https://app.example.com/", "ends with '/'"),
						violation("cors.origins[3]", "*", "cannot be combined with credentials"),
						violation("cors.origin-patterns[0]", "https://*.com", "top-level domain"),
						violation("cors.methods[1]", "TRACE", "forbidden method"),
						violation("cors.allowed-headers[0]", "X Bad", "not a valid header name"),
						violation("cors.exposed-headers[0]", "*", "cannot be combined with credentials"),
						violation("cors.max-age", "PT-5S", "is negative"),
						violation("cors.preflight-status", "302", "not a status"),
						violation("cors.mappings.api.paths", "", "is not set"),
						violation("cors.mappings.api.methods[0]", "CONNECT", "forbidden method")),
				valid("nothing configured starts and refuses every origin", UnaryOperator.identity(),
						probe(request("GET", APP), Kind.REJECTED)));
	}

	/**
	 * Several origins typed into one element, as CORS_ORIGINS is often written: one
	 * violation for the element, with the value written as comma-separated origins. Read
	 * as one origin, such a value got hints that led nowhere.
	 */
	private static Stream<Row> separators() {
		String a = "https://a.example.com";
		String b = "https://b.example.com";
		String starA = "https://*.a.example.com";
		String starB = "https://*.b.example.com";
		String api = "cors.mappings.api.";
		return Stream.of(
				invalid("origins separated by ';'", (s) -> s.origins(a + ";" + b),
						violation("cors.origins[0]", a + ";" + b, "holds 2 origins separated by ';'",
								commas(a + "," + b))),
				invalid("origins separated by ';' and a space, after a valid origin",
						(s) -> s.origins(APP, a + "; " + b),
						violation("cors.origins[1]", a + "; " + b, "holds 2 origins separated by ';'",
								commas(a + "," + b))),
				invalid("origins separated by a comma inside one element", (s) -> s.origins(a + ", " + b),
						violation("cors.origins[0]", a + ", " + b, "holds 2 origins in one list element",
								commas(a + "," + b))),
				invalid("origins separated by a space", (s) -> s.origins(a + " " + b),
						violation("cors.origins[0]", a + " " + b, "holds 2 origins separated by white space",
								commas(a + "," + b))),
				invalid("origins separated by a tab", (s) -> s.origins(a + "\t" + b),
						violation("cors.origins[0]", a + "\t" + b, "holds 2 origins separated by white space",
								commas(a + "," + b))),
				invalid("three origins separated by ';' and spaces",
						(s) -> s.origins(a + " ; " + b + "  http://localhost:3000"),
						violation("cors.origins[0]", a + " ; " + b + "  http://localhost:3000",
								"holds 3 origins separated by ';'", commas(a + "," + b + ",http://localhost:3000"))),
				invalid("patterns separated by ';'", (s) -> s.originPatterns(starA + ";" + starB),
						violation("cors.origin-patterns[0]", starA + ";" + starB, "holds 2 origins separated by ';'",
								commas(starA + "," + starB))),
				invalid("patterns separated by a comma inside one element",
						(s) -> s.originPatterns(starA + "," + "http://localhost:*"),
						violation("cors.origin-patterns[0]", starA + ",http://localhost:*",
								"holds 2 origins in one list element", commas(starA + ",http://localhost:*"))),
				invalid("patterns separated by a space", (s) -> s.originPatterns(starA + " " + starB),
						violation("cors.origin-patterns[0]", starA + " " + starB,
								"holds 2 origins separated by white space", commas(starA + "," + starB))),
				invalid("patterns separated by a tab", (s) -> s.originPatterns(starA + "\t" + starB),
						violation("cors.origin-patterns[0]", starA + "\t" + starB,
								"holds 2 origins separated by white space", commas(starA + "," + starB))),
				invalid("mapping's origins separated by ';', a comma, a space and a tab",
						(s) -> s.mapping("api",
								CorsSettings.builder()
									.paths("/api/**")
									.origins(a + ";" + b, a + "," + b, a + " " + b, a + "\t" + b)
									.originPatterns(starA + ";" + starB)
									.build()),
						violation(api + "origins[0]", a + ";" + b, "holds 2 origins separated by ';'",
								commas(a + "," + b)),
						violation(api + "origins[1]", a + "," + b, "holds 2 origins in one list element",
								commas(a + "," + b)),
						violation(api + "origins[2]", a + " " + b, "holds 2 origins separated by white space",
								commas(a + "," + b)),
						violation(api + "origins[3]", a + "\t" + b, "holds 2 origins separated by white space",
								commas(a + "," + b)),
						violation(api + "origin-patterns[0]", starA + ";" + starB, "holds 2 origins separated by ';'",
								commas(starA + "," + starB))),
				// A piece without a scheme is no origin: such values keep the diagnosis
				// of a single origin.
				invalid("';' followed by something that is not an origin", (s) -> s.origins(a + ";x"),
						violation("cors.origins[0]", a + ";x", "characters a host name cannot have")),
				invalid("';' after a pattern, followed by something that is not an origin",
						(s) -> s.originPatterns(starA + ";x"),
						violation("cors.origin-patterns[0]", starA + ";x", "characters a host name cannot have")),
				invalid("a space before a host that has no scheme", (s) -> s.origins(a + " b.example.com"),
						violation("cors.origins[0]", a + " b.example.com", "contains white space")));
	}

	/**
	 * The hint for several origins, with the corrected value up to the text after it, so
	 * that a value with more origins would not match.
	 */
	private static String commas(String corrected) {
		return "separate them with commas: write " + corrected + " (in a YAML list";
	}

	private static List<@Nullable String> list(@Nullable String... values) {
		return new ArrayList<>(Arrays.asList(values));
	}

	private static Row invalid(String description, UnaryOperator<CorsSettings.Builder> settings,
			Violation... violations) {
		return new Row(description, settings, List.of(violations), null);
	}

	private static Row valid(String description, UnaryOperator<CorsSettings.Builder> settings, Probe probe) {
		return new Row(description, settings, List.of(), probe);
	}

	private static Violation violation(String property, String value, String reason) {
		return new Violation(property, value, reason, null);
	}

	private static Violation violation(String property, String value, String reason, String hint) {
		return new Violation(property, value, reason, hint);
	}

	private static Probe probe(PlainCorsRequest.Builder request, Kind kind) {
		return new Probe(request.build(), kind);
	}

	/**
	 * A violation expected: exact property and value, and phrases the reason and hint
	 * must contain.
	 */
	record Violation(String property, String value, String reason, @Nullable String hint) {
	}

	/**
	 * A request sent to a valid policy, and the kind of decision expected.
	 */
	record Probe(PlainCorsRequest request, Kind kind) {
	}

	/**
	 * One case: settings, and either the violations they cause or a probe of the policy
	 * they compile to.
	 */
	record Row(String description, UnaryOperator<CorsSettings.Builder> settings, List<Violation> violations,
			@Nullable Probe probe) {

		@Override
		public String toString() {
			return this.description;
		}

	}

}
