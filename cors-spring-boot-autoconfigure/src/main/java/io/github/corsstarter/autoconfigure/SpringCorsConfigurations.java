package io.github.corsstarter.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.github.corsstarter.policy.CorsPolicy;
import io.github.corsstarter.policy.EffectiveRules;
import org.jspecify.annotations.Nullable;

import org.springframework.web.cors.CorsConfiguration;

/**
 * The current policy's rules as Spring Framework {@link CorsConfiguration}s, for CORS processors other than the
 * starter's own (Spring Security's {@code cors()}), so that they apply the same rules. Converted again only when
 * the policy is replaced.
 * <p>
 * Spring cannot ask an {@code OriginDecider}; it never needs to, since the starter's filter runs first and Spring's
 * processor leaves alone a response that already has {@code Access-Control-Allow-Origin}.
 */
final class SpringCorsConfigurations {

	private final Supplier<CorsPolicy> policy;

	private volatile Converted converted;

	SpringCorsConfigurations(Supplier<CorsPolicy> policy) {
		this.policy = policy;
		this.converted = convert(policy.get());
	}

	/**
	 * Returns the configuration that applies to a path, as the starter's policy chooses it.
	 * @param path the path within the application as received, percent-encoded; resolved as the filters resolve it
	 * @return the configuration, or {@code null} when the path is excluded, not covered, or has no single routed
	 * form
	 */
	@Nullable CorsConfiguration forPath(String path) {
		Converted current = current();
		EffectiveRules rules = current.policy().effectiveRulesFor(path);
		return (rules != null) ? current.byName().get(rules.name()) : null;
	}

	/**
	 * Returns every configuration by the path patterns it covers, in the order they are tried.
	 * @return the configurations
	 */
	Map<String, CorsConfiguration> byPathPattern() {
		Converted current = current();
		Map<String, CorsConfiguration> byPattern = new LinkedHashMap<>();
		for (EffectiveRules rules : current.policy().rules()) {
			for (String path : rules.paths()) {
				byPattern.putIfAbsent(path, current.byName().get(rules.name()));
			}
		}
		return byPattern;
	}

	private Converted current() {
		CorsPolicy policy = this.policy.get();
		Converted current = this.converted;
		if (current.policy() != policy) {
			current = convert(policy);
			this.converted = current;
		}
		return current;
	}

	private static Converted convert(CorsPolicy policy) {
		Map<String, CorsConfiguration> byName = new LinkedHashMap<>();
		for (EffectiveRules rules : policy.rules()) {
			byName.put(rules.name(), toSpring(rules));
		}
		return new Converted(policy, byName);
	}

	static CorsConfiguration toSpring(EffectiveRules rules) {
		CorsConfiguration configuration = new CorsConfiguration();
		configuration.setAllowedOrigins(new ArrayList<>(rules.origins()));
		List<String> patterns = new ArrayList<>();
		for (String pattern : rules.originPatterns()) {
			// Spring writes "any port" as a port list: http://localhost:[*].
			patterns.add(pattern.endsWith(":*") ? pattern.substring(0, pattern.length() - 1) + "[*]" : pattern);
		}
		configuration.setAllowedOriginPatterns(patterns);
		configuration.setAllowedMethods(new ArrayList<>(rules.methods()));
		configuration.setAllowedHeaders(new ArrayList<>(rules.allowedHeaders()));
		configuration.setExposedHeaders(new ArrayList<>(rules.exposedHeaders()));
		configuration.setAllowCredentials(rules.allowCredentials());
		configuration.setAllowPrivateNetwork(rules.allowPrivateNetwork());
		configuration.setMaxAge(rules.maxAge());
		return configuration;
	}

	private record Converted(CorsPolicy policy, Map<String, CorsConfiguration> byName) {
	}

}
