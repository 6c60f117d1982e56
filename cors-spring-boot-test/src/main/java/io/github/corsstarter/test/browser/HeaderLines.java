package io.github.corsstarter.test.browser;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Reads header lists as a browser's network stack does: lines of the same name are one
 * header whose value is theirs joined with {@code ", "}.
 */
final class HeaderLines {

	private HeaderLines() {
	}

	/**
	 * Returns the values of the lines with the given name, in order.
	 * @param headers the header lines
	 * @param name the name, in any case
	 * @return the values, empty when there is no such line
	 */
	static List<String> values(List<HttpHeader> headers, String name) {
		List<String> values = new ArrayList<>();
		for (HttpHeader header : headers) {
			if (header.isNamed(name)) {
				values.add(FetchRules.normalizeValue(header.value()));
			}
		}
		return values;
	}

	/**
	 * Returns the value of the header with the given name, its lines joined with
	 * {@code ", "}, each without the spaces and tabs around it (which HTTP parsing
	 * drops).
	 * @param headers the header lines
	 * @param name the name, in any case
	 * @return the combined value, or {@code null} when there is no such line
	 */
	static @Nullable String combined(List<HttpHeader> headers, String name) {
		List<String> values = values(headers, name);
		return values.isEmpty() ? null : String.join(", ", values);
	}

}
