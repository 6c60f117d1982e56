package io.github.corsstarter.http;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Supplies {@code CORS_ORIGINS} as the operating system would, so that the HTTP tests
 * bind their origins through the environment variable: a comma-separated value with
 * spaces and an empty trailing element.
 */
class CorsOriginsEnvironment implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	static final String CORS_ORIGINS = " https://app.example.com, http://localhost:5173,";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.getEnvironment()
			.getPropertySources()
			.addAfter(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
					new SystemEnvironmentPropertySource("corsTestEnvironment", Map.of("CORS_ORIGINS", CORS_ORIGINS)));
	}

}
