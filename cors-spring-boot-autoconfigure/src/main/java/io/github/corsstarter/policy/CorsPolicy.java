package io.github.corsstarter.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * An immutable, validated CORS policy: the {@code cors.*} settings compiled once,
 * answering each request with a precomputed {@link CorsDecision}.
 * <p>
 * Requests are classified as docs/behaviour.md, section 2, says: a path that is excluded
 * or not covered passes through untouched; a request without {@code Origin} is not a CORS
 * request; a request from its own origin passes through; an {@code OPTIONS} request with
 * {@code Access-Control-Request-Method} is a preflight; anything else with an
 * {@code Origin} is an actual cross-origin request. The first mapping whose paths match
 * decides, then the top level.
 * <p>
 * A policy never changes. In an application the {@code CorsPolicy} bean is the initial
 * policy, compiled from {@code cors.*} at startup (or declared by the application); when
 * the policy is replaced while the application runs, the {@link CorsPolicyHolder} bean
 * holds the policy in force, and that is what the filters ask.
 */
public final class CorsPolicy {

	/** The property prefix that violations are reported under. */
	private static final String PROPERTY_PREFIX = "cors";

	private final List<RequestPathPattern> excluded;

	private final List<RequestPathPattern> covered;

	private final CorsRules rules;

	private final Mapping[] mappings;

	private final boolean hasOriginDecider;

	/** Whether one rule set decides every path: then the path is never read. */
	private final boolean pathIndependent;

	CorsPolicy(List<RequestPathPattern> excluded, List<RequestPathPattern> covered, CorsRules rules,
			List<Mapping> mappings, boolean hasOriginDecider) {
		this.excluded = List.copyOf(excluded);
		this.covered = List.copyOf(covered);
		this.rules = rules;
		this.mappings = mappings.toArray(Mapping[]::new);
		this.hasOriginDecider = hasOriginDecider;
		this.pathIndependent = excluded.isEmpty() && mappings.isEmpty()
				&& covered.stream().anyMatch(RequestPathPattern::matchesEveryPath);
	}

	/**
	 * Compiles settings into a policy.
	 * @param settings the settings
	 * @return the policy
	 * @throws CorsConfigurationException listing every violation when the settings are
	 * not valid
	 */
	public static CorsPolicy compile(CorsSettings settings) {
		return compile(settings, null);
	}

	/**
	 * Compiles settings into a policy that asks a decider about origins its lists do not
	 * name.
	 * @param settings the settings
	 * @param decider the decider, or {@code null} for none
	 * @return the policy
	 * @throws CorsConfigurationException listing every violation when the settings are
	 * not valid
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
	 * Decides what to do with a request. Never throws on request input, whatever it
	 * holds.
	 * <p>
	 * The rule set is chosen on the path the application routes, percent-decoded and
	 * without {@code ;parameters}. A cross-origin request whose path has no single routed
	 * form (see {@link RejectionReason#AMBIGUOUS_PATH}) is refused whenever the rule set
	 * depends on the path.
	 * @param request the request
	 * @return the decision, a shared instance
	 */
	public CorsDecision decide(CorsRequest request) {
		if (this.pathIndependent) {
			return this.rules.decide(request);
		}
		String path = RoutedPath.resolve(request.path());
		if (path == null) {
			return this.rules.decideUnresolvedPath(request);
		}
		CorsRules rules = rulesFor(path);
		return (rules != null) ? rules.decide(request) : CorsDecision.NOT_COVERED;
	}

	/**
	 * Returns the rules that decide requests to a path.
	 * @param path the path within the application as received, percent-encoded, starting
	 * with {@code /}
	 * @return the rules, or {@code null} when the path is excluded, not covered, or has
	 * no single routed form
	 */
	public @Nullable EffectiveRules effectiveRulesFor(String path) {
		if (this.pathIndependent) {
			return this.rules.effective();
		}
		String routed = RoutedPath.resolve(path);
		CorsRules rules = (routed != null) ? rulesFor(routed) : null;
		return (rules != null) ? rules.effective() : null;
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
	 * Returns the effective rules, in the order they are tried: each mapping's, then the
	 * top level's.
	 * @return the rule sets
	 */
	public List<EffectiveRules> rules() {
		List<EffectiveRules> rules = new ArrayList<>();
		for (Mapping mapping : this.mappings) {
			rules.add(mapping.rules().effective());
		}
		rules.add(this.rules.effective());
		return List.copyOf(rules);
	}

	/**
	 * Returns whether an {@link OriginDecider} is asked about origins the lists do not
	 * name.
	 * @return whether the policy has a decider
	 */
	public boolean hasOriginDecider() {
		return this.hasOriginDecider;
	}

	/**
	 * Returns whether no rule set allows any origin: every cross-origin request will be
	 * refused.
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
	 * Returns a one-line summary of the policy, for the startup log. It counts origins
	 * rather than listing them.
	 * @return the summary
	 */
	@Override
	public String toString() {
		String summary = "paths=" + this.covered + (this.excluded.isEmpty() ? "" : ", exclude-paths=" + this.excluded)
				+ ", " + this.rules.summary();
		if (this.mappings.length == 0) {
			return summary;
		}
		return summary + ", mappings={"
				+ Arrays.stream(this.mappings)
					.map((mapping) -> mapping.rules().effective().name() + ": paths=" + mapping.paths() + ", "
							+ mapping.rules().summary())
					.collect(Collectors.joining("; "))
				+ "}";
	}

	/**
	 * The compiled rules of one {@code cors.mappings.<name>} entry.
	 */
	record Mapping(List<RequestPathPattern> paths, List<RequestPathPattern> excluded, CorsRules rules) {
	}

}
