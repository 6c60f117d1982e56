package io.github.corsstarter.policy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a compiled policy says about itself: the effective rules the Actuator endpoint
 * shows (defaults and inheritance applied, in the order they are tried), which rules
 * decide a path, whether an {@link OriginDecider} is asked, and the one-line summary
 * logged at startup, which counts origins rather than listing them.
 */
class CorsPolicyDescriptionTests {

	private static final String APP = "https://app.example.com";

	/**
	 * A top level with every setting, and a mapping that overrides some and inherits the
	 * rest.
	 */
	private static final CorsSettings SETTINGS = CorsSettings.builder()
		.origins(APP, "https://admin.example.com")
		.originPatterns("https://*.example.org", "http://*.example.net", "http://localhost:*")
		.methods("GET", "PUT")
		.allowedHeaders("Content-Type")
		.exposedHeaders("X-Total-Count")
		.allowCredentials(true)
		.allowInsecureOrigins(true)
		.maxAge(Duration.ofHours(1))
		.allowPrivateNetwork(true)
		.preflightStatus(200)
		.paths("/api/**")
		.excludePaths("/api/health")
		.mapping("public",
				CorsSettings.builder()
					.paths("/public/**")
					.excludePaths("/public/private/**")
					.origins("https://partner.example.com", "*")
					.allowCredentials(false)
					.build())
		.build();

	@Test
	void rulesListEachMappingThenTheTopLevelWithDefaultsAndInheritanceApplied() {
		List<EffectiveRules> rules = CorsPolicy.compile(SETTINGS).rules();

		List<String> patterns = List.of("https://*.example.org", "http://*.example.net", "http://localhost:*");
		// '*' comes first, so that a reader sees at once that the mapping allows any
		// origin.
		assertThat(rules).containsExactly(
				new EffectiveRules("public", List.of("/public/**"), List.of("/public/private/**"),
						List.of("*", "https://partner.example.com"), patterns, List.of("GET", "PUT"),
						List.of("Content-Type"), List.of("X-Total-Count"), false, Duration.ofHours(1), true, 200),
				new EffectiveRules(EffectiveRules.TOP_LEVEL, List.of("/api/**"), List.of("/api/health"),
						List.of(APP, "https://admin.example.com"), patterns, List.of("GET", "PUT"),
						List.of("Content-Type"), List.of("X-Total-Count"), true, Duration.ofHours(1), true, 200));
	}

	@Test
	void effectiveRulesForAPathAreTheRulesThatDecideIt() {
		CorsPolicy policy = CorsPolicy.compile(SETTINGS);

		assertThat(policy.effectiveRulesFor("/public/logo.png")).extracting(EffectiveRules::name).isEqualTo("public");
		assertThat(policy.effectiveRulesFor("/api/items")).extracting(EffectiveRules::name)
			.isEqualTo(EffectiveRules.TOP_LEVEL);
		assertThat(policy.effectiveRulesFor("/api/health")).as("excluded at the top level").isNull();
		assertThat(policy.effectiveRulesFor("/public/private/x")).as("excluded by the mapping").isNull();
		assertThat(policy.effectiveRulesFor("/static/app.js")).as("not covered").isNull();
	}

	@Test
	void fixedWildcardIsAnyOriginWithoutCredentials() {
		List<EffectiveRules> rules = CorsPolicy.compile(SETTINGS).rules();
		assertThat(rules.get(0).isFixedWildcard()).as("public: '*' without credentials").isTrue();
		assertThat(rules.get(1).isFixedWildcard()).as("top level: exact origins").isFalse();
		// Compiled rules never hold '*' with credentials; rules handed in by hand may,
		// and are then not a fixed '*'.
		assertThat(withOrigins(List.of("*"), true).isFixedWildcard()).as("'*' with credentials").isFalse();
		assertThat(withOrigins(List.of(APP), false).isFixedWildcard()).as("exact origin without credentials").isFalse();
	}

	@Test
	void policyTellsWhetherItAsksAnOriginDecider() {
		assertThat(CorsPolicy.compile(SETTINGS).hasOriginDecider()).isFalse();
		assertThat(CorsPolicy.compile(SETTINGS, (origin) -> false).hasOriginDecider()).isTrue();
	}

	@Test
	void summaryDescribesEveryRuleSetWithoutListingOrigins() {
		assertThat(CorsPolicy.compile(SETTINGS, (origin) -> false)).hasToString("paths=[/api/**], "
				+ "exclude-paths=[/api/health], origins=2 exact, 3 pattern(s) and an OriginDecider, methods=[GET, PUT], "
				+ "allowed-headers=[Content-Type], exposed-headers=[X-Total-Count], allow-credentials=true, "
				+ "max-age=3600s, allow-private-network=true, mappings={public: paths=[/public/**], origins=*, "
				+ "methods=[GET, PUT], allowed-headers=[Content-Type], exposed-headers=[X-Total-Count], "
				+ "allow-credentials=false, max-age=3600s, allow-private-network=true}");
	}

	@Test
	void summaryOfTheDefaultsLeavesOutWhatIsNotSet() {
		assertThat(CorsPolicy.compile(CorsSettings.builder().build())).hasToString("paths=[/**], "
				+ "origins=0 exact, 0 pattern(s), methods=[GET, HEAD, POST, PUT, PATCH, DELETE], allowed-headers=[*], "
				+ "exposed-headers=[], allow-credentials=false, max-age=1800s");
	}

	private static EffectiveRules withOrigins(List<String> origins, boolean credentials) {
		return new EffectiveRules("test", List.of("/**"), List.of(), origins, List.of(), List.of("GET"), List.of("*"),
				List.of(), credentials, Duration.ZERO, false, 204);
	}

}
