package io.github.corsstarter.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.corsstarter.policy.CorsPolicy;
import io.github.corsstarter.policy.EffectiveRules;

import org.springframework.web.cors.CorsConfiguration;

/**
 * Writes the starter's rules as Spring's {@link CorsConfiguration}, for Spring's own
 * {@code CorsFilter} or {@code CorsWebFilter} to apply the same policy: the benchmarks
 * compare the two implementations this way. The rules come compiled, with the starter's
 * defaults, inheritance and checks applied, so that the two never read {@code cors.*}
 * differently.
 * <p>
 * Spring's configuration cannot say all that the starter's rules say: an excluded path
 * passes through the starter untouched but has no equivalent here; Spring answers an
 * allowed preflight with 200 whatever the preflight status; an {@code OriginDecider} is
 * not consulted; and Spring matches an origin pattern's {@code *} against any characters,
 * where the starter takes one or more whole labels.
 */
public final class SpringCorsConfigurations {

	/**
	 * Fetch, "CORS-safelisted method": the starter allows these without listing them;
	 * Spring allows only the methods it is given.
	 */
	private static final List<String> SAFELISTED_METHODS = List.of("GET", "HEAD", "POST");

	private SpringCorsConfigurations() {
	}

	/**
	 * Returns Spring's configuration for one rule set.
	 * @param rules the rules, as {@link CorsPolicy#rules()} lists them
	 * @return a new configuration
	 */
	public static CorsConfiguration of(EffectiveRules rules) {
		CorsConfiguration configuration = new CorsConfiguration();
		configuration.setAllowedOrigins(rules.origins());
		configuration.setAllowedOriginPatterns(
				rules.originPatterns().stream().map(SpringCorsConfigurations::springPattern).toList());
		configuration.setAllowedMethods(methods(rules.methods()));
		configuration.setAllowedHeaders(rules.allowedHeaders());
		configuration.setExposedHeaders(rules.exposedHeaders());
		configuration.setAllowCredentials(rules.allowCredentials());
		configuration.setMaxAge(rules.maxAge());
		configuration.setAllowPrivateNetwork(rules.allowPrivateNetwork());
		return configuration;
	}

	/**
	 * Returns Spring's configurations for a whole policy, by path pattern, in the order
	 * the starter tries them (its mappings, then the top level), for
	 * {@code UrlBasedCorsConfigurationSource.setCorsConfigurations}, which takes the
	 * first pattern that matches. A pattern named by two rule sets keeps the first.
	 * @param policy the policy
	 * @return the configurations by path pattern, in order
	 */
	public static Map<String, CorsConfiguration> byPathPattern(CorsPolicy policy) {
		Map<String, CorsConfiguration> configurations = new LinkedHashMap<>();
		for (EffectiveRules rules : policy.rules()) {
			CorsConfiguration configuration = of(rules);
			for (String path : rules.paths()) {
				configurations.putIfAbsent(path, configuration);
			}
		}
		return configurations;
	}

	private static List<String> methods(List<String> methods) {
		if (methods.contains(CorsConfiguration.ALL)) {
			return methods;
		}
		List<String> allowed = new ArrayList<>(methods);
		SAFELISTED_METHODS.stream().filter((method) -> !allowed.contains(method)).forEach(allowed::add);
		return allowed;
	}

	/**
	 * The starter writes "any port" {@code http://localhost:*}, Spring
	 * {@code http://localhost:[*]}: both match the host with any port or none.
	 */
	private static String springPattern(String pattern) {
		return pattern.endsWith(":*") ? pattern.substring(0, pattern.length() - 1) + "[*]" : pattern;
	}

}
