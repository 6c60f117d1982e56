package io.github.corsstarter.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Merges {@code Vary} tokens into the values a response already has: nothing is replaced, nothing repeated, and
 * {@code Vary: *} is left alone since it already varies on everything (RFC 9110 section 12.5.5).
 */
final class VaryHeader {

	private VaryHeader() {
	}

	/**
	 * Returns the single {@code Vary} value that holds the existing tokens followed by the missing ones.
	 * @param existing the values the response has, possibly several lines, each possibly a list
	 * @param tokens the tokens to add
	 * @return the merged value, or {@code null} when nothing needs to change
	 */
	static @Nullable String merge(Collection<String> existing, String[] tokens) {
		List<String> present = new ArrayList<>();
		for (String line : existing) {
			for (String token : line.split(",")) {
				String trimmed = token.strip();
				if (trimmed.equals("*")) {
					return null;
				}
				if (!trimmed.isEmpty()) {
					present.add(trimmed);
				}
			}
		}
		List<String> lowercase = present.stream().map((token) -> token.toLowerCase(Locale.ROOT)).toList();
		List<String> merged = new ArrayList<>(present);
		for (String token : tokens) {
			if (!lowercase.contains(token.toLowerCase(Locale.ROOT))) {
				merged.add(token);
			}
		}
		if (merged.size() == present.size() && existing.size() == 1) {
			return null;
		}
		return String.join(", ", merged);
	}

}
