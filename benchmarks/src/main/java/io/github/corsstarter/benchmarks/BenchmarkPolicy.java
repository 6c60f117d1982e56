package io.github.corsstarter.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.corsstarter.autoconfigure.SpringCorsConfigurations;
import io.github.corsstarter.policy.CorsPolicy;
import io.github.corsstarter.policy.CorsSettings;

import org.springframework.web.cors.CorsConfiguration;

/**
 * One CORS policy, written for both implementations: the starter's {@link CorsSettings}
 * and Spring's {@link CorsConfiguration}. Apart from the allowed origins and origin
 * patterns, every scenario uses the same settings, those of an API called with cookies by
 * a browser application: the default methods, three allowed request headers, one exposed
 * header, credentials, a 30 minute preflight cache.
 *
 * @param origins the exact allowed origins
 * @param originPatterns the allowed origin patterns, such as
 * {@code https://*.example.com}
 */
public record BenchmarkPolicy(List<String> origins, List<String> originPatterns) {

	/** The methods a preflight may ask for. */
	public static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");

	/** The request headers a preflight may ask for. */
	public static final List<String> ALLOWED_HEADERS = List.of("Content-Type", "Authorization", "X-Requested-With");

	/** The response headers scripts may read. */
	public static final List<String> EXPOSED_HEADERS = List.of("X-Total-Count");

	/** How long browsers may cache a preflight answer. */
	public static final Duration MAX_AGE = Duration.ofMinutes(30);

	/**
	 * Spring's {@code CorsFilter} answers an allowed preflight with 200 (it sets no
	 * status); the starter is told to do the same so that both answers are identical,
	 * status included. 200 or 204 costs the same.
	 */
	public static final int PREFLIGHT_STATUS = 200;

	/**
	 * Returns a policy of exact origins only.
	 * @param origins the allowed origins
	 * @return the policy
	 */
	public static BenchmarkPolicy ofOrigins(List<String> origins) {
		return new BenchmarkPolicy(List.copyOf(origins), List.of());
	}

	/**
	 * Returns a policy of origin patterns only.
	 * @param originPatterns the allowed origin patterns
	 * @return the policy
	 */
	public static BenchmarkPolicy ofOriginPatterns(List<String> originPatterns) {
		return new BenchmarkPolicy(List.of(), List.copyOf(originPatterns));
	}

	/**
	 * Returns {@code count} distinct origins of the same length,
	 * {@code https://app-000001.example.net} to {@code https://app-<count>.example.net}.
	 * Equal lengths make a linear scan compare characters rather than stop at the length:
	 * the worst case for a list, and what a list of tenants' subdomains looks like.
	 * @param count how many origins
	 * @return the origins, in order
	 */
	public static List<String> generatedOrigins(int count) {
		List<String> origins = new ArrayList<>(count);
		for (int i = 1; i <= count; i++) {
			origins.add(generatedOrigin(i));
		}
		return origins;
	}

	/**
	 * Returns the {@code n}th origin of {@link #generatedOrigins(int)}.
	 * @param n from 1
	 * @return the origin
	 */
	public static String generatedOrigin(int n) {
		return String.format("https://app-%06d.example.net", n);
	}

	/**
	 * Compiles the policy for the starter.
	 * @return the starter's policy
	 */
	public CorsPolicy starterPolicy() {
		return CorsPolicy.compile(CorsSettings.builder()
			.origins(this.origins)
			.originPatterns(this.originPatterns)
			.methods(METHODS)
			.allowedHeaders(ALLOWED_HEADERS)
			.exposedHeaders(EXPOSED_HEADERS)
			.allowCredentials(true)
			.maxAge(MAX_AGE)
			.preflightStatus(PREFLIGHT_STATUS)
			.build());
	}

	/**
	 * Writes the policy as Spring's configuration, converted from the starter's compiled
	 * rules.
	 * @return a new configuration
	 */
	public CorsConfiguration springConfiguration() {
		// The policy has no mappings: its only rule set is the top level.
		return SpringCorsConfigurations.of(starterPolicy().rules().get(0));
	}

}
