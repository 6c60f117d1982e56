package io.github.corsstarter.policy;

import java.util.Collection;

/**
 * The response headers a {@link CorsDecision} writes to, as a web adapter presents them.
 */
public interface CorsResponse {

	/**
	 * Sets a header, replacing any value it had, so that a decision written twice (for
	 * example again on an error dispatch) still leaves exactly one value.
	 * @param name the header name
	 * @param value the header value
	 */
	void setHeader(String name, String value);

	/**
	 * Returns every value the response has for a header so far.
	 * @param name the header name
	 * @return the values, empty when there is none
	 */
	Collection<String> getHeaders(String name);

}
