package io.github.corsstarter.autoconfigure;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The starter's policy as a servlet {@link UrlBasedCorsConfigurationSource}. Spring Security applies
 * {@code cors()} on its own when a bean of this type exists, and then takes this one by its name,
 * {@code corsConfigurationSource}. Paths are matched as the starter matches them, exclusions included.
 */
class PolicyCorsConfigurationSource extends UrlBasedCorsConfigurationSource {

	private final SpringCorsConfigurations configurations;

	PolicyCorsConfigurationSource(SpringCorsConfigurations configurations) {
		this.configurations = configurations;
	}

	@Override
	public Map<String, CorsConfiguration> getCorsConfigurations() {
		return this.configurations.byPathPattern();
	}

	@Override
	public @Nullable CorsConfiguration getCorsConfiguration(HttpServletRequest request) {
		String uri = request.getRequestURI();
		String contextPath = request.getContextPath();
		String path = (contextPath.isEmpty() || !uri.startsWith(contextPath)) ? uri
				: uri.substring(contextPath.length());
		return this.configurations.forPath(path);
	}

}
