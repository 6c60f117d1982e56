package io.github.corsstarter.autoconfigure;

import java.util.List;

import io.github.corsstarter.policy.CorsDecisionListener;
import io.github.corsstarter.policy.CorsPolicy;
import io.github.corsstarter.policy.CorsPolicyHolder;
import io.github.corsstarter.policy.OriginDecider;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The policy both web stacks share, compiled from {@link CorsProperties} unless the
 * application declares its own, and the holder through which it can be replaced at run
 * time. Imported by {@link CorsServletAutoConfiguration} and
 * {@link CorsReactiveAutoConfiguration}.
 */
// A plain configuration, not an auto-configuration: it applies only where one of the two
// stacks' does.
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CorsProperties.class)
class CorsPolicyConfiguration {

	private static final Log logger = LogFactory.getLog(CorsPolicy.class);

	// The initial policy: the filters and the endpoint ask the holder, in which a
	// run-time change replaces it.
	@Bean
	@ConditionalOnMissingBean
	CorsPolicy corsPolicy(CorsProperties properties, ObjectProvider<OriginDecider> deciders) {
		if (!properties.isEnabled()) {
			// Conditions of an ahead-of-time processed application were evaluated at
			// build time.
			return CorsPolicy.passThrough();
		}
		CorsPolicy policy = CorsPolicy.compile(properties.toSettings(), decider(deciders));
		logger.info("CORS policy: " + policy);
		if (policy.allowsNoOrigin()) {
			logger.warn("No CORS origins are configured, so every cross-origin request is refused with 403."
					+ " Set cors.origins (environment variable CORS_ORIGINS) or cors.origin-patterns,"
					+ " or declare an OriginDecider bean.");
		}
		return policy;
	}

	@Bean
	@ConditionalOnMissingBean
	CorsPolicyHolder corsPolicyHolder(CorsPolicy policy, ObjectProvider<OriginDecider> deciders) {
		return new CorsPolicyHolder(policy, decider(deciders));
	}

	@Bean
	RejectionLogging corsRejectionLogging() {
		return new RejectionLogging();
	}

	/**
	 * Returns one listener that tells every listener bean, in order.
	 */
	static CorsDecisionListener decisionListener(ObjectProvider<CorsDecisionListener> listeners) {
		CorsDecisionListener[] all = listeners.orderedStream().toArray(CorsDecisionListener[]::new);
		if (all.length == 1) {
			return all[0];
		}
		return (request, decision) -> {
			for (CorsDecisionListener listener : all) {
				listener.onDecision(request, decision);
			}
		};
	}

	/**
	 * Returns one decider that allows what any decider bean allows, or {@code null} when
	 * there is none.
	 */
	private static @Nullable OriginDecider decider(ObjectProvider<OriginDecider> deciders) {
		List<OriginDecider> all = deciders.orderedStream().toList();
		if (all.size() <= 1) {
			return all.isEmpty() ? null : all.get(0);
		}
		OriginDecider[] array = all.toArray(OriginDecider[]::new);
		return (origin) -> {
			for (OriginDecider decider : array) {
				if (decider.isAllowed(origin)) {
					return true;
				}
			}
			return false;
		};
	}

}
