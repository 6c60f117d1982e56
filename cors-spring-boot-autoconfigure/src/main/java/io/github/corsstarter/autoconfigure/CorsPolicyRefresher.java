package io.github.corsstarter.autoconfigure;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.corsstarter.policy.ConfigurationViolation;
import io.github.corsstarter.policy.CorsConfigurationException;
import io.github.corsstarter.policy.CorsPolicy;
import io.github.corsstarter.policy.CorsPolicyHolder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Applies changes to the {@code cors.*} properties while the application runs. On Spring
 * Cloud's {@link EnvironmentChangeEvent} naming a {@code cors} key
 * ({@code /actuator/refresh}, Config Server with Bus, a Kubernetes ConfigMap reload), it
 * binds {@code cors.*} afresh from the environment, so that a removed key takes its
 * default again, compiles it with the {@code OriginDecider} beans of startup and swaps
 * the policy in through the {@link CorsPolicyHolder}. A change that cannot be bound or
 * compiled leaves the policy in force, is logged at ERROR and is kept in
 * {@link CorsPolicyChanges} for the Actuator endpoint.
 */
final class CorsPolicyRefresher implements ApplicationListener<EnvironmentChangeEvent>, Ordered {

	/**
	 * Ahead of Spring Cloud's {@code ConfigurationPropertiesRebinder}, which has no
	 * order: when {@code cors.*} cannot be bound, its rebinding of {@link CorsProperties}
	 * throws, and no listener after it is told of the change.
	 */
	static final int ORDER = 0;

	// The logger of the startup summary, so that one logging category tells the policy's
	// whole story.
	private static final Log logger = LogFactory.getLog(CorsPolicy.class);

	private final Environment environment;

	private final CorsPolicyHolder holder;

	private final CorsPolicyChanges changes;

	private final boolean policyFromProperties;

	private final boolean enabled;

	private final @Nullable Integer filterOrder;

	private final AtomicBoolean toldOfOwnPolicy = new AtomicBoolean();

	/**
	 * Creates a refresher.
	 * @param environment the environment to bind {@code cors.*} from
	 * @param holder the holder of the policy in force
	 * @param changes where applied and rejected changes are kept
	 * @param startup the properties bound at startup, for the settings that only a
	 * restart applies
	 * @param policyFromProperties whether the policy in force was compiled from the
	 * properties, rather than declared by the application, which then owns it
	 */
	CorsPolicyRefresher(Environment environment, CorsPolicyHolder holder, CorsPolicyChanges changes,
			CorsProperties startup, boolean policyFromProperties) {
		this.environment = environment;
		this.holder = holder;
		this.changes = changes;
		this.policyFromProperties = policyFromProperties;
		this.enabled = startup.isEnabled();
		this.filterOrder = startup.getFilterOrder();
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public synchronized void onApplicationEvent(EnvironmentChangeEvent event) {
		Set<String> keys = corsKeys(event.getKeys());
		if (keys.isEmpty()) {
			return;
		}
		if (!this.policyFromProperties) {
			if (this.toldOfOwnPolicy.compareAndSet(false, true)) {
				logger.warn("cors.* changed (" + keys + ") but the change is not applied: the application declares its"
						+ " own CorsPolicy, which the starter never replaces (said once). To follow cors.*, bind it afresh and"
						+ " call CorsPolicyHolder.replace(properties.toSettings()).");
			}
			return;
		}
		CorsProperties properties;
		try {
			properties = Binder.get(this.environment).bindOrCreate("cors", CorsProperties.class);
		}
		catch (BindException ex) {
			reject(keys, new CorsConfigurationException(List.of(violation(ex))));
			return;
		}
		warnOfSettingsThatTakeARestart(properties);
		CorsPolicy policy;
		try {
			policy = this.holder.replace(properties.toSettings());
		}
		catch (CorsConfigurationException ex) {
			reject(keys, ex);
			return;
		}
		this.changes.applied(new CorsPolicyChanges.Applied(Instant.now(), keys, policy.toString()));
		logger.info("CORS policy changed (" + keys + "): " + policy);
		if (policy.allowsNoOrigin()) {
			logger.warn("No CORS origins are configured any more, so every cross-origin request is refused with 403.");
		}
	}

	private void reject(Set<String> keys, CorsConfigurationException ex) {
		this.changes.rejected(new CorsPolicyChanges.Rejected(Instant.now(), keys, ex.getViolations()));
		logger.error("CORS configuration change " + keys + " rejected, the policy in force stays. " + ex.getMessage());
	}

	private void warnOfSettingsThatTakeARestart(CorsProperties properties) {
		if (properties.isEnabled() != this.enabled) {
			logger.warn("cors.enabled is now " + properties.isEnabled() + " but stays " + this.enabled
					+ " until the application restarts: filters are registered at startup."
					+ " The other cors.* changes are applied.");
		}
		if (!Objects.equals(properties.getFilterOrder(), this.filterOrder)) {
			logger.warn("cors.filter-order is now " + properties.getFilterOrder() + " but stays " + this.filterOrder
					+ " until the application restarts: filters are ordered at startup."
					+ " The other cors.* changes are applied.");
		}
	}

	private static ConfigurationViolation violation(BindException ex) {
		ConfigurationProperty property = ex.getProperty();
		String value = (property != null) ? String.valueOf(property.getValue()) : "";
		if (CorsMaxAgeFailureAnalyzer.isMaxAge(ex.getName())) {
			return new ConfigurationViolation(ex.getName().toString(), value, "is not a duration",
					"write a duration such as 30m, 24h, 3600 or PT1H; a number alone is seconds");
		}
		return new ConfigurationViolation(ex.getName().toString(), value,
				"cannot be bound: " + NestedExceptionUtils.getMostSpecificCause(ex).getMessage(),
				"write a value of the property's type");
	}

	/**
	 * Returns the keys that belong to {@code cors.*}, in any of the forms property
	 * sources use: dotted ({@code cors.origins}), indexed ({@code cors.origins[0]}) or an
	 * environment variable ({@code CORS_ORIGINS}).
	 */
	private static Set<String> corsKeys(Set<String> keys) {
		Set<String> corsKeys = new TreeSet<>();
		for (String key : keys) {
			String name = key.toLowerCase(Locale.ROOT);
			if (name.equals("cors") || name.startsWith("cors.") || name.startsWith("cors_")
					|| name.startsWith("cors[")) {
				corsKeys.add(key);
			}
		}
		return corsKeys;
	}

}
