package io.github.corsstarter.policy;

import org.jspecify.annotations.Nullable;

/**
 * What the engine reads of an HTTP request, as a web adapter presents it.
 * <p>
 * Implementations wrap the server's own request object and read headers lazily: the
 * engine asks only for what the decision needs.
 */
public interface CorsRequest {

	/**
	 * Returns the request method exactly as received (methods are case-sensitive).
	 * @return the method
	 */
	String method();

	/**
	 * Returns the request path within the application (without the context path or base
	 * path) as received: percent-encoded, with any {@code ;parameters}. The policy
	 * resolves the path the application routes from it.
	 * @return the path, starting with {@code /}, or empty for a request for the base path
	 * itself
	 */
	String path();

	/**
	 * Returns the first {@code Origin} header value.
	 * @return the origin, or {@code null} when the request has no {@code Origin} header
	 */
	@Nullable String origin();

	/**
	 * Returns whether the request carries more than one {@code Origin} header value
	 * (several header lines, or one line that joins several origins). Browsers never send
	 * more than one origin.
	 * @return whether there is more than one origin
	 */
	boolean hasSeveralOrigins();

	/**
	 * Returns the scheme of the request as the server sees it, after forwarded headers
	 * were applied.
	 * @return {@code http} or {@code https}
	 */
	String scheme();

	/**
	 * Returns the host of the request as the server sees it, after forwarded headers were
	 * applied. IPv6 addresses may come with or without brackets.
	 * @return the host
	 */
	String host();

	/**
	 * Returns the port of the request as the server sees it, after forwarded headers were
	 * applied.
	 * @return the port, or {@code -1} when the scheme's default port applies
	 */
	int port();

	/**
	 * Returns the {@code Access-Control-Request-Method} header value.
	 * @return the requested method, or {@code null} when absent
	 */
	@Nullable String accessControlRequestMethod();

	/**
	 * Returns every {@code Access-Control-Request-Headers} value, several header lines
	 * joined with a comma.
	 * @return the requested headers, or {@code null} when absent
	 */
	@Nullable String accessControlRequestHeaders();

	/**
	 * Returns the {@code Access-Control-Request-Private-Network} header value.
	 * @return the value, or {@code null} when absent
	 */
	@Nullable String accessControlRequestPrivateNetwork();

}
