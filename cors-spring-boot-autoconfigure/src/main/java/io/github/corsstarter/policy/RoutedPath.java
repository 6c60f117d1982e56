package io.github.corsstarter.policy;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * Resolves the path the application routes from the path as the request carries it, so
 * that path patterns decide on what the handler mappings see rather than on what an
 * attacker typed.
 * <p>
 * Spring's routing (a {@code PathContainer} with {@code PathPattern}, or
 * {@code UrlPathHelper} with the {@code AntPathMatcher} strategy) matches each segment
 * percent-decoded, with its {@code ;parameters} removed. Those two, the container, a
 * proxy in front, or a security filter disagree on what some paths mean: an encoded
 * {@code /}, {@code ;} or {@code \}, a {@code %} that is not a valid UTF-8 escape or is
 * itself encoded (decoded twice or once), an encoded control character, empty segments
 * ({@code //}, or a segment holding parameters only), {@code .} and {@code ..} segments,
 * and a backslash, which some proxies and firewalls read as {@code /}. Browsers never
 * send these for a page's own requests: their URL parser removes dot segments and escapes
 * the rest. Such a path has no single routed form, and is not resolved. Other characters,
 * control and non-ASCII ones included, are left as they are, as Spring's routing leaves
 * them.
 */
final class RoutedPath {

	private RoutedPath() {
	}

	/**
	 * Resolves a path.
	 * @param path the path within the application as received, percent-encoded, possibly
	 * with parameters
	 * @return the routed path: empty, or {@code /} followed by non-empty segments and an
	 * optional trailing {@code /}; the same string when nothing needs decoding;
	 * {@code null} when the path cannot be resolved safely
	 */
	static @Nullable String resolve(String path) {
		int length = path.length();
		if (length == 0) {
			// WebFlux: a request for the base path itself.
			return path;
		}
		if (path.charAt(0) != '/') {
			return null;
		}
		// String's searches are vectorized: a path with nothing to decode costs a few
		// scans of its bytes.
		if (path.indexOf('%') >= 0 || path.indexOf(';') >= 0) {
			return decode(path);
		}
		if (path.indexOf("//") >= 0 || path.indexOf('\\') >= 0 || hasDotSegment(path)) {
			return null;
		}
		return path;
	}

	/**
	 * Returns whether a path without escapes has a {@code .} or {@code ..} segment.
	 */
	private static boolean hasDotSegment(String path) {
		int length = path.length();
		int dot = path.indexOf("/.");
		while (dot >= 0) {
			int next = dot + 2;
			if (next == length || path.charAt(next) == '/'
					|| (path.charAt(next) == '.' && (next + 1 == length || path.charAt(next + 1) == '/'))) {
				return true;
			}
			dot = path.indexOf("/.", next);
		}
		return false;
	}

	/**
	 * Decodes each segment and removes its parameters. Each search stays within its
	 * segment, so that the cost is linear in the path's length, and only segments with an
	 * escape allocate.
	 */
	private static @Nullable String decode(String path) {
		int length = path.length();
		StringBuilder routed = new StringBuilder(length);
		int start = 1;
		while (start <= length) {
			int end = start;
			int valueEnd = -1;
			boolean escaped = false;
			while (end < length && path.charAt(end) != '/') {
				char c = path.charAt(end);
				if (c == '\\') {
					return null;
				}
				if (c == ';' && valueEnd < 0) {
					valueEnd = end;
				}
				else if (c == '%' && valueEnd < 0) {
					escaped = true;
				}
				end++;
			}
			if (end == start && end != length) {
				return null;
			}
			if (valueEnd < 0) {
				valueEnd = end;
			}
			routed.append('/');
			if (escaped) {
				String value = decodeSegment(path, start, valueEnd);
				if (value == null || isDotSegment(value, 0, value.length())) {
					return null;
				}
				routed.append(value);
			}
			else {
				if ((valueEnd == start && end > start) || isDotSegment(path, start, valueEnd)) {
					return null;
				}
				routed.append(path, start, valueEnd);
			}
			start = end + 1;
		}
		return routed.toString();
	}

	private static @Nullable String decodeSegment(String path, int from, int to) {
		byte[] bytes = new byte[to - from];
		int count = 0;
		for (int i = from; i < to; i++) {
			char c = path.charAt(i);
			if (c != '%') {
				bytes[count++] = (byte) c;
				continue;
			}
			int high = (i + 2 < to) ? Character.digit(path.charAt(i + 1), 16) : -1;
			int low = (i + 2 < to) ? Character.digit(path.charAt(i + 2), 16) : -1;
			if (high < 0 || low < 0) {
				return null;
			}
			bytes[count++] = (byte) ((high << 4) | low);
			i += 2;
		}
		String value;
		try {
			value = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes, 0, count))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '/' || c == ';' || c == '\\' || c == '%' || c < ' ' || c == 0x7f) {
				return null;
			}
		}
		return value;
	}

	private static boolean isDotSegment(CharSequence path, int from, int to) {
		int length = to - from;
		return (length == 1 && path.charAt(from) == '.')
				|| (length == 2 && path.charAt(from) == '.' && path.charAt(from + 1) == '.');
	}

}
