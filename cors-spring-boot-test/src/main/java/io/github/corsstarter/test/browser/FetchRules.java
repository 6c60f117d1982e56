package io.github.corsstarter.test.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The request side of the Fetch standard as Chromium applies it: methods, forbidden and
 * CORS-safelisted request headers, and the names a preflight has to ask for.
 */
final class FetchRules {

	/**
	 * Values of safelisted headers above this total length make all of them unsafe.
	 */
	static final int SAFELISTED_TOTAL_LIMIT = 1024;

	/**
	 * A safelisted header's value may be at most this long.
	 */
	static final int SAFELISTED_VALUE_LIMIT = 128;

	private static final Set<String> NORMALIZED_METHODS = Set.of("DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT");

	private static final Set<String> SAFELISTED_METHODS = Set.of("GET", "HEAD", "POST");

	private static final Set<String> FORBIDDEN_METHODS = Set.of("CONNECT", "TRACE", "TRACK");

	private static final Set<String> FORBIDDEN_HEADERS = Set.of("accept-charset", "accept-encoding",
			"access-control-request-headers", "access-control-request-method", "access-control-request-private-network",
			"connection", "content-length", "cookie", "cookie2", "date", "dnt", "expect", "host", "keep-alive",
			"origin", "referer", "set-cookie", "te", "trailer", "transfer-encoding", "upgrade", "user-agent", "via");

	/**
	 * Request headers Chromium treats as CORS-safelisted (with value rules) beyond the
	 * Fetch standard's: client hints and {@code Intervention}.
	 */
	static final Set<String> CHROMIUM_SAFELISTED = Set.of("device-memory", "dpr", "downlink", "ect", "intervention",
			"rtt", "save-data", "viewport-width", "width");

	private static final Set<String> EFFECTIVE_CONNECTION_TYPES = Set.of("slow-2g", "2g", "3g", "4g");

	private static final Set<String> METHOD_OVERRIDE_HEADERS = Set.of("x-http-method", "x-http-method-override",
			"x-method-override");

	private static final Set<String> SAFELISTED_MIME_TYPES = Set.of("application/x-www-form-urlencoded",
			"multipart/form-data", "text/plain");

	private FetchRules() {
	}

	/**
	 * Returns whether a string is an HTTP token (RFC 9110).
	 * @param value the string
	 * @return whether it is a non-empty token
	 */
	static boolean isToken(String value) {
		if (value.isEmpty()) {
			return false;
		}
		for (int i = 0; i < value.length(); i++) {
			if (!isTokenChar(value.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	private static boolean isTokenChar(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
				|| "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
	}

	/**
	 * Normalizes a method as {@code fetch()} does: the six standard methods are
	 * upper-cased, any other method is kept as written.
	 * @param method the method a script passed
	 * @return the normalized method
	 */
	static String normalizeMethod(String method) {
		String upper = method.toUpperCase(Locale.ROOT);
		return NORMALIZED_METHODS.contains(upper) ? upper : method;
	}

	/**
	 * Returns whether {@code fetch()} refuses a method: {@code CONNECT}, {@code TRACE} or
	 * {@code TRACK}, in any case.
	 * @param method the method
	 * @return whether the method is forbidden
	 */
	static boolean isForbiddenMethod(String method) {
		return FORBIDDEN_METHODS.contains(method.toUpperCase(Locale.ROOT));
	}

	/**
	 * Returns whether a method needs no preflight.
	 * @param method the method, normalized
	 * @return whether it is {@code GET}, {@code HEAD} or {@code POST}
	 */
	static boolean isSafelistedMethod(String method) {
		return SAFELISTED_METHODS.contains(method);
	}

	/**
	 * Returns whether a script may not set a request header: the browser drops it
	 * silently.
	 * @param name the header's name
	 * @param value the header's value
	 * @return whether the header is forbidden
	 */
	static boolean isForbiddenHeader(String name, String value) {
		String lower = name.toLowerCase(Locale.ROOT);
		if (FORBIDDEN_HEADERS.contains(lower) || lower.startsWith("proxy-") || lower.startsWith("sec-")) {
			return true;
		}
		if (METHOD_OVERRIDE_HEADERS.contains(lower)) {
			for (String method : value.split(",", -1)) {
				if (isForbiddenMethod(method.strip())) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Returns whether a string has a character beyond Latin-1, which a header's name or
	 * value cannot carry.
	 * @param value the string
	 * @return whether it has such a character
	 */
	static boolean isBeyondLatin1(String value) {
		return value.chars().anyMatch((c) -> c > 0xFF);
	}

	/**
	 * Returns whether a script may set a header to a value: no NUL, CR or LF.
	 * @param value the value, already normalized
	 * @return whether the value is valid
	 */
	static boolean isValidValue(String value) {
		return value.indexOf('\0') < 0 && value.indexOf('\r') < 0 && value.indexOf('\n') < 0;
	}

	/**
	 * Strips leading and trailing HTTP whitespace (tab, line feed, carriage return,
	 * space), as {@code Headers} does with every value.
	 * @param value the value
	 * @return the normalized value
	 */
	static String normalizeValue(String value) {
		int start = 0;
		int end = value.length();
		while (start < end && isHttpWhitespace(value.charAt(start))) {
			start++;
		}
		while (end > start && isHttpWhitespace(value.charAt(end - 1))) {
			end--;
		}
		return value.substring(start, end);
	}

	private static boolean isHttpWhitespace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\r';
	}

	/**
	 * Returns whether a request header is CORS-safelisted, so that it needs no preflight.
	 * @param name the header's name
	 * @param value the header's value
	 * @return whether the header is safelisted
	 */
	static boolean isSafelisted(String name, String value) {
		if (value.length() > SAFELISTED_VALUE_LIMIT) {
			return false;
		}
		return switch (name.toLowerCase(Locale.ROOT)) {
			case "accept" -> !hasUnsafeByte(value);
			case "accept-language", "content-language" -> isLanguageValue(value);
			case "content-type" -> isSafelistedContentType(value);
			case "range" -> isSimpleRange(value);
			case "device-memory", "dpr", "downlink" -> isDecimal(value);
			case "width", "viewport-width", "rtt" -> isDigits(value);
			case "ect" -> EFFECTIVE_CONNECTION_TYPES.contains(value);
			case "save-data" -> value.equalsIgnoreCase("on");
			case "intervention" -> true;
			default -> false;
		};
	}

	private static boolean hasUnsafeByte(String value) {
		for (int i = 0; i < value.length(); i++) {
			if (isUnsafeByte(value.charAt(i))) {
				return true;
			}
		}
		return false;
	}

	private static boolean isUnsafeByte(char c) {
		return (c < 0x20 && c != '\t') || c == 0x7F || "\"():<>?@[\\]{}".indexOf(c) >= 0;
	}

	private static boolean isLanguageValue(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			boolean allowed = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
					|| " *,-.;=".indexOf(c) >= 0;
			if (!allowed) {
				return false;
			}
		}
		return true;
	}

	private static boolean isSafelistedContentType(String value) {
		if (hasUnsafeByte(value)) {
			return false;
		}
		String essence = MimeTypes.essence(value);
		return essence != null && SAFELISTED_MIME_TYPES.contains(essence);
	}

	/**
	 * Returns whether a value is a simple range: {@code bytes=}, a first position, a
	 * hyphen and an optional last position no smaller than the first, nothing else.
	 */
	private static boolean isSimpleRange(String value) {
		String prefix = "bytes=";
		if (!value.regionMatches(true, 0, prefix, 0, prefix.length())) {
			return false;
		}
		String range = value.substring(prefix.length());
		int hyphen = range.indexOf('-');
		if (hyphen <= 0) {
			return false;
		}
		String first = range.substring(0, hyphen);
		String last = range.substring(hyphen + 1);
		if (!isDigits(first) || (!last.isEmpty() && !isDigits(last))) {
			return false;
		}
		return last.isEmpty() || compareDigits(first, last) <= 0;
	}

	/**
	 * Returns whether a value is digits with an optional fraction: {@code 1*DIGIT [ "."
	 * 1*DIGIT ]}.
	 */
	private static boolean isDecimal(String value) {
		int dot = value.indexOf('.');
		return (dot < 0) ? isDigits(value) : isDigits(value.substring(0, dot)) && isDigits(value.substring(dot + 1));
	}

	private static boolean isDigits(String value) {
		if (value.isEmpty()) {
			return false;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

	private static int compareDigits(String first, String second) {
		String a = first.replaceFirst("^0+(?=.)", "");
		String b = second.replaceFirst("^0+(?=.)", "");
		return (a.length() != b.length()) ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
	}

	/**
	 * Returns the names a preflight must ask for: those of the headers that are not
	 * safelisted, and all of them when the safelisted values are longer than 1,024 bytes
	 * together; lowercase, sorted, each once.
	 * @param headers the request's headers, one per name
	 * @return the names, sorted
	 */
	static List<String> unsafeNames(List<HttpHeader> headers) {
		return sorted(namesInCheckOrder(headers));
	}

	/**
	 * Returns names as a preflight lists them in {@code Access-Control-Request-Headers}:
	 * sorted, each once.
	 * @param names lowercase names
	 * @return the names, sorted
	 */
	static List<String> sorted(List<String> names) {
		return List.copyOf(new TreeSet<>(names));
	}

	/**
	 * Returns whether a cross-origin request needs a preflight: its method is not
	 * {@code GET}, {@code HEAD} or {@code POST}, or a header is not CORS-safelisted.
	 * @param method the method, normalized
	 * @param unsafeNames the request's unsafe header names
	 * @return whether a preflight goes first
	 */
	static boolean needsPreflight(String method, List<String> unsafeNames) {
		return !isSafelistedMethod(method) || !unsafeNames.isEmpty();
	}

	/**
	 * Returns the names a preflight must ask for in the order Chromium checks them
	 * against {@code Access-Control-Allow-Headers}, which decides the header its console
	 * message names when several are not allowed: first the headers that are unsafe on
	 * their own, then, when the safelisted values exceed 1,024 bytes together, the
	 * safelisted ones. Within each group Chromium's order is neither the script's nor
	 * sorted, and the same whatever the script's order; the model sorts.
	 * @param headers the request's headers, one per name
	 * @return the names, lowercase, each once
	 */
	static List<String> namesInCheckOrder(List<HttpHeader> headers) {
		Set<String> unsafe = new TreeSet<>();
		Set<String> safelisted = new TreeSet<>();
		int safelistedLength = 0;
		for (HttpHeader header : headers) {
			String name = header.name().toLowerCase(Locale.ROOT);
			if (isSafelisted(name, header.value())) {
				safelisted.add(name);
				safelistedLength += header.value().length();
			}
			else {
				unsafe.add(name);
			}
		}
		List<String> names = new ArrayList<>(unsafe);
		if (safelistedLength > SAFELISTED_TOTAL_LIMIT) {
			names.addAll(safelisted);
		}
		return List.copyOf(names);
	}

}
