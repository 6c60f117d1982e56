package io.github.corsstarter.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.statistics.Statistics;

import static io.github.corsstarter.policy.ExampleRequests.request;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares the engine's origin matching, through {@link CorsPolicy#decide}, with
 * {@link NaiveOrigin} and the matching rules of section 3 of docs/behaviour.md it writes
 * out plainly, on generated configurations and on origins derived from them: the
 * configured ones and their near misses (a label added or removed, the other scheme, a
 * port added, changed or written out, uppercase, a trailing slash, suffixes and prefixes
 * glued on, user information, white space, a path, an IPv6 address spelt another way).
 * There must be no disagreement.
 */
@AddLifecycleHook(ScaledTries.class)
class OriginMatchingProperties {

	@Property(tries = 400)
	void engineAgreesWithNaiveMatcher(@ForAll("configurations") Configuration configuration) {
		RecordingOriginDecider decider = new RecordingOriginDecider(configuration.tenants());
		CorsPolicy policy = CorsPolicy.compile(configuration.settings(), decider);
		for (String origin : configuration.candidates()) {
			NaiveOrigin parsed = NaiveOrigin.parse(origin);
			boolean listed = parsed != null && configuration.lists(parsed);
			boolean expected = listed || (parsed != null && configuration.tenants().contains(origin));
			int callsBefore = decider.calls().size();

			// The server is one no generated origin can name, so that no candidate is
			// same-origin.
			CorsDecision decision = policy
				.decide(request("GET", origin).scheme("https").host("cors-server.test").port(9).build());

			Statistics.label("outcome").collect((parsed == null) ? "malformed" : expected ? "allowed" : "refused");
			assertThat(decision.kind()).as("decision for %s under %s", origin, configuration)
				.isEqualTo(expected ? Kind.ALLOWED : Kind.REJECTED);
			if (!expected) {
				assertThat(decision.reason()).as("reason for %s under %s", origin, configuration)
					.isEqualTo(
							(parsed != null) ? RejectionReason.ORIGIN_NOT_ALLOWED : RejectionReason.MALFORMED_ORIGIN);
			}
			List<String> calls = decider.calls().subList(callsBefore, decider.calls().size());
			assertThat(calls).as("decider calls for %s under %s", origin, configuration)
				.isEqualTo((parsed != null && !listed) ? List.of(origin) : List.of());
		}
	}

	/**
	 * Browsers send one spelling of each IPv6 address (URL standard, "IPv6 serializer"):
	 * the engine must take that one as well formed and refuse the others, as the naive
	 * reference does by expanding and serializing again.
	 */
	@Property(tries = 300)
	void onlyTheCanonicalSpellingOfAnIpv6AddressIsWellFormed(@ForAll("ipv6Pieces") List<Integer> pieces) {
		CorsPolicy policy = CorsPolicy.compile(CorsSettings.builder().build());
		for (String spelling : ipv6Spellings(pieces)) {
			String origin = "http://[" + spelling + "]:8080";
			CorsDecision decision = policy
				.decide(request("GET", origin).scheme("https").host("cors-server.test").port(9).build());
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
	 * Every way to write the address: in full, with leading zeros, and with {@code ::}
	 * for any run of zero pieces.
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
		Arbitrary<NaiveOrigin> origin = OriginArbitraries.origins();
		return Combinators
			.combine(origin.list().ofMaxSize(4), OriginArbitraries.subdomainPatterns().list().ofMaxSize(3),
					OriginArbitraries.anyPortPatterns().list().ofMaxSize(2), origin.list().ofMaxSize(3),
					origin.list().ofMaxSize(12), Arbitraries.of(OriginArbitraries.LABELS).list().ofSize(2),
					Arbitraries.strings().withChars("htps:/[]*.@-_x0189 ").ofMaxLength(30).list().ofMaxSize(5))
			.as(Configuration::generate);
	}

	/**
	 * A generated configuration: exact origins, {@code scheme://*.domain} patterns (held
	 * as origins whose host is the domain), {@code scheme://host:*} patterns (held as
	 * origins without port), the origins a decider allows, and the candidate origins to
	 * send.
	 */
	record Configuration(List<NaiveOrigin> exact, List<NaiveOrigin> domainPatterns, List<NaiveOrigin> anyPortPatterns,
			Set<String> tenants, List<String> candidates) {

		static Configuration generate(List<NaiveOrigin> exact, List<NaiveOrigin> domainPatterns,
				List<NaiveOrigin> anyPortPatterns, List<NaiveOrigin> tenants, List<NaiveOrigin> others,
				List<String> subLabels, List<String> junk) {
			Set<NaiveOrigin> bases = new LinkedHashSet<>(exact);
			for (NaiveOrigin pattern : domainPatterns) {
				bases.add(new NaiveOrigin(pattern.scheme(), subLabels.get(0) + "." + pattern.host(), -1));
				bases.add(new NaiveOrigin(pattern.scheme(),
						subLabels.get(1) + "." + subLabels.get(0) + "." + pattern.host(), -1));
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
				for (Function<NaiveOrigin, String> nearMiss : OriginArbitraries.NEAR_MISSES) {
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
			CorsSettings settings = settings();
			return origin.isListedIn(settings.origins(), settings.originPatterns());
		}

		@Override
		public String toString() {
			return "origins=" + this.exact + ", patterns=" + settings().originPatterns() + ", tenants=" + this.tenants;
		}

	}

}
