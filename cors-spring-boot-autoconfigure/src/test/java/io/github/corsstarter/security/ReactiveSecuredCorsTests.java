package io.github.corsstarter.security;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.cors.reactive.CorsConfigurationSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter in front of Spring Security on WebFlux.
 */
@TestPropertySource(properties = "spring.main.web-application-type=reactive")
class ReactiveSecuredCorsTests extends AbstractSecuredCorsTests {

	@Autowired
	private ApplicationContext context;

	@Test
	void securityFindsTheStartersSourceAsTheOnlyOne() {
		// ServerHttpSecurity.cors() takes the CorsConfigurationSource bean only when it is the only one.
		assertThat(this.context.getBeansOfType(CorsConfigurationSource.class)).containsOnlyKeys(
				"corsConfigurationSource");
	}

}
