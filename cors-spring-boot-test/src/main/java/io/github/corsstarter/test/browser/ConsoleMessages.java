package io.github.corsstarter.test.browser;

import java.net.URI;

/**
 * The console messages Chromium prints when it blocks a {@code fetch()}, word for word.
 */
final class ConsoleMessages {

	private static final String PREFLIGHT = "Response to preflight request doesn't pass access control check: ";

	private static final String VALID_VALUE = " Have the server send the header with a valid value.";

	private ConsoleMessages() {
	}

	/**
	 * Returns the message for a failed CORS check.
	 * @param at where the request went
	 * @param failure what the check found
	 * @param preflight whether the failed response answered a preflight
	 * @return the message
	 */
	static String corsCheck(Where at, CorsChecks.Failure failure, boolean preflight) {
		String reason = switch (failure.problem()) {
			case WILDCARD_ORIGIN -> "The value of the 'Access-Control-Allow-Origin' header in the response must not be"
					+ " the wildcard '*' when the request's credentials mode is 'include'.";
			case MISSING_ALLOW_ORIGIN ->
				"No 'Access-Control-Allow-Origin' header is present on the requested resource.";
			case MULTIPLE_ALLOW_ORIGIN -> "The 'Access-Control-Allow-Origin' header contains multiple values '"
					+ failure.value() + "', but only one is allowed." + VALID_VALUE;
			case INVALID_ALLOW_ORIGIN -> "The 'Access-Control-Allow-Origin' header contains the invalid value '"
					+ failure.value() + "'." + VALID_VALUE;
			case ALLOW_ORIGIN_MISMATCH -> "The 'Access-Control-Allow-Origin' header has a value '" + failure.value()
					+ "' that is not equal to the supplied origin." + VALID_VALUE;
			case INVALID_ALLOW_CREDENTIALS ->
				"The value of the 'Access-Control-Allow-Credentials' header in the" + " response is '" + failure.value()
						+ "' which must be 'true' when the request's credentials mode is 'include'.";
		};
		return at.prefix() + (preflight ? PREFLIGHT : "") + reason;
	}

	static String preflightStatus(Where at) {
		return at.prefix() + PREFLIGHT + "It does not have HTTP ok status.";
	}

	static String preflightRedirect(Where at) {
		return at.prefix() + PREFLIGHT + "Redirect is not allowed for a preflight request.";
	}

	static String unparsableAllowMethods(Where at) {
		return at.prefix() + "Cannot parse Access-Control-Allow-Methods response header field in preflight response.";
	}

	static String unparsableAllowHeaders(Where at) {
		return at.prefix() + "Cannot parse Access-Control-Allow-Headers response header field in preflight response.";
	}

	static String methodNotAllowed(Where at, String method) {
		return at.prefix() + "Method " + method
				+ " is not allowed by Access-Control-Allow-Methods in preflight response.";
	}

	static String headerNotAllowed(Where at, String name) {
		return at.prefix() + "Request header field " + name
				+ " is not allowed by Access-Control-Allow-Headers in preflight response.";
	}

	/**
	 * Chromium leaves the location out of this message: it prints {@code ''}.
	 */
	static String redirectWithCredentials(Where at) {
		return at.prefix() + "Redirect location '' contains a username and password, which is disallowed for"
				+ " cross-origin requests.";
	}

	/**
	 * Where a blocked request went: the URL it was blocked at, the URL the script asked
	 * for, and the page's origin.
	 *
	 * @param url the URL the request was blocked at
	 * @param initialUrl the URL the script fetched
	 * @param origin the page's origin
	 */
	record Where(URI url, URI initialUrl, String origin) {

		String prefix() {
			String redirected = this.url.equals(this.initialUrl) ? "" : "(redirected from '" + this.initialUrl + "') ";
			return "Access to fetch at '" + this.url + "' " + redirected + "from origin '" + this.origin
					+ "' has been blocked by CORS policy: ";
		}

	}

}
