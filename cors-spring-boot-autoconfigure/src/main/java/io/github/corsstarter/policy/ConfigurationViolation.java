package io.github.corsstarter.policy;

/**
 * One mistake in the CORS configuration.
 *
 * @param property the property that holds the mistake, with its list index (for example
 * {@code cors.origins[1]})
 * @param value the offending value as written
 * @param reason why the value cannot be used
 * @param hint what to write instead
 */
public record ConfigurationViolation(String property, String value, String reason, String hint) {

	@Override
	public String toString() {
		return this.property + "=" + this.value + ": " + this.reason + " (" + this.hint + ")";
	}

}
