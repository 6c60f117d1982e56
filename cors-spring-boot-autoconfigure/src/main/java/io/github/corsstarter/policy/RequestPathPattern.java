package io.github.corsstarter.policy;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A path pattern in the syntax Spring applications already use for request mappings: segments separated by
 * {@code /}, where {@code *} matches any characters within a segment, {@code ?} one character, {@code {name}} a
 * whole segment, and a {@code **} segment zero or more segments. Matching reads the path in place.
 */
final class RequestPathPattern {

	private static final String ANY_SEGMENTS = "**";

	private final String pattern;

	private final String[] segments;

	private RequestPathPattern(String pattern, String[] segments) {
		this.pattern = pattern;
		this.segments = segments;
	}

	/**
	 * Parses a pattern.
	 * @param pattern the pattern, such as {@code /api/**}
	 * @return the pattern, or {@code null} when it is not valid (see {@link #problem(String)})
	 */
	static @Nullable RequestPathPattern parse(String pattern) {
		if (problem(pattern) != null) {
			return null;
		}
		List<String> segments = new ArrayList<>();
		int start = 1;
		for (int i = 1; i <= pattern.length(); i++) {
			if (i == pattern.length() || pattern.charAt(i) == '/') {
				String segment = pattern.substring(start, i);
				segments.add(isVariable(segment) ? "*" : segment);
				start = i + 1;
			}
		}
		return new RequestPathPattern(pattern, segments.toArray(String[]::new));
	}

	/**
	 * Says what is wrong with a pattern.
	 * @param pattern the pattern
	 * @return the reason it is not valid, or {@code null} when it is
	 */
	static @Nullable String problem(String pattern) {
		if (!pattern.startsWith("/")) {
			return "a path pattern starts with '/'";
		}
		for (int i = 0; i < pattern.length(); i++) {
			char c = pattern.charAt(i);
			if (c <= ' ' || c >= 0x7f || c == '#') {
				return "a path pattern has no white space, control, non-ASCII or '#' characters";
			}
		}
		for (String segment : pattern.substring(1).split("/", -1)) {
			if (segment.contains(ANY_SEGMENTS) && !segment.equals(ANY_SEGMENTS)) {
				return "'**' stands alone as a whole segment";
			}
			if ((segment.contains("{") || segment.contains("}")) && !isVariable(segment)) {
				return "a '{name}' variable stands alone as a whole segment";
			}
		}
		return null;
	}

	private static boolean isVariable(String segment) {
		return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}")
				&& segment.indexOf('{', 1) < 0 && segment.indexOf('}') == segment.length() - 1;
	}

	/**
	 * Returns whether a request path matches.
	 * @param path the path within the application, starting with {@code /}
	 * @return whether it matches
	 */
	boolean matches(String path) {
		if (path.isEmpty() || path.charAt(0) != '/') {
			return false;
		}
		return matchFrom(0, path, 1);
	}

	/**
	 * Matches the pattern's segments from {@code segmentIndex} against the path from {@code position}, which is the
	 * start of a path segment.
	 */
	private boolean matchFrom(int segmentIndex, String path, int position) {
		int length = path.length();
		for (int s = segmentIndex; s < this.segments.length; s++) {
			String segment = this.segments[s];
			if (segment.equals(ANY_SEGMENTS)) {
				if (s == this.segments.length - 1) {
					return true;
				}
				// Try the rest of the pattern at every later segment start.
				int next = position;
				while (true) {
					if (matchFrom(s + 1, path, next)) {
						return true;
					}
					int slash = path.indexOf('/', next);
					if (slash < 0) {
						return false;
					}
					next = slash + 1;
				}
			}
			if (position > length) {
				return false;
			}
			int end = path.indexOf('/', position);
			if (end < 0) {
				end = length;
			}
			if (!segmentMatches(segment, path, position, end)) {
				return false;
			}
			position = end + 1;
		}
		return position == length + 1;
	}

	/**
	 * Matches one segment with {@code *} and {@code ?} wildcards, by the usual greedy walk that backtracks to the
	 * last star.
	 */
	private static boolean segmentMatches(String segment, String path, int from, int to) {
		int p = 0;
		int t = from;
		int star = -1;
		int starText = 0;
		while (t < to) {
			if (p < segment.length() && (segment.charAt(p) == '?' || segment.charAt(p) == path.charAt(t))
					&& segment.charAt(p) != '*') {
				p++;
				t++;
			}
			else if (p < segment.length() && segment.charAt(p) == '*') {
				star = p++;
				starText = t;
			}
			else if (star >= 0) {
				p = star + 1;
				t = ++starText;
			}
			else {
				return false;
			}
		}
		while (p < segment.length() && segment.charAt(p) == '*') {
			p++;
		}
		return p == segment.length();
	}

	@Override
	public String toString() {
		return this.pattern;
	}

}
