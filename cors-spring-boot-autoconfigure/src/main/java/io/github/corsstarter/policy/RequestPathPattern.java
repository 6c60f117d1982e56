package io.github.corsstarter.policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A path pattern in the syntax of Spring's {@code PathPattern}, the one applications
 * already write in request mappings, matched against the path the application routes (see
 * {@link RoutedPath}).
 * <p>
 * Segments are separated by {@code /}. Within a segment {@code ?} matches one character
 * and {@code *} or {@code {name}} any characters; a whole-segment {@code *} or
 * {@code {name}} matches one segment. {@code **} or {@code {*name}} matches any number of
 * segments, as the last segment of the pattern ({@code /api/**}) or as the first one,
 * followed by more ({@code /**}{@code /*.css}). A pattern matches exactly the paths
 * Spring's {@code PathPattern} matches, as parsed by a default {@code PathPatternParser};
 * the tests hold the two side by side.
 * <p>
 * The engine does not use Spring's class because matching it needs the path parsed into a
 * {@code PathContainer}, which allocates two objects per segment and decodes each one on
 * every request; this class reads the routed path in place and allocates nothing. It also
 * accepts a part of Spring's syntax only, the part whose matching time is linear in the
 * length of the path: regular expressions ({@code {name:[a-z]+}}) are refused, and so is
 * what can never match a routed path (empty segments, {@code ;}, {@code %}).
 */
final class RequestPathPattern {

	private static final String ANY_SEGMENTS = "**";

	private final String pattern;

	/** Each segment's matcher, the multi-segment one left out. */
	private final Segment[] segments;

	/**
	 * Whether {@code **} or {@code {*name}} comes first: the rest of the pattern then
	 * matches the path's end.
	 */
	private final boolean leadingAnySegments;

	/**
	 * Whether {@code **} or {@code {*name}} comes last: the path then only has to start
	 * as the pattern does.
	 */
	private final boolean trailingAnySegments;

	/** Whether the pattern ends with {@code /}, as in {@code /api/}. */
	private final boolean trailingSlash;

	private RequestPathPattern(String pattern, Segment[] segments, boolean leadingAnySegments,
			boolean trailingAnySegments, boolean trailingSlash) {
		this.pattern = pattern;
		this.segments = segments;
		this.leadingAnySegments = leadingAnySegments;
		this.trailingAnySegments = trailingAnySegments;
		this.trailingSlash = trailingSlash;
	}

	/**
	 * Parses a pattern.
	 * @param pattern the pattern, such as {@code /api/**}
	 * @return the pattern
	 * @throws IllegalArgumentException with the reason when the pattern is not valid (see
	 * {@link #problem(String)})
	 */
	static RequestPathPattern parse(String pattern) {
		String problem = problem(pattern);
		if (problem != null) {
			throw new IllegalArgumentException("Invalid path pattern '" + pattern + "': " + problem);
		}
		List<String> parts = parts(pattern);
		boolean trailingSlash = !parts.isEmpty() && parts.get(parts.size() - 1).isEmpty();
		if (trailingSlash) {
			parts.remove(parts.size() - 1);
		}
		boolean leading = parts.size() > 1 && isAnySegments(parts.get(0));
		boolean trailing = !parts.isEmpty() && isAnySegments(parts.get(parts.size() - 1));
		List<Segment> segments = new ArrayList<>();
		for (String part : parts) {
			if (!isAnySegments(part)) {
				segments.add(Segment.of(part));
			}
		}
		return new RequestPathPattern(pattern, segments.toArray(Segment[]::new), leading, trailing, trailingSlash);
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
			if (c <= ' ' || c >= 0x7f || c == '#' || c == '\\') {
				return "a path pattern has no white space, control, non-ASCII, '#' or '\\' characters";
			}
			if (c == ';' || c == '%') {
				return "patterns match the decoded path without ;parameters, which never holds '" + c + "'";
			}
		}
		List<String> parts = parts(pattern);
		int anySegments = 0;
		Set<String> variables = new HashSet<>();
		for (int i = 0; i < parts.size(); i++) {
			String part = parts.get(i);
			boolean last = i == parts.size() - 1;
			if (part.isEmpty()) {
				if (!last) {
					return "a path pattern has no empty segment ('//'), since the paths it matches have none";
				}
				continue;
			}
			if (isAnySegments(part)) {
				anySegments++;
				if (i > 0 && !last) {
					return "'" + part + "' stands first or last, as in /api/** or /**/*.css";
				}
				if (i == 0 && parts.size() == 2 && parts.get(1).isEmpty()) {
					return "'" + part + "' is not followed by a lone '/'; write /" + part;
				}
			}
			String problem = segmentProblem(part, variables);
			if (problem != null) {
				return problem;
			}
		}
		if (anySegments > 1) {
			return "a path pattern has one '**' or '{*name}' at most";
		}
		return null;
	}

	private static @Nullable String segmentProblem(String part, Set<String> variables) {
		if (part.equals(ANY_SEGMENTS)) {
			return null;
		}
		if (part.contains(ANY_SEGMENTS)) {
			return "'**' stands alone as a whole segment";
		}
		if (part.startsWith("{*")) {
			if (!part.endsWith("}") || !isVariableName(part, 2, part.length() - 1)) {
				return "'{*name}' stands alone as a whole segment, with a name such as {*rest}";
			}
			return variables.add(part.substring(2, part.length() - 1)) ? null
					: "the variable name '" + part.substring(2, part.length() - 1) + "' is used twice";
		}
		boolean wildcardsOnly = true;
		int variablesInPart = 0;
		int i = 0;
		while (i < part.length()) {
			char c = part.charAt(i);
			if (c == '}') {
				return "'}' closes no '{'";
			}
			if (c == '{') {
				int close = part.indexOf('}', i);
				if (close < 0) {
					return "'{' is not closed by '}' within its segment";
				}
				int colon = part.indexOf(':', i);
				if (colon >= 0 && colon < close) {
					return "regular expressions ({name:regex}) are not supported: their matching time has no bound";
				}
				if (!isVariableName(part, i + 1, close)) {
					return "'" + part.substring(i, close + 1) + "' is not a variable such as {id}";
				}
				if (!variables.add(part.substring(i + 1, close))) {
					return "the variable name '" + part.substring(i + 1, close) + "' is used twice";
				}
				variablesInPart++;
				i = close + 1;
				continue;
			}
			if (c != '*') {
				wildcardsOnly = false;
			}
			i++;
		}
		// "*" and "{id}" alone match one segment; several wildcards with nothing else
		// would also match nothing at all.
		if (wildcardsOnly && !part.equals("*") && !(variablesInPart == 1 && part.startsWith("{"))) {
			return "'" + part + "' has wildcards and nothing else; write * for any one segment";
		}
		return null;
	}

	private static boolean isVariableName(String part, int from, int to) {
		if (from >= to || !Character.isJavaIdentifierStart(part.charAt(from))) {
			return false;
		}
		for (int i = from + 1; i < to; i++) {
			char c = part.charAt(i);
			if (!Character.isJavaIdentifierPart(c) && c != '-') {
				return false;
			}
		}
		return true;
	}

	private static boolean isAnySegments(String part) {
		return part.equals(ANY_SEGMENTS) || part.startsWith("{*");
	}

	/** The parts between the slashes; {@code /} alone has one empty part. */
	private static List<String> parts(String pattern) {
		List<String> parts = new ArrayList<>();
		int start = 1;
		for (int i = 1; i <= pattern.length(); i++) {
			if (i == pattern.length() || pattern.charAt(i) == '/') {
				parts.add(pattern.substring(start, i));
				start = i + 1;
			}
		}
		return parts;
	}

	/**
	 * Returns whether the pattern matches every path, as {@code /**} does.
	 * @return whether the pattern is a lone multi-segment wildcard
	 */
	boolean matchesEveryPath() {
		return this.trailingAnySegments && this.segments.length == 0;
	}

	/**
	 * Returns whether a routed path matches.
	 * @param path a path resolved by {@link RoutedPath#resolve(String)}: empty, or
	 * {@code /} followed by non-empty segments, optionally ending with {@code /}
	 * @return whether it matches
	 */
	boolean matches(String path) {
		if (path.isEmpty()) {
			// Only a pattern that is one multi-segment wildcard matches an empty path, as
			// in Spring.
			return matchesEveryPath();
		}
		if (this.leadingAnySegments) {
			return matchesEnd(path);
		}
		return matchesFrom(path, 0);
	}

	/**
	 * Matches the segments after a leading {@code **}: they match the last segments of
	 * the path, so only the one or two places where they can start are tried, which keeps
	 * the cost independent of the path's length.
	 */
	private boolean matchesEnd(String path) {
		int count = this.segments.length;
		boolean pathSlash = path.charAt(path.length() - 1) == '/';
		int end = pathSlash ? path.length() - 1 : path.length();
		int start = startOfLastSegments(path, end, count);
		if (start >= 0 && matchesFrom(path, start)) {
			return true;
		}
		// A last '*' also matches the empty segment after a trailing slash: /**/a/*
		// matches /x/a/.
		if (pathSlash && !this.trailingSlash && this.segments[count - 1].star()) {
			start = (count == 1) ? path.length() - 1 : startOfLastSegments(path, end, count - 1);
			return start >= 0 && matchesFrom(path, start);
		}
		return false;
	}

	/**
	 * Returns the index of the {@code /} that starts the last {@code count} segments of
	 * the path before {@code end}, or -1 when it has fewer.
	 */
	private static int startOfLastSegments(String path, int end, int count) {
		int position = end;
		for (int i = 0; i < count && position >= 0; i++) {
			position = path.lastIndexOf('/', position - 1);
		}
		return position;
	}

	/**
	 * Matches the pattern's segments against the path from {@code position}, the index of
	 * a {@code /}.
	 */
	private boolean matchesFrom(String path, int position) {
		int length = path.length();
		for (int s = 0; s < this.segments.length; s++) {
			if (position >= length || path.charAt(position) != '/') {
				return false;
			}
			int start = position + 1;
			int end = path.indexOf('/', start);
			if (end < 0) {
				end = length;
			}
			if (start == end) {
				// Nothing after the slash: only a last whole-segment '*' matches there,
				// as Spring's does.
				return start == length && s == this.segments.length - 1 && !this.trailingSlash
						&& !this.trailingAnySegments && this.segments[s].star();
			}
			if (!this.segments[s].matches(path, start, end)) {
				return false;
			}
			position = end;
		}
		if (this.trailingAnySegments) {
			return true;
		}
		if (this.trailingSlash) {
			return position == length - 1 && path.charAt(position) == '/';
		}
		return position == length;
	}

	@Override
	public String toString() {
		return this.pattern;
	}

	/**
	 * The matcher of one segment: literal text where {@code ?} matches any one character
	 * and {@code *} any run of characters (a {@code {name}} within a segment is a
	 * {@code *}). A whole-segment {@code *} or {@code {name}} matches any segment; only
	 * the {@code *} also matches the empty one after a trailing slash, as in Spring.
	 */
	private record Segment(String glob, boolean wildcards, boolean wholeSegment, boolean star) {

		static Segment of(String part) {
			if (part.equals("*")) {
				return new Segment("*", true, true, true);
			}
			if (part.startsWith("{") && part.indexOf('}') == part.length() - 1) {
				return new Segment("*", true, true, false);
			}
			StringBuilder glob = new StringBuilder();
			int i = 0;
			while (i < part.length()) {
				char c = part.charAt(i);
				if (c == '{') {
					glob.append('*');
					i = part.indexOf('}', i) + 1;
					continue;
				}
				glob.append(c);
				i++;
			}
			String text = glob.toString();
			return new Segment(text, text.indexOf('*') >= 0 || text.indexOf('?') >= 0, false, false);
		}

		/**
		 * Matches a non-empty segment. A glob with stars is matched by the usual walk
		 * that, on a mismatch, backtracks to the last star only: at most the pattern's
		 * length times the segment's length steps.
		 */
		boolean matches(String path, int from, int to) {
			if (this.wholeSegment) {
				return true;
			}
			String glob = this.glob;
			if (!this.wildcards) {
				return to - from == glob.length() && path.startsWith(glob, from);
			}
			int g = 0;
			int t = from;
			int star = -1;
			int starText = 0;
			while (t < to) {
				if (g < glob.length()) {
					char c = glob.charAt(g);
					if (c == '*') {
						star = g++;
						starText = t;
						continue;
					}
					if (c == '?' || c == path.charAt(t)) {
						g++;
						t++;
						continue;
					}
				}
				if (star < 0) {
					return false;
				}
				g = star + 1;
				t = ++starText;
			}
			while (g < glob.length() && glob.charAt(g) == '*') {
				g++;
			}
			return g == glob.length();
		}

	}

}
