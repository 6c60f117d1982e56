package io.github.corsstarter.policy;

import java.util.List;

/**
 * Thrown when CORS settings cannot be compiled into a policy. It carries every violation
 * found, not just the first, so that one restart is enough to see all that needs fixing.
 */
public class CorsConfigurationException extends IllegalArgumentException {

	private final List<ConfigurationViolation> violations;

	/**
	 * Creates an exception for the given violations.
	 * @param violations every violation found, at least one
	 */
	public CorsConfigurationException(List<ConfigurationViolation> violations) {
		super(message(violations));
		this.violations = List.copyOf(violations);
	}

	/**
	 * Returns every violation found, in the order of the properties.
	 * @return the violations
	 */
	public List<ConfigurationViolation> getViolations() {
		return this.violations;
	}

	private static String message(List<ConfigurationViolation> violations) {
		StringBuilder message = new StringBuilder("Invalid CORS configuration (").append(violations.size())
			.append((violations.size() == 1) ? " violation):" : " violations):");
		for (ConfigurationViolation violation : violations) {
			message.append(System.lineSeparator()).append(" - ").append(violation);
		}
		return message.toString();
	}

}
