package io.github.corsstarter.test.browser;

import java.util.Objects;

/**
 * One header line, as sent or received: a name and its value, unchanged.
 *
 * @param name the header's name
 * @param value the header's value
 */
public record HttpHeader(String name, String value) {

	/**
	 * Creates a header line.
	 * @param name the header's name
	 * @param value the header's value
	 */
	public HttpHeader {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(value, "value");
	}

	/**
	 * Returns whether this line has the given name, compared without regard to case.
	 * @param other the name to compare
	 * @return whether the names are equal ignoring ASCII case
	 */
	public boolean isNamed(String other) {
		return this.name.equalsIgnoreCase(other);
	}

	@Override
	public String toString() {
		return this.name + ": " + this.value;
	}

}
