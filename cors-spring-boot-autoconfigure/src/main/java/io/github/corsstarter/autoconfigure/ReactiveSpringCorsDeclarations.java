package io.github.corsstarter.autoconfigure;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.EmbeddedValueResolver;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.config.CorsRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Finds the CORS configuration a WebFlux application declares to Spring:
 * {@code @CrossOrigin} on handlers, {@code WebFluxConfigurer#addCorsMappings}, and
 * reactive {@code CorsConfigurationSource} and {@code CorsWebFilter} beans.
 */
final class ReactiveSpringCorsDeclarations {

	private ReactiveSpringCorsDeclarations() {
	}

	static List<SpringCorsDeclaration> find(ConfigurableListableBeanFactory beanFactory) {
		List<SpringCorsDeclaration> declarations = new ArrayList<>();
		CrossOriginReader reader = new CrossOriginReader();
		reader.setEmbeddedValueResolver(new EmbeddedValueResolver(beanFactory));
		for (RequestMappingHandlerMapping mapping : beanFactory
			.getBeansOfType(RequestMappingHandlerMapping.class, false, false)
			.values()) {
			declarations.addAll(reader.read(mapping));
		}
		beanFactory.getBeansOfType(WebFluxConfigurer.class, false, false).forEach((name, configurer) -> {
			ReadableCorsRegistry registry = new ReadableCorsRegistry();
			configurer.addCorsMappings(registry);
			Map<String, CorsConfiguration> byPattern = registry.getCorsConfigurations();
			if (!byPattern.isEmpty()) {
				declarations.add(new SpringCorsDeclaration(
						"addCorsMappings of the WebFluxConfigurer bean '" + name + "'", null, byPattern));
			}
		});
		// Neither type tells its path patterns.
		beanFactory.getBeansOfType(CorsConfigurationSource.class, false, false)
			.keySet()
			.forEach((name) -> declarations.add(new SpringCorsDeclaration(
					"the CorsConfigurationSource bean '" + name + "'", SpringCorsDeclaration.nameOf(name), null)));
		beanFactory.getBeansOfType(CorsWebFilter.class, false, false)
			.keySet()
			.forEach((name) -> declarations.add(new SpringCorsDeclaration("the CorsWebFilter bean '" + name + "'",
					SpringCorsDeclaration.nameOf(name), null)));
		return declarations;
	}

	private static final class ReadableCorsRegistry extends CorsRegistry {

		@Override
		protected Map<String, CorsConfiguration> getCorsConfigurations() {
			return super.getCorsConfigurations();
		}

	}

	/**
	 * Computes a handler's {@code @CrossOrigin} configuration as WebFlux does, without
	 * registering anything.
	 */
	private static final class CrossOriginReader extends RequestMappingHandlerMapping {

		List<SpringCorsDeclaration> read(RequestMappingHandlerMapping mapping) {
			return SpringCorsDeclaration.crossOrigin(mapping.getHandlerMethods(),
					(info) -> info.getPatternsCondition()
						.getPatterns()
						.stream()
						.map(PathPattern::getPatternString)
						.toList(),
					(handlerMethod, info) -> initCorsConfiguration(handlerMethod, handlerMethod.getMethod(), info));
		}

		@Override
		protected HandlerMethod createHandlerMethod(Object handler, Method method) {
			return (handler instanceof HandlerMethod handlerMethod) ? handlerMethod
					: super.createHandlerMethod(handler, method);
		}

	}

}
