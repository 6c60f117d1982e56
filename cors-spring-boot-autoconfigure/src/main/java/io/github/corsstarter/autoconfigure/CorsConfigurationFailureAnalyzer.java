package io.github.corsstarter.autoconfigure;

import io.github.corsstarter.policy.ConfigurationViolation;
import io.github.corsstarter.policy.CorsConfigurationException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Reports an invalid CORS configuration the Spring Boot way: every violation with its
 * property, value, where the value came from and why it cannot be used, then what to
 * write instead.
 */
class CorsConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<CorsConfigurationException> {

	private final @Nullable Environment environment;

	CorsConfigurationFailureAnalyzer(@Nullable Environment environment) {
		this.environment = environment;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, CorsConfigurationException cause) {
		StringBuilder description = new StringBuilder("The CORS configuration is not valid (")
			.append(cause.getViolations().size())
			.append((cause.getViolations().size() == 1) ? " problem):" : " problems):")
			.append(System.lineSeparator());
		StringBuilder action = new StringBuilder("Update your application's configuration:")
			.append(System.lineSeparator());
		for (ConfigurationViolation violation : cause.getViolations()) {
			description.append(System.lineSeparator())
				.append("    Property: ")
				.append(violation.property())
				.append(System.lineSeparator())
				.append("    Value: \"")
				.append(violation.value())
				.append('"')
				.append(System.lineSeparator());
			String origin = origin(violation.property());
			if (origin != null) {
				description.append("    Origin: ").append(origin).append(System.lineSeparator());
			}
			description.append("    Reason: ").append(violation.reason()).append(System.lineSeparator());
			action.append(System.lineSeparator())
				.append("    ")
				.append(violation.property())
				.append(": ")
				.append(violation.hint());
		}
		return new FailureAnalysis(description.toString(), action.toString(), cause);
	}

	/**
	 * Finds where a property's value came from: the indexed element, or the whole list
	 * when it was written as one comma-separated value (as CORS_ORIGINS is).
	 */
	private @Nullable String origin(String property) {
		if (this.environment == null) {
			return null;
		}
		String origin = originOf(property);
		int index = property.lastIndexOf('[');
		return (origin != null || index < 0) ? origin : originOf(property.substring(0, index));
	}

	private @Nullable String originOf(String property) {
		if (!ConfigurationPropertyName.isValid(property)) {
			return null;
		}
		ConfigurationPropertyName name = ConfigurationPropertyName.of(property);
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(this.environment)) {
			ConfigurationProperty candidate = source.getConfigurationProperty(name);
			if (candidate != null && candidate.getOrigin() != null) {
				return candidate.getOrigin().toString();
			}
		}
		return null;
	}

}
