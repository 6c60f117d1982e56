package io.github.corsstarter.security;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.cors.reactive.CorsWebFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter in front of Spring Security on WebFlux.
 */
@TestPropertySource(properties = "spring.main.web-application-type=reactive")
class ReactiveSecuredCorsTests extends AbstractSecuredCorsTests {

	@Autowired
	private SecurityWebFilterChain chain;

	@Test
	void securityAddsNoCorsWebFilterEvenWhenAskedTo() {
		// cors(withDefaults()) adds a CorsWebFilter only when a CorsConfigurationSource
		// bean exists.
		assertThat(this.chain.getWebFilters().collectList().block()).isNotEmpty()
			.doesNotHaveAnyElementsOfTypes(CorsWebFilter.class);
	}

}
