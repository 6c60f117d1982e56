package io.github.corsstarter.policy;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Why a cross-origin request was refused. The detail is written for the developer reading
 * a 403 in the browser's network tab: it says which rule refused the request, never which
 * values the policy allows.
 */
public enum RejectionReason {

	/**
	 * The {@code Origin} header is not one serialized origin as browsers send it.
	 */
	MALFORMED_ORIGIN("Malformed origin", "The Origin header is not a single serialized origin."),

	/**
	 * The origin is well formed but not allowed.
	 */
	ORIGIN_NOT_ALLOWED("Origin not allowed", "The request's origin is not allowed by the CORS policy."),

	/**
	 * The method of an actual request, or the {@code Access-Control-Request-Method} of a
	 * preflight, is not allowed.
	 */
	METHOD_NOT_ALLOWED("Method not allowed", "The request method is not allowed by the CORS policy."),

	/**
	 * A header named in {@code Access-Control-Request-Headers} is not allowed, or the
	 * list is malformed.
	 */
	HEADER_NOT_ALLOWED("Header not allowed",
			"A header in Access-Control-Request-Headers is not allowed by the CORS policy."),

	/**
	 * The preflight asks for private network access, which the policy does not grant.
	 */
	PRIVATE_NETWORK_NOT_ALLOWED("Private network access not allowed",
			"The CORS policy does not allow private network access."),

	/**
	 * The request path can be read in more than one way (an encoded {@code /}, {@code ;}
	 * or {@code %}, an empty or dot segment), so no rule set can be chosen for it with
	 * certainty.
	 */
	AMBIGUOUS_PATH("Ambiguous path", "The request path can be read in more than one way (an encoded slash, semicolon"
			+ " or percent sign, an empty or dot segment), so the CORS policy refuses cross-origin requests to it.");

	private final String title;

	private final String detail;

	private final byte[] problemJson;

	RejectionReason(String title, String detail) {
		this.title = title;
		this.detail = detail;
		// Titles and details are fixed ASCII without quotes or backslashes: no JSON
		// escaping is needed.
		this.problemJson = ("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":403,\"detail\":\""
				+ detail + "\"}")
			.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Returns a short, human-readable summary, suitable for an RFC 9457 {@code title}.
	 * @return the title
	 */
	public String title() {
		return this.title;
	}

	/**
	 * Returns one sentence saying why the request was refused, suitable for an RFC 9457
	 * {@code detail}.
	 * @return the detail
	 */
	public String detail() {
		return this.detail;
	}

	/**
	 * Returns a short lowercase identifier, such as {@code origin_not_allowed}, for
	 * metric tags and logs.
	 * @return the tag
	 */
	public String tag() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Returns the RFC 9457 problem document for this reason, with status 403, as UTF-8
	 * JSON.
	 * @return a new copy of the body
	 */
	public byte[] problemJson() {
		return this.problemJson.clone();
	}

}
