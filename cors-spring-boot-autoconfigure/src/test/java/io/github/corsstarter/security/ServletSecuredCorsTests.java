package io.github.corsstarter.security;

import java.util.List;

import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter in front of Spring Security on Spring MVC.
 */
@TestPropertySource(properties = "spring.main.web-application-type=servlet")
class ServletSecuredCorsTests extends AbstractSecuredCorsTests {

	@Autowired
	private FilterChainProxy filterChainProxy;

	@Autowired
	private UrlBasedCorsConfigurationSource corsConfigurationSource;

	@Test
	void securityAppliesCorsWithTheStartersRules() {
		List<Filter> filters = this.filterChainProxy.getFilterChains().get(0).getFilters();
		assertThat(filters).hasAtLeastOneElementOfType(CorsFilter.class);
		assertThat(this.corsConfigurationSource.getCorsConfigurations()).containsOnlyKeys("/**");
		assertThat(this.corsConfigurationSource.getCorsConfigurations().get("/**").getAllowedOrigins())
			.containsExactly("https://app.example.com");
	}

}
