package io.github.corsstarter.autoconfigure;

import io.github.corsstarter.policy.CorsPolicyHolder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code cors} Actuator endpoint, when Actuator is present and
 * the endpoint is exposed.
 */
@AutoConfiguration(after = { CorsServletAutoConfiguration.class, CorsReactiveAutoConfiguration.class })
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean(CorsPolicyHolder.class)
public final class CorsEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnAvailableEndpoint
	CorsEndpoint corsEndpoint(CorsPolicyHolder policy, ObjectProvider<CorsPolicyChanges> changes) {
		return new CorsEndpoint(policy, changes.getIfAvailable());
	}

}
