package io.github.corsstarter.policy;

import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * An immutable, validated CORS policy: the {@code cors.*} settings compiled once, answering each request with a
 * precomputed {@link CorsDecision}.
 * <p>
 * Requests are classified as the CORS contract says: a path that is excluded or not covered passes through
 * untouched; a request without {@code Origin} is not a CORS request; a request from its own origin passes through;
 * an {@code OPTIONS} request with {@code Access-Control-Request-Method} is a preflight; anything else with an
 * {@code Origin} is an actual cross-origin request. The first mapping whose paths match decides, then the top
 * level.
 */
public final class CorsPolicy {

	/** The property prefix that violations are reported under. */
	public static final String PROPERTY_PREFIX = "cors";

	private final List<RequestPathPattern> excluded;

	private final List<RequestPathPattern> covered;

	private final CorsRules rules;

	private final Mapping[] mappings;

	CorsPolicy(List<RequestPathPattern> excluded, List<RequestPathPattern> covered, CorsRules rules,
			List<Mapping> mappings) {
		this.excluded = List.copyOf(excluded);
		this.covered = List.copyOf(covered);
		this.rules = rules;
		this.mappings = mappings.toArray(Mapping[]::new);
	}

	/**
	 * Compiles settings into a policy.
	 * @param settings the settings
	 * @return the policy
	 * @throws CorsConfigurationException listing every violation when the settings are not valid
	 */
	public static CorsPolicy compile(CorsSettings settings) {
		return compile(settings, null);
	}

	/**
	 * Compiles settings into a policy that asks a decider about origins its lists do not name.
	 * @param settings the settings
	 * @param decider the decider, or {@code null} for none
	 * @return the policy
	 * @throws CorsConfigurationException listing every violation when the settings are not valid
	 */
	public static CorsPolicy compile(CorsSettings settings, @Nullable OriginDecider decider) {
		return new CorsPolicyCompiler(PROPERTY_PREFIX, decider).compile(settings);
	}

	/**
	 * Returns a policy that covers no path: every request passes through untouched.
	 * @return the policy
	 */
	public static CorsPolicy passThrough() {
		return compile(CorsSettings.builder().paths(List.of()).build());
	}

	/**
	 * Decides what to do with a request. Never throws on request input, whatever it holds.
	 * @param request the request
	 * @return the decision, a shared instance
	 */
	public CorsDecision decide(CorsRequest request) {
		CorsRules rules = rulesFor(request.path());
		return (rules != null) ? rules.decide(request) : CorsDecision.NOT_COVERED;
	}

	private @Nullable CorsRules rulesFor(String path) {
		if (matchesAny(this.excluded, path)) {
			return null;
		}
		for (Mapping mapping : this.mappings) {
			if (matchesAny(mapping.paths(), path)) {
				return matchesAny(mapping.excluded(), path) ? null : mapping.rules();
			}
		}
		return matchesAny(this.covered, path) ? this.rules : null;
	}

	private static boolean matchesAny(List<RequestPathPattern> patterns, String path) {
		for (int i = 0; i < patterns.size(); i++) {
			if (patterns.get(i).matches(path)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Returns whether no rule set allows any origin: every cross-origin request will be refused.
	 * @return whether the policy allows no origin at all
	 */
	public boolean allowsNoOrigin() {
		if (!this.rules.hasNoOrigins()) {
			return false;
		}
		for (Mapping mapping : this.mappings) {
			if (!mapping.rules().hasNoOrigins()) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Returns a one-line summary of the policy, for the startup log. It counts origins rather than listing them.
	 * @return the summary
	 */
	@Override
	public String toString() {
		String summary = "paths=" + this.covered + (this.excluded.isEmpty() ? "" : ", exclude-paths=" + this.excluded)
				+ ", " + this.rules.summary();
		if (this.mappings.length == 0) {
			return summary;
		}
		return summary + ", mappings={" + java.util.Arrays.stream(this.mappings)
			.map((mapping) -> mapping.name() + ": paths=" + mapping.paths() + ", " + mapping.rules().summary())
			.collect(Collectors.joining("; ")) + "}";
	}

	/**
	 * The compiled rules of one {@code cors.mappings.<name>} entry.
	 */
	record Mapping(String name, List<RequestPathPattern> paths, List<RequestPathPattern> excluded, CorsRules rules) {
	}

}
