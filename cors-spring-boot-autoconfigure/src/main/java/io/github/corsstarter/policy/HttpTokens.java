package io.github.corsstarter.policy;

/**
 * The {@code token} rule of RFC 9110 section 5.6.2, which method and header names follow.
 */
final class HttpTokens {

	private HttpTokens() {
	}

	static boolean isToken(String s) {
		return !s.isEmpty() && isToken(s, 0, s.length());
	}

	static boolean isToken(String s, int from, int to) {
		for (int i = from; i < to; i++) {
			if (!isTokenChar(s.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	static boolean isTokenChar(char c) {
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
			return true;
		}
		return switch (c) {
			case '!', '#', '$', '%', '&', '\'', '*', '+', '-', '.', '^', '_', '`', '|', '~' -> true;
			default -> false;
		};
	}

	/**
	 * Returns whether a character is optional white space (RFC 9110 section 5.6.3).
	 */
	static boolean isOptionalWhitespace(char c) {
		return c == ' ' || c == '\t';
	}

}
