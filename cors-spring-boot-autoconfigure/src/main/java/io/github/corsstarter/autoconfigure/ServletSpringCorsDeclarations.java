package io.github.corsstarter.autoconfigure;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.EmbeddedValueResolver;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Finds the CORS configuration a Spring MVC application declares to Spring:
 * {@code @CrossOrigin} on handlers, {@code WebMvcConfigurer#addCorsMappings} (as the
 * handler mappings hold it), and {@code CorsConfigurationSource}, {@code CorsFilter} and
 * {@code FilterRegistrationBean<CorsFilter>} beans.
 */
final class ServletSpringCorsDeclarations {

	private ServletSpringCorsDeclarations() {
	}

	static List<SpringCorsDeclaration> find(ConfigurableListableBeanFactory beanFactory) {
		List<SpringCorsDeclaration> declarations = new ArrayList<>();
		Collection<AbstractHandlerMapping> handlerMappings = beanFactory
			.getBeansOfType(AbstractHandlerMapping.class, false, false)
			.values();
		CrossOriginReader reader = new CrossOriginReader();
		reader.setEmbeddedValueResolver(new EmbeddedValueResolver(beanFactory));
		for (AbstractHandlerMapping mapping : handlerMappings) {
			if (mapping instanceof RequestMappingHandlerMapping requestMappings) {
				declarations.addAll(reader.read(requestMappings));
			}
		}
		Set<CorsConfigurationSource> globalSources = Collections.newSetFromMap(new IdentityHashMap<>());
		Map<String, CorsConfiguration> global = new LinkedHashMap<>();
		for (AbstractHandlerMapping mapping : handlerMappings) {
			CorsConfigurationSource source = mapping.getCorsConfigurationSource();
			if (source instanceof UrlBasedCorsConfigurationSource urlBased && globalSources.add(source)) {
				urlBased.getCorsConfigurations().forEach(global::putIfAbsent);
			}
		}
		if (!global.isEmpty()) {
			declarations.add(new SpringCorsDeclaration("addCorsMappings (Spring MVC's global CORS configuration)", null,
					global));
		}
		beanFactory.getBeansOfType(CorsConfigurationSource.class, false, false).forEach((name, source) -> {
			if (!(source instanceof HandlerMappingIntrospector) && !globalSources.contains(source)) {
				Map<String, CorsConfiguration> byPattern = (source instanceof UrlBasedCorsConfigurationSource urlBased)
						? urlBased.getCorsConfigurations() : null;
				declarations.add(new SpringCorsDeclaration("the CorsConfigurationSource bean '" + name + "'",
						SpringCorsDeclaration.nameOf(name), byPattern));
			}
		});
		beanFactory.getBeansOfType(CorsFilter.class, false, false)
			.keySet()
			.forEach((name) -> declarations.add(new SpringCorsDeclaration("the CorsFilter bean '" + name + "'",
					SpringCorsDeclaration.nameOf(name), null)));
		beanFactory.getBeansOfType(FilterRegistrationBean.class, false, false).forEach((name, registration) -> {
			if (registration.getFilter() instanceof CorsFilter) {
				declarations.add(new SpringCorsDeclaration("the CorsFilter registered by the bean '" + name + "'",
						SpringCorsDeclaration.nameOf(name), null));
			}
		});
		return declarations;
	}

	/**
	 * Computes a handler's {@code @CrossOrigin} configuration as Spring MVC does
	 * (placeholders resolved, defaults applied, methods taken from the mapping when the
	 * annotation names none), without registering anything.
	 */
	private static final class CrossOriginReader extends RequestMappingHandlerMapping {

		List<SpringCorsDeclaration> read(RequestMappingHandlerMapping mapping) {
			return SpringCorsDeclaration.crossOrigin(mapping.getHandlerMethods(), (info) -> info.getPatternValues(),
					(handlerMethod, info) -> initCorsConfiguration(handlerMethod, handlerMethod.getMethod(), info));
		}

		@Override
		protected HandlerMethod createHandlerMethod(Object handler, Method method) {
			return (handler instanceof HandlerMethod handlerMethod) ? handlerMethod
					: super.createHandlerMethod(handler, method);
		}

	}

}
