package io.github.corsstarter.doctor;

import java.util.Locale;

/**
 * How much a finding matters.
 */
enum Severity {

	/**
	 * The browser blocks the request, or another site can read what it should not.
	 */
	HIGH,

	/**
	 * It works here, but breaks elsewhere: another browser, a cache, another origin.
	 */
	MEDIUM,

	/**
	 * Costs something, breaks nothing.
	 */
	LOW,

	/**
	 * Worth knowing.
	 */
	INFO;

	String label() {
		return name().toLowerCase(Locale.ROOT);
	}

}
