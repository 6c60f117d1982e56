package io.github.corsstarter.e2e;

import io.github.corsstarter.autoconfigure.CorsProperties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * The sample application's API and playground on WebFlux: the API on the main Netty server, the sample's page on a
 * second one at {@code sample.frontend.port}. Run it with {@code spring.main.web-application-type=reactive} and the
 * sample's {@code application.yml}, which this module's build copies to {@code classpath:playground/}.
 */
@SpringBootConfiguration
// Other tests of this module may put Spring Security on the class path; the sample has none.
@EnableAutoConfiguration(excludeName = {
		"org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration" })
@Import(PlaygroundWebFluxApi.class)
public class PlaygroundWebFluxApplication {

	@Bean
	HandlerRuns handlerRuns() {
		return new HandlerRuns();
	}

	@Bean
	FrontendServer frontendServer(@Value("${sample.frontend.port}") int port, Environment environment,
			CorsProperties cors) {
		return new FrontendServer(port, environment, cors);
	}

}
