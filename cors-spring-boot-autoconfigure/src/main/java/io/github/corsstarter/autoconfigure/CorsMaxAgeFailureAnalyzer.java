package io.github.corsstarter.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Reports a {@code cors.max-age} (or a mapping's) that is not a duration, with the forms
 * the binder accepts; Spring Boot's own analysis of the failure only says the conversion
 * failed. Other binding failures are left to it.
 */
class CorsMaxAgeFailureAnalyzer extends AbstractFailureAnalyzer<BindException> implements Ordered {

	private static final ConfigurationPropertyName MAX_AGE = ConfigurationPropertyName.of("cors.max-age");

	private static final ConfigurationPropertyName MAPPINGS = ConfigurationPropertyName.of("cors.mappings");

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
		ConfigurationProperty property = cause.getProperty();
		if (property == null || !isMaxAge(cause.getName())) {
			return null;
		}
		String nl = System.lineSeparator();
		StringBuilder description = new StringBuilder("The CORS max-age is not a duration:").append(nl)
			.append(nl)
			.append("    Property: ")
			.append(cause.getName())
			.append(nl)
			.append("    Value: \"")
			.append(property.getValue())
			.append('"')
			.append(nl);
		if (property.getOrigin() != null) {
			description.append("    Origin: ").append(property.getOrigin()).append(nl);
		}
		description.append("    Reason: \"")
			.append(property.getValue())
			.append("\" is not in a form the duration binder accepts")
			.append(nl);
		String action = "Update your application's configuration: write " + cause.getName()
				+ " as a duration in one of these forms:" + nl
				+ "    30m or 24h (a number and a unit: ms, s, m, h or d)" + nl
				+ "    3600 (a number alone means seconds)" + nl + "    PT1H (ISO-8601)";
		return new FailureAnalysis(description.toString(), action, cause);
	}

	/**
	 * Boot's analyzer of binding failures has the lowest precedence: this one runs before
	 * it.
	 */
	@Override
	public int getOrder() {
		return 0;
	}

	/**
	 * Whether the name is {@code cors.max-age} or a mapping's {@code max-age}.
	 */
	static boolean isMaxAge(ConfigurationPropertyName name) {
		return name.equals(MAX_AGE) || (name.getNumberOfElements() == 4 && MAPPINGS.isAncestorOf(name)
				&& name.getLastElement(Form.DASHED).equals("max-age"));
	}

}
