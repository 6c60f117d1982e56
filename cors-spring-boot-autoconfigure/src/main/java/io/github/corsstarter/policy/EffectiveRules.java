package io.github.corsstarter.policy;

import java.time.Duration;
import java.util.List;

/**
 * The effective settings of one rule set of a compiled {@link CorsPolicy}, after defaults
 * and inheritance were applied and every value was checked: what the policy enforces, for
 * display (the Actuator endpoint, the startup log).
 *
 * @param name {@link #TOP_LEVEL} for the top-level rules, otherwise the mapping's name
 * @param paths the path patterns the rules cover
 * @param excludePaths the path patterns within them that pass through untouched; the top
 * level's apply before any mapping is tried
 * @param origins the exact allowed origins, {@code *} for any
 * @param originPatterns the allowed origin patterns
 * @param methods the methods a preflight may ask for, {@code *} for any
 * @param allowedHeaders the request headers a preflight may ask for, {@code *} for any
 * @param exposedHeaders the response headers scripts may read
 * @param allowCredentials whether credentials are allowed
 * @param maxAge how long a preflight answer may be cached
 * @param allowPrivateNetwork whether private network access is granted
 * @param preflightStatus the status of an allowed preflight answer
 */
public record EffectiveRules(String name, List<String> paths, List<String> excludePaths, List<String> origins,
		List<String> originPatterns, List<String> methods, List<String> allowedHeaders, List<String> exposedHeaders,
		boolean allowCredentials, Duration maxAge, boolean allowPrivateNetwork, int preflightStatus) {

	/** The name of the top-level rules, which apply where no mapping does. */
	public static final String TOP_LEVEL = "default";

	public EffectiveRules {
		paths = List.copyOf(paths);
		excludePaths = List.copyOf(excludePaths);
		origins = List.copyOf(origins);
		originPatterns = List.copyOf(originPatterns);
		methods = List.copyOf(methods);
		allowedHeaders = List.copyOf(allowedHeaders);
		exposedHeaders = List.copyOf(exposedHeaders);
	}

	/**
	 * Returns whether the rules allow any origin without credentials, answering
	 * {@code Access-Control-Allow-Origin:
	 * *} to all.
	 * @return whether the rules are a fixed {@code *}
	 */
	public boolean isFixedWildcard() {
		return this.origins.contains("*") && !this.allowCredentials;
	}

}
