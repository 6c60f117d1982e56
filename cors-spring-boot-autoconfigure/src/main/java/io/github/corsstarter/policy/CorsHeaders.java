package io.github.corsstarter.policy;

import java.util.List;

/**
 * Names of the headers of the CORS protocol (Fetch, section "CORS protocol") and of
 * Private Network Access.
 */
public final class CorsHeaders {

	/** {@code Origin}. */
	public static final String ORIGIN = "Origin";

	/** {@code Vary}. */
	public static final String VARY = "Vary";

	/** {@code Access-Control-Request-Method}. */
	public static final String REQUEST_METHOD = "Access-Control-Request-Method";

	/** {@code Access-Control-Request-Headers}. */
	public static final String REQUEST_HEADERS = "Access-Control-Request-Headers";

	/** {@code Access-Control-Request-Private-Network}. */
	public static final String REQUEST_PRIVATE_NETWORK = "Access-Control-Request-Private-Network";

	/** {@code Access-Control-Allow-Origin}. */
	public static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";

	/** {@code Access-Control-Allow-Credentials}. */
	public static final String ALLOW_CREDENTIALS = "Access-Control-Allow-Credentials";

	/** {@code Access-Control-Allow-Methods}. */
	public static final String ALLOW_METHODS = "Access-Control-Allow-Methods";

	/** {@code Access-Control-Allow-Headers}. */
	public static final String ALLOW_HEADERS = "Access-Control-Allow-Headers";

	/** {@code Access-Control-Expose-Headers}. */
	public static final String EXPOSE_HEADERS = "Access-Control-Expose-Headers";

	/** {@code Access-Control-Max-Age}. */
	public static final String MAX_AGE = "Access-Control-Max-Age";

	/** {@code Access-Control-Allow-Private-Network}. */
	public static final String ALLOW_PRIVATE_NETWORK = "Access-Control-Allow-Private-Network";

	/**
	 * The response headers of the CORS protocol and of Private Network Access, every one
	 * a {@link CorsDecision} may write besides {@code Vary}.
	 */
	public static final List<String> RESPONSE_HEADERS = List.of(ALLOW_ORIGIN, ALLOW_CREDENTIALS, EXPOSE_HEADERS,
			ALLOW_METHODS, ALLOW_HEADERS, MAX_AGE, ALLOW_PRIVATE_NETWORK);

	/**
	 * The {@link #RESPONSE_HEADERS} whose value a {@link CorsDecision} may take from the
	 * request (the origin, method or headers it asked for); it writes each of the others
	 * with the same value for every request it is made for.
	 */
	public static final List<String> RESPONSE_HEADERS_FROM_REQUEST = List.of(ALLOW_ORIGIN, ALLOW_METHODS,
			ALLOW_HEADERS);

	private static final String PREFIX = "Access-Control-";

	private CorsHeaders() {
	}

	/**
	 * Returns whether a header name is one of the CORS protocol's: any name that starts
	 * with {@code Access-Control-}, in any case, since header names are case-insensitive.
	 * @param name the header name
	 * @return whether it is a CORS header name
	 */
	public static boolean isCorsHeader(String name) {
		return name.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
	}

}
