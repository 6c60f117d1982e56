package io.github.corsstarter.autoconfigure;

import io.github.corsstarter.policy.CorsDecisionListener;
import io.github.corsstarter.policy.CorsPolicyHolder;
import io.github.corsstarter.reactive.CorsErrorHeadersHandler;
import io.github.corsstarter.reactive.CorsPolicyWebFilter;
import io.github.corsstarter.reactive.CorsRejectionHandler;
import io.github.corsstarter.reactive.ProblemDetailRejectionHandler;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.server.WebFilter;

/**
 * Auto-configuration of CORS for reactive web applications: a {@link CorsPolicyWebFilter} first among the web
 * filters, a {@link CorsErrorHeadersHandler} first among the exception handlers, and the same policy as Spring's
 * reactive {@link CorsConfigurationSource} for Spring Security.
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
	 * Gives error responses, which WebFlux renders outside the filter chain, the starter's CORS headers.
	 */
	@Bean
	@ConditionalOnMissingBean
	CorsErrorHeadersHandler corsErrorHeadersHandler(CorsPolicyWebFilter filter) {
		return new CorsErrorHeadersHandler(filter);
	}

	/**
	 * Publishes the policy to Spring's reactive CORS processors; Spring Security's {@code cors()} looks it up by
	 * type.
	 */
	@Bean
	@ConditionalOnMissingBean
	CorsConfigurationSource corsConfigurationSource(CorsPolicyHolder policy) {
		return new ReactivePolicyCorsConfigurationSource(new SpringCorsConfigurations(policy));
	}

}
