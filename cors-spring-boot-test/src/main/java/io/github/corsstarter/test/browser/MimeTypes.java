package io.github.corsstarter.test.browser;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Parses the essence ({@code type/subtype}, lowercase) of a MIME type, as the Fetch
 * standard does before it compares a {@code Content-Type} with the safelisted types.
 */
final class MimeTypes {

	private MimeTypes() {
	}

	/**
	 * Returns the essence of a MIME type, without its parameters.
	 * @param value the header value
	 * @return the lowercase {@code type/subtype}, or {@code null} when the value is not a
	 * MIME type
	 */
	static @Nullable String essence(String value) {
		String trimmed = FetchRules.normalizeValue(value);
		int slash = trimmed.indexOf('/');
		if (slash <= 0) {
			return null;
		}
		String type = trimmed.substring(0, slash);
		int semicolon = trimmed.indexOf(';', slash);
		String subtype = (semicolon < 0) ? trimmed.substring(slash + 1) : trimmed.substring(slash + 1, semicolon);
		subtype = FetchRules.normalizeValue(subtype);
		if (!FetchRules.isToken(type) || !FetchRules.isToken(subtype)) {
			return null;
		}
		return (type + "/" + subtype).toLowerCase(Locale.ROOT);
	}

}
