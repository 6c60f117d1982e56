package io.github.corsstarter.autoconfigure;

import io.github.corsstarter.policy.CorsPolicy;
import io.github.corsstarter.policy.CorsPolicyHolder;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of live reconfiguration, when Spring Cloud's
 * {@code spring-cloud-context} is present: a change to {@code cors.*} in the environment
 * replaces the policy in force, unless the application declares its own
 * {@link CorsPolicy}.
 */
@AutoConfiguration(after = { CorsServletAutoConfiguration.class, CorsReactiveAutoConfiguration.class })
@ConditionalOnClass(EnvironmentChangeEvent.class)
@ConditionalOnBean(CorsPolicyHolder.class)
public final class CorsRefreshAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CorsPolicyChanges corsPolicyChanges() {
		return new CorsPolicyChanges();
	}

	@Bean
	@ConditionalOnMissingBean
	CorsPolicyRefresher corsPolicyRefresher(Environment environment, CorsPolicyHolder holder, CorsPolicy policy,
			CorsProperties properties, CorsPolicyChanges changes, ConfigurableListableBeanFactory beanFactory) {
		boolean fromProperties = compiledFromProperties(beanFactory) && holder.get() == policy;
		return new CorsPolicyRefresher(environment, holder, changes, properties, fromProperties);
	}

	/**
	 * Whether the only {@link CorsPolicy} bean is the one {@link CorsPolicyConfiguration}
	 * compiles from the properties. Both it and an application's policy are plain
	 * {@code CorsPolicy} beans: only their definitions tell them apart.
	 */
	private static boolean compiledFromProperties(ConfigurableListableBeanFactory beanFactory) {
		String[] names = beanFactory.getBeanNamesForType(CorsPolicy.class, true, false);
		if (names.length != 1 || !beanFactory.containsBeanDefinition(names[0])) {
			return false;
		}
		BeanDefinition definition = beanFactory.getMergedBeanDefinition(names[0]);
		String factoryBean = definition.getFactoryBeanName();
		return factoryBean != null && "corsPolicy".equals(definition.getFactoryMethodName())
				&& beanFactory.getType(factoryBean) == CorsPolicyConfiguration.class;
	}

}
