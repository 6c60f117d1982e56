package io.github.corsstarter.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import io.github.corsstarter.policy.CorsDecision.Kind;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import static io.github.corsstarter.policy.InMemoryCorsRequest.request;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares the engine's origin matching, through {@link CorsPolicy#decide}, with {@link NaiveOrigin} and the
 * matching rules of section 3 of the CORS contract written out plainly below, on generated configurations and on
 * origins derived from them: the configured ones and their near misses (a label added or removed, the other
 * scheme, a port added, changed or written out, uppercase, a trailing slash, suffixes and prefixes glued on,
 * user information, white space, a path, an IPv6 address spelt another way). There must be no disagreement.
 */
class OriginMatchingProperties {

	private static final List<String> LABELS = List.of("a", "b", "ab", "app", "api", "www", "example", "evil",
			"tenant", "xn--bcher-kva", "x-y", "x_y", "a1", "9lives", "z".repeat(63));

	private static final List<String> TOP_LEVEL = List.of("com", "org", "net", "io", "example");

	private static final List<String> IP_HOSTS = List.of("127.0.0.1", "10.0.0.1", "192.168.1.10", "[::1]",
			"[2001:db8::1]", "[fe80::1:2]", "[::ffff:a00:1]");

	private static final List<Integer> PORTS = List.of(-1, -1, -1, 1, 80, 443, 3000, 8080, 8443, 65535);

	@Property(tries = 400)
	void engineAgreesWithNaiveMatcher(@ForAll("configurations") Configuration configuration) {
		RecordingOriginDecider decider = new RecordingOriginDecider(configuration.tenants());
		CorsPolicy policy = CorsPolicy.compile(configuration.settings(), decider);
		for (String origin : configuration.candidates()) {
			NaiveOrigin parsed = NaiveOrigin.parse(origin);
			boolean listed = parsed != null && configuration.lists(parsed);
			boolean expected = listed || (parsed != null && configuration.tenants().contains(origin));
			int callsBefore = decider.calls().size();

			// The server is one no generated origin can name, so that no candidate is same-origin.
			CorsDecision decision = policy.decide(request("GET", origin).server("https", "cors-server.test", 9));

			Statistics.label("outcome").collect((parsed == null) ? "malformed" : expected ? "allowed" : "refused");
			assertThat(decision.kind()).as("decision for %s under %s", origin, configuration)
				.isEqualTo(expected ? Kind.ALLOWED : Kind.REJECTED);
			if (!expected) {
				assertThat(decision.reason()).as("reason for %s under %s", origin, configuration)
					.isEqualTo((parsed != null) ? RejectionReason.ORIGIN_NOT_ALLOWED
							: RejectionReason.MALFORMED_ORIGIN);
			}
			List<String> calls = decider.calls().subList(callsBefore, decider.calls().size());
			assertThat(calls).as("decider calls for %s under %s", origin, configuration)
				.isEqualTo((parsed != null && !listed) ? List.of(origin) : List.of());
		}
	}

	/**
	 * Browsers send one spelling of each IPv6 address (URL standard, "IPv6 serializer"): the engine must take that
	 * one as well formed and refuse the others, as the naive reference does by expanding and serializing again.
	 */
	@Property(tries = 300)
	void onlyTheCanonicalSpellingOfAnIpv6AddressIsWellFormed(@ForAll("ipv6Pieces") List<Integer> pieces) {
		CorsPolicy policy = CorsPolicy.compile(CorsSettings.builder().build());
		for (String spelling : ipv6Spellings(pieces)) {
			String origin = "http://[" + spelling + "]:8080";
			CorsDecision decision = policy.decide(request("GET", origin).server("https", "cors-server.test", 9));
			RejectionReason expected = (NaiveOrigin.parse(origin) != null) ? RejectionReason.ORIGIN_NOT_ALLOWED
					: RejectionReason.MALFORMED_ORIGIN;
			Statistics.label("spelling").collect(expected);
			assertThat(decision.reason()).as("reason for %s", origin).isEqualTo(expected);
		}
	}

	@Provide
	Arbitrary<List<Integer>> ipv6Pieces() {
		return Arbitraries
			.frequencyOf(Tuple.of(5, Arbitraries.just(0)), Tuple.of(3, Arbitraries.integers().between(1, 0xff)),
					Tuple.of(2, Arbitraries.integers().between(0, 0xffff)))
			.list()
			.ofSize(8);
	}

	/**
	 * Every way to write the address: in full, with leading zeros, and with {@code ::} for any run of zero pieces.
	 */
	private static List<String> ipv6Spellings(List<Integer> pieces) {
		List<String> hex = pieces.stream().map(Integer::toHexString).toList();
		List<String> spellings = new ArrayList<>();
		spellings.add(String.join(":", hex));
		spellings.add(String.join(":", pieces.stream().map((piece) -> String.format("%04x", piece)).toList()));
		for (int start = 0; start < 8; start++) {
			for (int end = start + 1; end <= 8 && pieces.get(end - 1) == 0; end++) {
				spellings.add(String.join(":", hex.subList(0, start)) + "::" + String.join(":", hex.subList(end, 8)));
			}
		}
		return spellings;
	}

	@Provide
	Arbitrary<Configuration> configurations() {
		Arbitrary<String> scheme = Arbitraries.of("http", "https");
		Arbitrary<String> domain = Combinators.combine(Arbitraries.of(LABELS).list().ofMaxSize(2),
				Arbitraries.of(TOP_LEVEL))
			.as((labels, topLevel) -> String.join(".", labels) + (labels.isEmpty() ? "" : ".") + topLevel);
		Arbitrary<String> patternDomain = Combinators.combine(Arbitraries.of(LABELS).list().ofMinSize(1).ofMaxSize(2),
				Arbitraries.of(TOP_LEVEL))
			.as((labels, topLevel) -> String.join(".", labels) + "." + topLevel);
		Arbitrary<String> host = Arbitraries.frequencyOf(Tuple.of(6, domain), Tuple.of(2, Arbitraries.of(IP_HOSTS)),
				Tuple.of(1, Arbitraries.just("localhost")));
		Arbitrary<NaiveOrigin> origin = Combinators.combine(scheme, host, Arbitraries.of(PORTS))
			.as((s, h, p) -> new NaiveOrigin(s, h, (p == (s.equals("https") ? 443 : 80)) ? -1 : p));
		Arbitrary<NaiveOrigin> domainPattern = Combinators.combine(scheme, patternDomain)
			.as((s, d) -> new NaiveOrigin(s, d, -1));
		Arbitrary<NaiveOrigin> anyPortPattern = Combinators.combine(scheme, host)
			.as((s, h) -> new NaiveOrigin(s, h, -1));
		return Combinators
			.combine(origin.list().ofMaxSize(4), domainPattern.list().ofMaxSize(3), anyPortPattern.list().ofMaxSize(2),
					origin.list().ofMaxSize(3), origin.list().ofMaxSize(12), Arbitraries.of(LABELS).list().ofSize(2),
					Arbitraries.strings().withChars("htps:/[]*.@-_x0189 ").ofMaxLength(30).list().ofMaxSize(5))
			.as(Configuration::generate);
	}

	/**
	 * A generated configuration: exact origins, {@code scheme://*.domain} patterns (held as origins whose host is
	 * the domain), {@code scheme://host:*} patterns (held as origins without port), the origins a decider allows,
	 * and the candidate origins to send.
	 */
	record Configuration(List<NaiveOrigin> exact, List<NaiveOrigin> domainPatterns, List<NaiveOrigin> anyPortPatterns,
			Set<String> tenants, List<String> candidates) {

		static Configuration generate(List<NaiveOrigin> exact, List<NaiveOrigin> domainPatterns,
				List<NaiveOrigin> anyPortPatterns, List<NaiveOrigin> tenants, List<NaiveOrigin> others,
				List<String> subLabels, List<String> junk) {
			Set<NaiveOrigin> bases = new LinkedHashSet<>(exact);
			for (NaiveOrigin pattern : domainPatterns) {
				bases.add(new NaiveOrigin(pattern.scheme(), subLabels.get(0) + "." + pattern.host(), -1));
				bases.add(new NaiveOrigin(pattern.scheme(), subLabels.get(1) + "." + subLabels.get(0) + "."
						+ pattern.host(), -1));
				bases.add(pattern);
			}
			for (NaiveOrigin pattern : anyPortPatterns) {
				bases.add(pattern);
				bases.add(new NaiveOrigin(pattern.scheme(), pattern.host(), 3000));
			}
			bases.addAll(tenants);
			bases.addAll(others);
			Set<String> candidates = new LinkedHashSet<>();
			for (NaiveOrigin base : bases) {
				for (Function<NaiveOrigin, String> nearMiss : NEAR_MISSES) {
					candidates.add(nearMiss.apply(base));
				}
			}
			candidates.addAll(junk);
			Set<String> tenantOrigins = new LinkedHashSet<>();
			tenants.forEach((tenant) -> tenantOrigins.add(tenant.toString()));
			return new Configuration(exact, domainPatterns, anyPortPatterns, tenantOrigins,
					new ArrayList<>(candidates));
		}

		CorsSettings settings() {
			List<String> patterns = new ArrayList<>();
			this.domainPatterns.forEach((pattern) -> patterns.add(pattern.scheme() + "://*." + pattern.host()));
			this.anyPortPatterns.forEach((pattern) -> patterns.add(pattern + ":*"));
			return CorsSettings.builder()
				.origins(this.exact.stream().map(NaiveOrigin::toString).toList())
				.originPatterns(patterns)
				.build();
		}

		/**
		 * The reference: whether the configured lists allow a well-formed origin.
		 */
		boolean lists(NaiveOrigin origin) {
			for (NaiveOrigin allowed : this.exact) {
				if (allowed.equals(origin)) {
					return true;
				}
			}
			for (NaiveOrigin pattern : this.domainPatterns) {
				List<String> labels = origin.labels();
				List<String> domain = pattern.labels();
				if (origin.scheme().equals(pattern.scheme()) && origin.port() == -1 && origin.hasDomainName()
						&& labels.size() > domain.size()
						&& labels.subList(labels.size() - domain.size(), labels.size()).equals(domain)) {
					return true;
				}
			}
			for (NaiveOrigin pattern : this.anyPortPatterns) {
				if (origin.scheme().equals(pattern.scheme()) && origin.host().equals(pattern.host())) {
					return true;
				}
			}
			return false;
		}

		@Override
		public String toString() {
			return "origins=" + this.exact + ", patterns=" + settings().originPatterns() + ", tenants=" + this.tenants;
		}

	}

	private static final List<Function<NaiveOrigin, String>> NEAR_MISSES = List.of(
			NaiveOrigin::toString,
			(o) -> with(o, o.scheme(), "x." + o.host(), o.port()),
			(o) -> with(o, o.scheme(), o.host().substring(o.host().indexOf('.') + 1), o.port()),
			(o) -> with(o, o.scheme().equals("https") ? "http" : "https", o.host(), o.port()),
			(o) -> with(o, o.scheme(), o.host(), (o.port() == 8443) ? 8444 : 8443),
			(o) -> with(o, o.scheme(), o.host(), -1),
			(o) -> o.scheme() + "://" + o.host() + (o.scheme().equals("https") ? ":443" : ":80"),
			(o) -> o.toString().toUpperCase(Locale.ROOT),
			(o) -> with(o, o.scheme(), o.host().toUpperCase(Locale.ROOT), o.port()),
			(o) -> with(o, o.scheme(), o.host().replace("::", ":0::"), o.port()),
			(o) -> o.scheme().toUpperCase(Locale.ROOT) + o.toString().substring(o.scheme().length()),
			(o) -> o + "/",
			(o) -> o + "/path",
			(o) -> with(o, o.scheme(), o.host() + ".evil.com", o.port()),
			(o) -> with(o, o.scheme(), "evil" + o.host(), o.port()),
			(o) -> with(o, o.scheme(), o.host() + ".", o.port()),
			(o) -> with(o, o.scheme(), "a".repeat(60) + "." + "b".repeat(60) + "." + "c".repeat(60) + "." + o.host(),
					o.port()),
			(o) -> o.scheme() + "://user@" + o.host(),
			(o) -> " " + o,
			(o) -> o + ",https://evil.com",
			(o) -> o.scheme() + "://" + o.host() + ":0" + Math.max(o.port(), 1));

	private static String with(NaiveOrigin origin, String scheme, String host, int port) {
		return new NaiveOrigin(scheme, host, port).toString();
	}

}
