package io.github.corsstarter.policy;

import java.util.Collection;

import org.jspecify.annotations.Nullable;

/**
 * What the policy decided for one request, with every response header value precomputed
 * when the policy was compiled. Decisions are shared, immutable instances: deciding
 * allocates nothing. Values that echo the request (its origin, and its requested method
 * or headers where the policy allows any) are taken from the request when the decision is
 * written.
 */
public final class CorsDecision {

	/**
	 * The kinds of decision.
	 */
	public enum Kind {

		/** The path is excluded or not covered: the request passes through untouched. */
		NOT_COVERED,

		/**
		 * The request has no {@code Origin} header: it passes through, with
		 * {@code Vary: Origin}, or with {@code Access-Control-Allow-Origin: *} under a
		 * fixed {@code *} policy.
		 */
		NOT_CORS,

		/** The origin is the request's own: it passes through without CORS headers. */
		SAME_ORIGIN,

		/**
		 * An allowed actual cross-origin request: CORS headers are written and the
		 * request goes on.
		 */
		ALLOWED,

		/** An allowed preflight: it is answered here and goes no further. */
		PREFLIGHT,

		/**
		 * A refused cross-origin request: it is answered with a 403 and goes no further.
		 */
		REJECTED

	}

	static final CorsDecision NOT_COVERED = passThrough(Kind.NOT_COVERED, null);

	private final Kind kind;

	private final @Nullable RejectionReason reason;

	private final @Nullable String vary;

	private final String[] varyTokens;

	private final @Nullable String allowOrigin;

	private final boolean allowCredentials;

	private final @Nullable String exposeHeaders;

	private final @Nullable String allowMethods;

	private final @Nullable String allowHeaders;

	private final @Nullable String maxAge;

	private final boolean allowPrivateNetwork;

	private final int preflightStatus;

	private CorsDecision(Kind kind, @Nullable RejectionReason reason, String @Nullable [] varyTokens,
			@Nullable String allowOrigin, boolean allowCredentials, @Nullable String exposeHeaders,
			@Nullable String allowMethods, @Nullable String allowHeaders, @Nullable String maxAge,
			boolean allowPrivateNetwork, int preflightStatus) {
		this.kind = kind;
		this.reason = reason;
		this.varyTokens = (varyTokens != null) ? varyTokens : new String[0];
		this.vary = (varyTokens != null) ? String.join(", ", varyTokens) : null;
		this.allowOrigin = allowOrigin;
		this.allowCredentials = allowCredentials;
		this.exposeHeaders = exposeHeaders;
		this.allowMethods = allowMethods;
		this.allowHeaders = allowHeaders;
		this.maxAge = maxAge;
		this.allowPrivateNetwork = allowPrivateNetwork;
		this.preflightStatus = preflightStatus;
	}

	static CorsDecision passThrough(Kind kind, String @Nullable [] vary) {
		return new CorsDecision(kind, null, vary, null, false, null, null, null, null, false, 0);
	}

	/**
	 * A request without {@code Origin} under a fixed {@code *} policy, answered
	 * {@code Access-Control-Allow-Origin: *} like every other request: the response is
	 * then the same for every origin, so a shared cache may serve it to a cross-origin
	 * caller (Fetch, "CORS protocol and HTTP caches"), and needs no {@code Vary: Origin}.
	 */
	static CorsDecision notCorsUnderFixedWildcard() {
		return new CorsDecision(Kind.NOT_CORS, null, null, "*", false, null, null, null, null, false, 0);
	}

	static CorsDecision rejected(RejectionReason reason, String[] vary) {
		return new CorsDecision(Kind.REJECTED, reason, vary, null, false, null, null, null, null, false, 0);
	}

	static CorsDecision allowed(String[] vary, @Nullable String allowOrigin, boolean allowCredentials,
			@Nullable String exposeHeaders) {
		return new CorsDecision(Kind.ALLOWED, null, vary, allowOrigin, allowCredentials, exposeHeaders, null, null,
				null, false, 0);
	}

	static CorsDecision preflight(String[] vary, @Nullable String allowOrigin, boolean allowCredentials,
			@Nullable String allowMethods, @Nullable String allowHeaders, String maxAge, boolean allowPrivateNetwork,
			int preflightStatus) {
		return new CorsDecision(Kind.PREFLIGHT, null, vary, allowOrigin, allowCredentials, null, allowMethods,
				allowHeaders, maxAge, allowPrivateNetwork, preflightStatus);
	}

	/**
	 * Returns the kind of decision.
	 * @return the kind
	 */
	public Kind kind() {
		return this.kind;
	}

	/**
	 * Returns whether the request goes on to the rest of the chain.
	 * @return {@code true} unless the decision is a preflight answer or a rejection
	 */
	public boolean isPassedOn() {
		return this.kind != Kind.PREFLIGHT && this.kind != Kind.REJECTED;
	}

	/**
	 * Returns why the request was rejected.
	 * @return the reason, or {@code null} unless the kind is {@link Kind#REJECTED}
	 */
	public @Nullable RejectionReason reason() {
		return this.reason;
	}

	/**
	 * Returns the status of a preflight answer.
	 * @return 200 or 204 for a {@link Kind#PREFLIGHT}, otherwise 0
	 */
	public int preflightStatus() {
		return this.preflightStatus;
	}

	/**
	 * Writes the response headers of this decision. Headers are set, not added, and
	 * {@code Vary} is merged with the values the response already has, so writing the
	 * same decision twice leaves the same headers.
	 * @param request the request the decision was made for
	 * @param response the response to write to
	 */
	public void writeHeaders(CorsRequest request, CorsResponse response) {
		if (this.kind == Kind.ALLOWED || this.kind == Kind.PREFLIGHT) {
			response.setHeader(CorsHeaders.ALLOW_ORIGIN, allowOrigin(request));
			if (this.allowCredentials) {
				response.setHeader(CorsHeaders.ALLOW_CREDENTIALS, "true");
			}
		}
		else if (this.allowOrigin != null) {
			response.setHeader(CorsHeaders.ALLOW_ORIGIN, this.allowOrigin);
		}
		if (this.kind == Kind.ALLOWED && this.exposeHeaders != null) {
			response.setHeader(CorsHeaders.EXPOSE_HEADERS, this.exposeHeaders);
		}
		if (this.kind == Kind.PREFLIGHT) {
			writePreflightHeaders(request, response);
		}
		writeVary(response);
	}

	/**
	 * Returns the value this decision writes for one of the
	 * {@link CorsHeaders#RESPONSE_HEADERS}, so that an adapter can check, without
	 * writing, that a response still carries exactly what {@link #writeHeaders} wrote.
	 * Only the {@link CorsHeaders#RESPONSE_HEADERS_FROM_REQUEST} depend on the request;
	 * an adapter may prepare the others once per decision.
	 * @param name the header name, in any case
	 * @param request the request the decision was made for
	 * @return the value, or {@code null} when this decision writes no such header
	 */
	public @Nullable String headerValue(String name, CorsRequest request) {
		boolean answered = this.kind == Kind.ALLOWED || this.kind == Kind.PREFLIGHT;
		boolean preflight = this.kind == Kind.PREFLIGHT;
		return switch (name) {
			case CorsHeaders.ALLOW_ORIGIN -> answered ? allowOrigin(request) : this.allowOrigin;
			case CorsHeaders.ALLOW_CREDENTIALS -> (answered && this.allowCredentials) ? "true" : null;
			case CorsHeaders.EXPOSE_HEADERS -> (this.kind == Kind.ALLOWED) ? this.exposeHeaders : null;
			case CorsHeaders.ALLOW_METHODS -> preflight ? allowMethods(request) : null;
			case CorsHeaders.ALLOW_HEADERS -> preflight ? allowHeaders(request) : null;
			case CorsHeaders.MAX_AGE -> preflight ? this.maxAge : null;
			case CorsHeaders.ALLOW_PRIVATE_NETWORK -> (preflight && this.allowPrivateNetwork) ? "true" : null;
			default -> headerValueSpeltOtherwise(name, request);
		};
	}

	private @Nullable String headerValueSpeltOtherwise(String name, CorsRequest request) {
		for (String known : CorsHeaders.RESPONSE_HEADERS) {
			if (known.equalsIgnoreCase(name)) {
				return headerValue(known, request);
			}
		}
		return null;
	}

	/**
	 * Returns the {@code Vary} value this decision writes on a response that has none, so
	 * that an adapter can check, without writing, that a response still carries it.
	 * @return the decision's tokens, comma-separated, or {@code null} when it adds none
	 */
	public @Nullable String vary() {
		return this.vary;
	}

	/**
	 * Merges this decision's {@code Vary} tokens into the response's {@code Vary},
	 * keeping the tokens it has: what {@link #writeHeaders} does for {@code Vary}, for an
	 * adapter to call again after the application wrote its own.
	 * @param response the response to write to
	 */
	public void writeVary(CorsResponse response) {
		if (this.vary != null) {
			mergeVary(response, this.vary);
		}
	}

	private void writePreflightHeaders(CorsRequest request, CorsResponse response) {
		String method = allowMethods(request);
		if (method != null) {
			response.setHeader(CorsHeaders.ALLOW_METHODS, method);
		}
		String headers = allowHeaders(request);
		if (headers != null) {
			response.setHeader(CorsHeaders.ALLOW_HEADERS, headers);
		}
		if (this.maxAge != null) {
			response.setHeader(CorsHeaders.MAX_AGE, this.maxAge);
		}
		if (this.allowPrivateNetwork) {
			response.setHeader(CorsHeaders.ALLOW_PRIVATE_NETWORK, "true");
		}
	}

	private String allowOrigin(CorsRequest request) {
		return (this.allowOrigin != null) ? this.allowOrigin : origin(request);
	}

	private @Nullable String allowMethods(CorsRequest request) {
		return (this.allowMethods != null) ? this.allowMethods : request.accessControlRequestMethod();
	}

	private @Nullable String allowHeaders(CorsRequest request) {
		String requestedHeaders = request.accessControlRequestHeaders();
		if (requestedHeaders == null || requestedHeaders.isBlank()) {
			return null;
		}
		return (this.allowHeaders != null) ? this.allowHeaders : requestedHeaders.strip();
	}

	private static String origin(CorsRequest request) {
		String origin = request.origin();
		if (origin == null) {
			throw new IllegalStateException("An allowed cross-origin request has an Origin header");
		}
		return origin;
	}

	private void mergeVary(CorsResponse response, String vary) {
		Collection<String> existing = response.getHeaders(CorsHeaders.VARY);
		if (existing.isEmpty()) {
			response.setHeader(CorsHeaders.VARY, vary);
			return;
		}
		// Written before, on the same response (an error dispatch, a commit after an
		// error): nothing to merge.
		if (existing.size() == 1 && vary.equals(existing.iterator().next())) {
			return;
		}
		String merged = VaryHeader.merge(existing, this.varyTokens);
		if (merged != null) {
			response.setHeader(CorsHeaders.VARY, merged);
		}
	}

	@Override
	public String toString() {
		return (this.reason != null) ? this.kind + " (" + this.reason + ")" : this.kind.toString();
	}

}
