package io.github.corsstarter.policy;

import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The compiled rules of the top level or of one mapping: which origins, methods and
 * headers are allowed, and every decision they can lead to, built once.
 */
final class CorsRules {

	/**
	 * Longest {@code Access-Control-Request-Headers} value read. Browsers send the names
	 * of the non-safelisted headers a script set, lowercase and comma-separated; a longer
	 * value is refused without being scanned.
	 */
	static final int MAX_REQUEST_HEADERS_LENGTH = 4096;

	private static final String[] VARY_ORIGIN = { CorsHeaders.ORIGIN };

	private static final String[] VARY_PREFLIGHT = { CorsHeaders.ORIGIN, CorsHeaders.REQUEST_METHOD,
			CorsHeaders.REQUEST_HEADERS };

	private static final String[] VARY_PREFLIGHT_PRIVATE_NETWORK = { CorsHeaders.ORIGIN, CorsHeaders.REQUEST_METHOD,
			CorsHeaders.REQUEST_HEADERS, CorsHeaders.REQUEST_PRIVATE_NETWORK };

	private final OriginMatcher origins;

	private final boolean anyMethod;

	private final SubstringSet methods;

	private final boolean anyHeader;

	private final SubstringSet headers;

	private final boolean allowPrivateNetwork;

	private final CorsDecision notCors;

	private final CorsDecision sameOrigin;

	private final CorsDecision allowed;

	private final CorsDecision preflight;

	private final CorsDecision preflightPrivateNetwork;

	private final CorsDecision[] actualRejections;

	private final CorsDecision[] preflightRejections;

	private final EffectiveRules effective;

	private final String summary;

	CorsRules(OriginMatcher origins, EffectiveRules effective) {
		List<String> methods = effective.methods();
		List<String> allowedHeaders = effective.allowedHeaders();
		boolean allowCredentials = effective.allowCredentials();
		boolean allowPrivateNetwork = effective.allowPrivateNetwork();
		int preflightStatus = effective.preflightStatus();
		this.effective = effective;
		this.origins = origins;
		this.anyMethod = methods.contains("*");
		this.methods = SubstringSet.of(methods);
		this.anyHeader = allowedHeaders.contains("*");
		this.headers = SubstringSet.ofIgnoringCase(allowedHeaders);
		this.allowPrivateNetwork = allowPrivateNetwork;

		// A fixed '*' answers every origin alike: only then may responses skip Vary:
		// Origin (Fetch, "CORS protocol
		// and HTTP caches"). Requests without Origin are answered '*' too (behaviour
		// 2.2), or a cache would store a
		// copy without it and serve that to a cross-origin caller, who would then be
		// blocked.
		boolean fixedWildcard = effective.isFixedWildcard();
		String allowOrigin = fixedWildcard ? "*" : null;
		String[] varyPreflight = allowPrivateNetwork ? VARY_PREFLIGHT_PRIVATE_NETWORK : VARY_PREFLIGHT;
		this.notCors = fixedWildcard ? CorsDecision.notCorsUnderFixedWildcard()
				: CorsDecision.passThrough(CorsDecision.Kind.NOT_CORS, VARY_ORIGIN);
		this.sameOrigin = CorsDecision.passThrough(CorsDecision.Kind.SAME_ORIGIN, fixedWildcard ? null : VARY_ORIGIN);
		this.allowed = CorsDecision.allowed(VARY_ORIGIN, allowOrigin, allowCredentials,
				joinOrNull(effective.exposedHeaders()));
		String allowMethods = this.anyMethod ? null : String.join(",", methods);
		String allowHeaders = this.anyHeader ? null : String.join(",", allowedHeaders);
		// Negative durations are refused when compiling; sub-second ones round down to 0.
		String maxAge = Long.toString(effective.maxAge().toSeconds());
		this.preflight = CorsDecision.preflight(varyPreflight, allowOrigin, allowCredentials, allowMethods,
				allowHeaders, maxAge, false, preflightStatus);
		this.preflightPrivateNetwork = CorsDecision.preflight(varyPreflight, allowOrigin, allowCredentials,
				allowMethods, allowHeaders, maxAge, true, preflightStatus);
		RejectionReason[] reasons = RejectionReason.values();
		this.actualRejections = new CorsDecision[reasons.length];
		this.preflightRejections = new CorsDecision[reasons.length];
		for (RejectionReason reason : reasons) {
			this.actualRejections[reason.ordinal()] = CorsDecision.rejected(reason, VARY_ORIGIN);
			this.preflightRejections[reason.ordinal()] = CorsDecision.rejected(reason, varyPreflight);
		}
		this.summary = origins.summary() + ", methods=" + methods + ", allowed-headers=" + allowedHeaders
				+ ", exposed-headers=" + effective.exposedHeaders() + ", allow-credentials=" + allowCredentials
				+ ", max-age=" + effective.maxAge().toSeconds() + "s"
				+ (allowPrivateNetwork ? ", allow-private-network=true" : "");
	}

	private static @Nullable String joinOrNull(Collection<String> values) {
		return values.isEmpty() ? null : String.join(",", values);
	}

	CorsDecision decide(CorsRequest request) {
		String origin = request.origin();
		if (origin == null) {
			return this.notCors;
		}
		boolean isPreflight = isPreflight(request);
		CorsDecision[] rejections = isPreflight ? this.preflightRejections : this.actualRejections;
		int hostEnd = request.hasSeveralOrigins() ? -1 : OriginSyntax.hostEnd(origin);
		if (hostEnd < 0) {
			return rejections[RejectionReason.MALFORMED_ORIGIN.ordinal()];
		}
		if (isSameOrigin(origin, hostEnd, request)) {
			return this.sameOrigin;
		}
		if (!this.origins.matches(origin, hostEnd)) {
			return rejections[RejectionReason.ORIGIN_NOT_ALLOWED.ordinal()];
		}
		if (!isPreflight) {
			return isActualMethodAllowed(request.method()) ? this.allowed
					: rejections[RejectionReason.METHOD_NOT_ALLOWED.ordinal()];
		}
		return decidePreflight(request, rejections);
	}

	/**
	 * Decides a request whose path could not be resolved to the one the application
	 * routes: a cross-origin request is refused, since any rule set chosen for it might
	 * be looser than its routed path's; anything else passes through untouched.
	 */
	CorsDecision decideUnresolvedPath(CorsRequest request) {
		String origin = request.origin();
		if (origin == null) {
			return CorsDecision.NOT_COVERED;
		}
		int hostEnd = request.hasSeveralOrigins() ? -1 : OriginSyntax.hostEnd(origin);
		if (hostEnd >= 0 && isSameOrigin(origin, hostEnd, request)) {
			return CorsDecision.NOT_COVERED;
		}
		CorsDecision[] rejections = isPreflight(request) ? this.preflightRejections : this.actualRejections;
		return rejections[RejectionReason.AMBIGUOUS_PATH.ordinal()];
	}

	/**
	 * Fetch, "CORS-preflight request": an {@code OPTIONS} request that names the method
	 * it asks for.
	 */
	private static boolean isPreflight(CorsRequest request) {
		return "OPTIONS".equals(request.method()) && request.accessControlRequestMethod() != null;
	}

	private CorsDecision decidePreflight(CorsRequest request, CorsDecision[] rejections) {
		String method = request.accessControlRequestMethod();
		if (method == null || !isPreflightMethodAllowed(method)) {
			return rejections[RejectionReason.METHOD_NOT_ALLOWED.ordinal()];
		}
		String headers = request.accessControlRequestHeaders();
		if (headers != null && !areHeadersAllowed(headers)) {
			return rejections[RejectionReason.HEADER_NOT_ALLOWED.ordinal()];
		}
		// Private Network Access: the browser asks with "true" and needs the same answer.
		if ("true".equals(request.accessControlRequestPrivateNetwork())) {
			return this.allowPrivateNetwork ? this.preflightPrivateNetwork
					: rejections[RejectionReason.PRIVATE_NETWORK_NOT_ALLOWED.ordinal()];
		}
		return this.preflight;
	}

	/**
	 * Fetch, "CORS-safelisted method": GET, HEAD and POST need no permission; methods
	 * compare case-sensitively.
	 */
	private boolean isActualMethodAllowed(String method) {
		return isSafelisted(method) || this.anyMethod || this.methods.contains(method);
	}

	private boolean isPreflightMethodAllowed(String method) {
		if (isSafelisted(method) || this.methods.contains(method)) {
			return true;
		}
		return this.anyMethod && HttpTokens.isToken(method);
	}

	private static boolean isSafelisted(String method) {
		return "GET".equals(method) || "HEAD".equals(method) || "POST".equals(method);
	}

	/**
	 * Checks every name of a comma-separated {@code Access-Control-Request-Headers}
	 * value, case-insensitively. Empty elements and optional white space are tolerated;
	 * anything that is not a token is refused.
	 */
	private boolean areHeadersAllowed(String value) {
		int length = value.length();
		if (length > MAX_REQUEST_HEADERS_LENGTH) {
			return false;
		}
		int start = 0;
		while (start <= length) {
			int comma = value.indexOf(',', start);
			int end = (comma < 0) ? length : comma;
			int from = start;
			int to = end;
			while (from < to && HttpTokens.isOptionalWhitespace(value.charAt(from))) {
				from++;
			}
			while (to > from && HttpTokens.isOptionalWhitespace(value.charAt(to - 1))) {
				to--;
			}
			if (from < to && !isHeaderAllowed(value, from, to)) {
				return false;
			}
			start = end + 1;
		}
		return true;
	}

	private boolean isHeaderAllowed(String value, int from, int to) {
		if (!HttpTokens.isToken(value, from, to)) {
			return false;
		}
		return this.anyHeader || this.headers.contains(value, from, to);
	}

	/**
	 * Returns whether the origin is the request's own, as the server sees it (after
	 * forwarded headers were applied): same scheme, same host, same port once defaults
	 * are filled in.
	 */
	private static boolean isSameOrigin(String origin, int hostEnd, CorsRequest request) {
		String scheme = request.scheme();
		int hostStart = OriginSyntax.hostStart(origin);
		if (hostStart != scheme.length() + 3 || !origin.regionMatches(true, 0, scheme, 0, scheme.length())) {
			return false;
		}
		String host = request.host();
		int originHostStart = hostStart;
		int originHostEnd = hostEnd;
		if (!host.isEmpty() && host.charAt(0) != '[' && origin.charAt(hostStart) == '[') {
			originHostStart++;
			originHostEnd--;
		}
		int hostLength = originHostEnd - originHostStart;
		if (host.length() != hostLength || !origin.regionMatches(true, originHostStart, host, 0, hostLength)) {
			return false;
		}
		int port = request.port();
		if (port <= 0) {
			port = OriginSyntax.defaultPort(hostStart);
		}
		return port == OriginSyntax.port(origin, hostEnd);
	}

	boolean hasNoOrigins() {
		return this.origins.isEmpty();
	}

	EffectiveRules effective() {
		return this.effective;
	}

	String summary() {
		return this.summary;
	}

}
