package io.github.corsstarter.test.browser;

/**
 * The step of a {@code fetch()} at which the browser blocked it.
 */
public enum FetchStep {

	/**
	 * {@code fetch()} refused the call before sending anything: a forbidden method, an
	 * invalid header or a body on {@code GET} or {@code HEAD}.
	 */
	FETCH_CALL(false),

	/**
	 * The preflight was answered with a redirect, which a preflight may not follow.
	 */
	PREFLIGHT_REDIRECT(false),

	/**
	 * The preflight's {@code Access-Control-Allow-Origin} does not allow the page.
	 */
	PREFLIGHT_ALLOW_ORIGIN(false),

	/**
	 * The preflight's {@code Access-Control-Allow-Credentials} is not {@code true} while
	 * the request includes credentials.
	 */
	PREFLIGHT_ALLOW_CREDENTIALS(false),

	/**
	 * The preflight's status is not in the 2xx range.
	 */
	PREFLIGHT_STATUS(false),

	/**
	 * The preflight's {@code Access-Control-Allow-Methods} cannot be parsed or does not
	 * cover the method.
	 */
	PREFLIGHT_ALLOW_METHODS(false),

	/**
	 * The preflight's {@code Access-Control-Allow-Headers} cannot be parsed or does not
	 * cover a request header.
	 */
	PREFLIGHT_ALLOW_HEADERS(false),

	/**
	 * A redirect of the request was refused: too many, or a location with credentials.
	 */
	REDIRECT(true),

	/**
	 * The response's {@code Access-Control-Allow-Origin} does not allow the page: the
	 * request reached the server, but the script cannot see the response.
	 */
	ALLOW_ORIGIN(true),

	/**
	 * The response's {@code Access-Control-Allow-Credentials} is not {@code true} while
	 * the request includes credentials: the request reached the server.
	 */
	ALLOW_CREDENTIALS(true);

	private final boolean afterRequest;

	FetchStep(boolean afterRequest) {
		this.afterRequest = afterRequest;
	}

	/**
	 * Returns whether the browser blocks at this step only after the server received the
	 * actual request.
	 * @return whether the request reached the server first
	 */
	public boolean isAfterRequest() {
		return this.afterRequest;
	}

}
