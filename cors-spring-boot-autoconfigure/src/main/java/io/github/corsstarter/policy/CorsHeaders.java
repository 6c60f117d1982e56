package io.github.corsstarter.policy;

/**
 * Names of the headers of the CORS protocol (Fetch, section "CORS protocol") and of Private Network Access.
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

	private CorsHeaders() {
	}

}
