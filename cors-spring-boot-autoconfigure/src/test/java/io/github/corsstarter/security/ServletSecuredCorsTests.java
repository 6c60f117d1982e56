package io.github.corsstarter.security;

import java.util.List;

import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.filter.CorsFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter in front of Spring Security on Spring MVC.
 */
@TestPropertySource(properties = "spring.main.web-application-type=servlet")
class ServletSecuredCorsTests extends AbstractSecuredCorsTests {

	@Autowired
	private FilterChainProxy filterChainProxy;

	@Test
	void securityAddsNoCorsFilterOfItsOwn() {
		// The starter publishes no CorsConfigurationSource, which would make Security
		// apply cors() by itself.
		List<Filter> filters = this.filterChainProxy.getFilterChains().get(0).getFilters();
		assertThat(filters).isNotEmpty().doesNotHaveAnyElementsOfTypes(CorsFilter.class);
	}

}
