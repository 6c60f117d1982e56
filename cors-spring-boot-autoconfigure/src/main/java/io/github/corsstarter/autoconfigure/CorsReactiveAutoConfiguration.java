package io.github.corsstarter.autoconfigure;

import io.github.corsstarter.policy.CorsPolicy;
import io.github.corsstarter.reactive.CorsPolicyWebFilter;
import io.github.corsstarter.reactive.CorsRejectionHandler;
import io.github.corsstarter.reactive.ProblemDetailRejectionHandler;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.server.WebFilter;

/**
 * Auto-configuration of CORS for reactive web applications: a {@link CorsPolicyWebFilter} first among the web
 * filters.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass({ WebFilter.class, reactor.core.publisher.Mono.class })
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
	CorsPolicyWebFilter corsPolicyWebFilter(CorsPolicy policy, CorsRejectionHandler rejectionHandler,
			CorsProperties properties) {
		CorsPolicyWebFilter filter = new CorsPolicyWebFilter(policy, rejectionHandler);
		Integer order = properties.getFilterOrder();
		filter.setOrder((order != null) ? order : CorsPolicyWebFilter.DEFAULT_ORDER);
		return filter;
	}

}
