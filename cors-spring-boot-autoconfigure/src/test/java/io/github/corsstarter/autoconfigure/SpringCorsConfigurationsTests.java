package io.github.corsstarter.autoconfigure;

import java.time.Duration;
import java.util.Map;

import io.github.corsstarter.policy.CorsPolicy;
import io.github.corsstarter.policy.CorsSettings;
import org.junit.jupiter.api.Test;

import org.springframework.web.cors.CorsConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring's configuration written from the starter's compiled rules.
 */
class SpringCorsConfigurationsTests {

	@Test
	void rulesAreWrittenAsCompiled() {
		CorsPolicy policy = CorsPolicy.compile(CorsSettings.builder()
			.origins("https://app.example.com")
			.originPatterns("https://*.example.org", "http://localhost:*")
			.methods("put", "GET")
			.allowedHeaders("Content-Type")
			.exposedHeaders("X-Total-Count")
			.allowCredentials(true)
			.maxAge(Duration.ofMinutes(10))
			.allowPrivateNetwork(true)
			.build());
		CorsConfiguration configuration = SpringCorsConfigurations.of(policy.rules().get(0));
		assertThat(configuration.getAllowedOrigins()).containsExactly("https://app.example.com");
		assertThat(configuration.getAllowedOriginPatterns()).containsExactly("https://*.example.org",
				"http://localhost:[*]");
		assertThat(configuration.getAllowedMethods()).containsExactly("PUT", "GET", "HEAD", "POST");
		assertThat(configuration.getAllowedHeaders()).containsExactly("Content-Type");
		assertThat(configuration.getExposedHeaders()).containsExactly("X-Total-Count");
		assertThat(configuration.getAllowCredentials()).isTrue();
		assertThat(configuration.getMaxAge()).isEqualTo(600L);
		assertThat(configuration.getAllowPrivateNetwork()).isTrue();
		assertThat(configuration.checkOrigin("http://localhost:5173")).isEqualTo("http://localhost:5173");
	}

	@Test
	void defaultsAreTheStartersDefaults() {
		CorsPolicy policy = CorsPolicy.compile(CorsSettings.builder().origins("https://app.example.com").build());
		CorsConfiguration configuration = SpringCorsConfigurations.of(policy.rules().get(0));
		assertThat(configuration.getAllowedMethods()).containsExactlyElementsOf(CorsSettings.DEFAULT_METHODS);
		assertThat(configuration.getAllowedHeaders()).containsExactlyElementsOf(CorsSettings.DEFAULT_ALLOWED_HEADERS);
		assertThat(configuration.getMaxAge()).isEqualTo(CorsSettings.DEFAULT_MAX_AGE.toSeconds());
		assertThat(configuration.getAllowCredentials()).isFalse();
		assertThat(configuration.getAllowPrivateNetwork()).isFalse();
	}

	@Test
	void mappingsComeBeforeTheTopLevelAndInheritIt() {
		CorsPolicy policy = CorsPolicy.compile(CorsSettings.builder()
			.origins("https://app.example.com")
			.maxAge(Duration.ofMinutes(5))
			.mapping("public", CorsSettings.builder().paths("/public/**").origins("*").build())
			.build());
		Map<String, CorsConfiguration> configurations = SpringCorsConfigurations.byPathPattern(policy);
		assertThat(configurations).containsOnlyKeys("/public/**", "/**");
		assertThat(configurations.keySet()).containsExactly("/public/**", "/**");
		assertThat(configurations.get("/public/**").getAllowedOrigins()).containsExactly("*");
		assertThat(configurations.get("/public/**").getMaxAge()).isEqualTo(300L);
		assertThat(configurations.get("/**").getAllowedOrigins()).containsExactly("https://app.example.com");
	}

}
