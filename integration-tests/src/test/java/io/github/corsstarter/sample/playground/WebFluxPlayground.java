package io.github.corsstarter.sample.playground;

import io.github.corsstarter.autoconfigure.CorsProperties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * The sample's playground on WebFlux: its API endpoints ({@link PlaygroundApiController},
 * which runs on either stack) and, in place of {@link PlaygroundConfiguration}'s second
 * Tomcat connector, a {@link FrontendServer} at {@code sample.frontend.port}.
 * <p>
 * A class of this package, although it is a test's, so that it can import the sample's
 * package-private classes; a {@link TestConfiguration}, so that the sample's component
 * scan leaves it out of {@link PlaygroundBrowserTests}.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(PlaygroundApiController.class)
public class WebFluxPlayground {

	@Bean
	FrontendServer frontendServer(@Value("${sample.frontend.port}") int port, Environment environment,
			CorsProperties cors) {
		return new FrontendServer(port, environment, cors);
	}

}
