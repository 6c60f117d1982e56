package io.github.corsstarter.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;

/**
 * The starter's policy as a reactive {@link CorsConfigurationSource}, the one Spring Security's
 * {@code ServerHttpSecurity.cors()} looks up by type. Paths are matched as the starter matches them, exclusions
 * included.
 */
class ReactivePolicyCorsConfigurationSource implements CorsConfigurationSource {

	private final SpringCorsConfigurations configurations;

	ReactivePolicyCorsConfigurationSource(SpringCorsConfigurations configurations) {
		this.configurations = configurations;
	}

	@Override
	public @Nullable CorsConfiguration getCorsConfiguration(ServerWebExchange exchange) {
		return this.configurations.forPath(exchange.getRequest().getPath().pathWithinApplication().value());
	}

}
