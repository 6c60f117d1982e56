package io.github.corsstarter.autoconfigure;

import io.github.corsstarter.policy.CorsDecisionListener;
import io.github.corsstarter.policy.CorsPolicyHolder;
import io.github.corsstarter.servlet.CorsPolicyFilter;
import io.github.corsstarter.servlet.CorsRejectionHandler;
import io.github.corsstarter.servlet.ProblemDetailRejectionHandler;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingFilterBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Auto-configuration of CORS for servlet web applications: a {@link CorsPolicyFilter}
 * registered at the top of the filter chain, for request, async and error dispatches.
 * <p>
 * It publishes no {@code CorsConfigurationSource}: Spring Security turns its own
 * {@code CorsFilter} on when one exists, and that filter ends the chain on every
 * preflight, even on paths the starter excludes or does not cover. The starter's filter
 * has decided covered paths before Security runs; the others are left exactly as they
 * were.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ Filter.class, FilterRegistrationBean.class })
@ConditionalOnBooleanProperty(name = "cors.enabled", matchIfMissing = true)
@Import(CorsPolicyConfiguration.class)
public final class CorsServletAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CorsRejectionHandler corsRejectionHandler() {
		return new ProblemDetailRejectionHandler();
	}

	/**
	 * Registers the filter. Its bean name is not {@code corsFilter}: Spring Security
	 * looks a bean of that name up as a {@code CorsFilter} of its own.
	 */
	@Bean
	@ConditionalOnMissingFilterBean(CorsPolicyFilter.class)
	FilterRegistrationBean<CorsPolicyFilter> corsPolicyFilterRegistration(CorsPolicyHolder policy,
			CorsRejectionHandler rejectionHandler, ObjectProvider<CorsDecisionListener> listeners,
			CorsProperties properties) {
		CorsPolicyFilter filter = new CorsPolicyFilter(policy, rejectionHandler);
		filter.setDecisionListener(CorsPolicyConfiguration.decisionListener(listeners));
		FilterRegistrationBean<CorsPolicyFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setName("corsPolicyFilter");
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
		registration.setAsyncSupported(true);
		Integer order = properties.getFilterOrder();
		registration.setOrder((order != null) ? order : CorsPolicyFilter.DEFAULT_ORDER);
		registration.setEnabled(properties.isEnabled());
		return registration;
	}

	/**
	 * Warns, once the application has started, about the CORS configuration it declares
	 * to Spring MVC on paths the starter now decides, with the {@code cors.*} lines that
	 * keep today's behaviour.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RequestMappingHandlerMapping.class)
	static class SpringMvcCorsMigrationConfiguration {

		@Bean
		SmartInitializingSingleton corsSpringMvcMigration(CorsPolicyHolder policy, CorsProperties properties,
				ConfigurableEnvironment environment, ConfigurableListableBeanFactory beanFactory) {
			return SpringCorsMigration.atStartup(policy, properties, environment,
					() -> ServletSpringCorsDeclarations.find(beanFactory));
		}

	}

}
