package io.github.corsstarter.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Merges {@code Vary} tokens into the values a response already has: nothing is replaced,
 * nothing repeated (a token the response has twice, as when an application added
 * {@code Origin} again, is kept once), and {@code Vary: *} is left alone since it already
 * varies on everything (RFC 9110 section 12.5.5).
 */
final class VaryHeader {

	private VaryHeader() {
	}

	/**
	 * Returns the single {@code Vary} value that holds the existing tokens, each once,
	 * followed by the missing ones.
	 * @param existing the values the response has, possibly several lines, each possibly
	 * a list
	 * @param tokens the tokens to add
	 * @return the merged value, or {@code null} when nothing needs to change
	 */
	static @Nullable String merge(Collection<String> existing, String[] tokens) {
		List<String> present = new ArrayList<>();
		List<String> lowercase = new ArrayList<>();
		boolean repeated = false;
		for (String line : existing) {
			for (String token : line.split(",")) {
				String trimmed = token.strip();
				if (trimmed.equals("*")) {
					return null;
				}
				if (trimmed.isEmpty()) {
					continue;
				}
				String key = trimmed.toLowerCase(Locale.ROOT);
				if (lowercase.contains(key)) {
					repeated = true;
				}
				else {
					present.add(trimmed);
					lowercase.add(key);
				}
			}
		}
		List<String> merged = new ArrayList<>(present);
		for (String token : tokens) {
			if (!lowercase.contains(token.toLowerCase(Locale.ROOT))) {
				merged.add(token);
			}
		}
		if (merged.size() == present.size() && existing.size() == 1 && !repeated) {
			return null;
		}
		return String.join(", ", merged);
	}

}
