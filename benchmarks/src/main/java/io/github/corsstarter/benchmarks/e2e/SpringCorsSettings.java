package io.github.corsstarter.benchmarks.e2e;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.web.cors.CorsConfiguration;

/**
 * Reads the starter's {@code cors.*} properties into Spring's {@link CorsConfiguration}, so that in {@code spring}
 * mode Spring's filter applies the very policy the starter applies in {@code starter} mode, from the same file.
 */
public final class SpringCorsSettings {

	private SpringCorsSettings() {
	}

	/**
	 * Binds the {@code cors.*} properties of the environment.
	 * @param environment the application's environment
	 * @return a new configuration
	 */
	public static CorsConfiguration configuration(Environment environment) {
		Binder binder = Binder.get(environment);
		Bindable<List<String>> list = Bindable.listOf(String.class);
		CorsConfiguration configuration = new CorsConfiguration();
		configuration.setAllowedOrigins(binder.bind("cors.origins", list).orElse(List.of()));
		configuration.setAllowedOriginPatterns(binder.bind("cors.origin-patterns", list).orElse(List.of()));
		configuration.setAllowedMethods(binder.bind("cors.methods", list).orElse(List.of()));
		configuration.setAllowedHeaders(binder.bind("cors.allowed-headers", list).orElse(List.of()));
		configuration.setExposedHeaders(binder.bind("cors.exposed-headers", list).orElse(List.of()));
		configuration.setAllowCredentials(binder.bind("cors.allow-credentials", Boolean.class).orElse(false));
		configuration.setMaxAge(binder.bind("cors.max-age", Duration.class).orElse(Duration.ofMinutes(30)));
		return configuration;
	}

}
