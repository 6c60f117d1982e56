package io.github.corsstarter.test.browser;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The response side of the CORS protocol as Chromium checks it: the CORS check of
 * {@code Access-Control-Allow-Origin} and {@code -Credentials}, the preflight's lists of
 * methods and headers, and the headers a script may read.
 */
final class CorsChecks {

	private static final Pattern URL_WITH_SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:.*");

	private static final Set<String> SPECIAL_SCHEMES = Set.of("http", "https", "ws", "wss", "ftp", "file");

	private static final Set<String> SAFELISTED_RESPONSE_HEADERS = Set.of("cache-control", "content-language",
			"content-length", "content-type", "expires", "last-modified", "pragma");

	private static final Set<String> FORBIDDEN_RESPONSE_HEADERS = Set.of("set-cookie", "set-cookie2");

	private CorsChecks() {
	}

	/**
	 * Runs the CORS check on a response.
	 * @param response the response
	 * @param origin the request's origin, serialized ({@code null} after a redirect that
	 * tainted it)
	 * @param credentials whether the request includes credentials
	 * @return the failure, or {@code null} when the check passes
	 */
	static @Nullable Failure corsCheck(ServerResponse response, String origin, boolean credentials) {
		String allowOrigin = response.header("Access-Control-Allow-Origin");
		if ("*".equals(allowOrigin)) {
			return credentials ? new Failure(Problem.WILDCARD_ORIGIN, "*") : null;
		}
		if (allowOrigin == null) {
			return new Failure(Problem.MISSING_ALLOW_ORIGIN, "");
		}
		if (!allowOrigin.equals(origin)) {
			if (allowOrigin.indexOf(' ') >= 0 || allowOrigin.indexOf(',') >= 0) {
				return new Failure(Problem.MULTIPLE_ALLOW_ORIGIN, allowOrigin);
			}
			if (!allowOrigin.equals("null") && !isValidUrl(allowOrigin)) {
				return new Failure(Problem.INVALID_ALLOW_ORIGIN, allowOrigin);
			}
			return new Failure(Problem.ALLOW_ORIGIN_MISMATCH, allowOrigin);
		}
		if (credentials) {
			String allowCredentials = response.header("Access-Control-Allow-Credentials");
			if (!"true".equals(allowCredentials)) {
				return new Failure(Problem.INVALID_ALLOW_CREDENTIALS,
						(allowCredentials != null) ? allowCredentials : "");
			}
		}
		return null;
	}

	/**
	 * Returns whether a value is a URL as Chromium's parser accepts one: a scheme, and a
	 * host for the schemes that need one. Chromium uses this only to choose between two
	 * messages.
	 */
	private static boolean isValidUrl(String value) {
		if (!URL_WITH_SCHEME.matcher(value).matches()) {
			return false;
		}
		int colon = value.indexOf(':');
		String scheme = value.substring(0, colon).toLowerCase(Locale.ROOT);
		if (!SPECIAL_SCHEMES.contains(scheme) || scheme.equals("file")) {
			return true;
		}
		String rest = value.substring(colon + 1).replaceFirst("^[/\\\\]*", "");
		return !rest.isEmpty() && "/\\?#".indexOf(rest.charAt(0)) < 0;
	}

	/**
	 * Parses {@code Access-Control-Allow-Methods} or {@code Access-Control-Allow-Headers}
	 * as Chromium does: comma-separated tokens, empty items skipped, whitespace around
	 * items ignored.
	 * @param value the header's value, or {@code null}
	 * @param lowercase whether to lowercase the items (header names)
	 * @return the items, or {@code null} when an item is not a token
	 */
	static @Nullable Set<String> allowList(@Nullable String value, boolean lowercase) {
		Set<String> items = new LinkedHashSet<>();
		if (value == null) {
			return items;
		}
		for (String item : value.split(",", -1)) {
			String trimmed = item.strip();
			if (trimmed.isEmpty()) {
				continue;
			}
			if (!FetchRules.isToken(trimmed)) {
				return null;
			}
			items.add(lowercase ? trimmed.toLowerCase(Locale.ROOT) : trimmed);
		}
		return items;
	}

	/**
	 * Returns whether the preflight's methods allow a method. The comparison is
	 * case-sensitive: {@code patch}, which {@code fetch()} does not normalize, needs
	 * {@code patch} in the list.
	 * @param methods the parsed {@code Access-Control-Allow-Methods}
	 * @param method the method, as sent
	 * @param credentials whether the request includes credentials
	 * @return whether the method is allowed
	 */
	static boolean allowsMethod(Set<String> methods, String method, boolean credentials) {
		return methods.contains(method) || FetchRules.isSafelistedMethod(method)
				|| (!credentials && methods.contains("*"));
	}

	/**
	 * Returns the first of the request's unsafe header names that the preflight does not
	 * allow: the one Chromium's console message names. When several are not allowed,
	 * Chromium may name another of them (see {@link FetchRules#namesInCheckOrder(List)}).
	 * @param allowed the parsed, lowercased {@code Access-Control-Allow-Headers}
	 * @param unsafeNames the request's unsafe header names, lowercase, in the order
	 * Chromium checks them ({@link FetchRules#namesInCheckOrder(List)})
	 * @param credentials whether the request includes credentials
	 * @return the name, or {@code null} when all are allowed
	 */
	static @Nullable String disallowedHeader(Set<String> allowed, List<String> unsafeNames, boolean credentials) {
		if (!credentials && allowed.contains("*")) {
			return null;
		}
		for (String name : unsafeNames) {
			if (!allowed.contains(name)) {
				return name;
			}
		}
		return null;
	}

	/**
	 * Returns whether a response header name is readable by a script, given the
	 * response's {@code Access-Control-Expose-Headers}: never {@code Set-Cookie} or
	 * {@code Set-Cookie2}.
	 * @param name the header's name
	 * @param exposed the parsed, lowercased exposed names
	 * @param credentials whether the request included credentials
	 * @return whether the script can read the header
	 */
	static boolean isReadable(String name, Set<String> exposed, boolean credentials) {
		String lower = name.toLowerCase(Locale.ROOT);
		return !FORBIDDEN_RESPONSE_HEADERS.contains(lower) && (SAFELISTED_RESPONSE_HEADERS.contains(lower)
				|| exposed.contains(lower) || (!credentials && exposed.contains("*")));
	}

	/**
	 * Parses {@code Access-Control-Expose-Headers} as Chromium does: comma-separated
	 * names, lowercased, empty items skipped; when an item is not a token, none is
	 * exposed.
	 * @param value the header's value, or {@code null}
	 * @return the names
	 */
	static Set<String> exposedNames(@Nullable String value) {
		Set<String> names = allowList(value, true);
		return (names != null) ? names : Set.of();
	}

	/**
	 * What a CORS check found wrong.
	 */
	enum Problem {

		WILDCARD_ORIGIN, MISSING_ALLOW_ORIGIN, MULTIPLE_ALLOW_ORIGIN, INVALID_ALLOW_ORIGIN, ALLOW_ORIGIN_MISMATCH,
		INVALID_ALLOW_CREDENTIALS

	}

	/**
	 * A failed CORS check.
	 *
	 * @param problem what is wrong
	 * @param value the offending header value, empty when the header is missing
	 */
	record Failure(Problem problem, String value) {

		boolean isCredentials() {
			return this.problem == Problem.INVALID_ALLOW_CREDENTIALS;
		}

	}

}
