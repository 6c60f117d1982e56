package io.github.corsstarter.autoconfigure;

import io.github.corsstarter.policy.CorsDecisionListener;
import io.github.corsstarter.policy.CorsPolicyHolder;
import io.github.corsstarter.reactive.CorsErrorHeadersHandler;
import io.github.corsstarter.reactive.CorsPolicyWebFilter;
import io.github.corsstarter.reactive.CorsRejectionHandler;
import io.github.corsstarter.reactive.ProblemDetailRejectionHandler;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.WebFilter;

/**
 * Auto-configuration of CORS for reactive web applications: a {@link CorsPolicyWebFilter}
 * first among the web filters and a {@link CorsErrorHeadersHandler} first among the
 * exception handlers.
 * <p>
 * It publishes no reactive {@code CorsConfigurationSource}: Spring Security's
 * {@code ServerHttpSecurity} adds its {@code CorsWebFilter} whenever one exists, and that
 * filter ends the chain on every preflight, even on paths the starter excludes or does
 * not cover.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass({ WebFilter.class, Mono.class })
@ConditionalOnBooleanProperty(name = "cors.enabled", matchIfMissing = true)
@Import(CorsPolicyConfiguration.class)
public final class CorsReactiveAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CorsRejectionHandler corsRejectionHandler() {
		return new ProblemDetailRejectionHandler();
	}

	@Bean
	@ConditionalOnMissingBean
	CorsPolicyWebFilter corsPolicyWebFilter(CorsPolicyHolder policy, CorsRejectionHandler rejectionHandler,
			ObjectProvider<CorsDecisionListener> listeners, CorsProperties properties) {
		CorsPolicyWebFilter filter = new CorsPolicyWebFilter(policy, rejectionHandler);
		filter.setDecisionListener(CorsPolicyConfiguration.decisionListener(listeners));
		Integer order = properties.getFilterOrder();
		filter.setOrder((order != null) ? order : CorsPolicyWebFilter.DEFAULT_ORDER);
		return filter;
	}

	/**
	 * Gives error responses, which WebFlux renders outside the filter chain, the
	 * starter's CORS headers.
	 */
	@Bean
	@ConditionalOnMissingBean
	CorsErrorHeadersHandler corsErrorHeadersHandler(CorsPolicyWebFilter filter) {
		return new CorsErrorHeadersHandler(filter);
	}

	/**
	 * Warns, once the application has started, about the CORS configuration it declares
	 * to WebFlux on paths the starter now decides, with the {@code cors.*} lines that
	 * keep today's behaviour.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RequestMappingHandlerMapping.class)
	static class WebFluxCorsMigrationConfiguration {

		@Bean
		SmartInitializingSingleton corsWebFluxMigration(CorsPolicyHolder policy, CorsProperties properties,
				ConfigurableEnvironment environment, ConfigurableListableBeanFactory beanFactory) {
			return SpringCorsMigration.atStartup(policy, properties, environment,
					() -> ReactiveSpringCorsDeclarations.find(beanFactory));
		}

	}

}
