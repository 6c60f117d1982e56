package io.github.corsstarter.policy;

import java.util.Locale;
import java.util.Set;

/**
 * Header names that the Fetch standard keeps out of a script's hands, and the names of
 * the CORS protocol itself: configured in {@code allowed-headers} or
 * {@code exposed-headers}, they can never do what the operator meant. Names compare
 * case-insensitively, as header names do.
 */
final class FetchHeaderNames {

	/**
	 * Fetch, "forbidden request-header": names a script can never set, so no preflight
	 * ever asks for them. Names starting with {@code Proxy-} or {@code Sec-} are
	 * forbidden too.
	 */
	private static final Set<String> FORBIDDEN_REQUEST_HEADERS = Set.of("accept-charset", "accept-encoding",
			"access-control-request-headers", "access-control-request-method", "connection", "content-length", "cookie",
			"cookie2", "date", "dnt", "expect", "host", "keep-alive", "origin", "referer", "set-cookie", "te",
			"trailer", "transfer-encoding", "upgrade", "via");

	/**
	 * Fetch, "forbidden response-header name": names a script can never read, exposed or
	 * not.
	 */
	private static final Set<String> FORBIDDEN_RESPONSE_HEADERS = Set.of("set-cookie", "set-cookie2");

	private static final String CORS_PROTOCOL_PREFIX = "access-control-";

	private FetchHeaderNames() {
	}

	/**
	 * Returns whether browsers refuse to let a script send a request header of this name.
	 * @param name a header name
	 * @return whether it is a forbidden request-header name
	 */
	static boolean isForbiddenRequestHeader(String name) {
		String lowercase = name.toLowerCase(Locale.ROOT);
		return FORBIDDEN_REQUEST_HEADERS.contains(lowercase) || lowercase.startsWith("proxy-")
				|| lowercase.startsWith("sec-");
	}

	/**
	 * Returns whether browsers hide a response header of this name from scripts whatever
	 * the response says.
	 * @param name a header name
	 * @return whether it is a forbidden response-header name
	 */
	static boolean isForbiddenResponseHeader(String name) {
		return FORBIDDEN_RESPONSE_HEADERS.contains(name.toLowerCase(Locale.ROOT));
	}

	/**
	 * Returns whether a name belongs to the CORS protocol ({@code Access-Control-*}):
	 * headers browsers and the starter exchange, which scripts neither send nor need to
	 * read.
	 * @param name a header name
	 * @return whether it starts with {@code Access-Control-}
	 */
	static boolean isCorsProtocolHeader(String name) {
		return name.regionMatches(true, 0, CORS_PROTOCOL_PREFIX, 0, CORS_PROTOCOL_PREFIX.length());
	}

}
