package io.github.corsstarter.benchmarks;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.cors.DefaultCorsProcessor;

/**
 * Spring's CORS decision alone, the counterpart of the starter's
 * {@code CorsPolicy.decide}: the checks that {@link DefaultCorsProcessor#processRequest}
 * and its {@code handleInternal} make, in their order, through Spring's public API,
 * without the request and response wrappers they create and without writing any header.
 * The request headers are given already parsed, as {@link HttpHeaders} made once, which
 * spares Spring the copy of every header it makes per request: this measures Spring's
 * decision at its cheapest.
 *
 * @param configuration Spring's configuration of the policy
 * @param request the request decided on
 * @param headers the request's headers, parsed once
 */
record SpringCorsDecision(CorsConfiguration configuration, HttpServletRequest request, HttpHeaders headers) {

	/**
	 * Decides, as {@code DefaultCorsProcessor} would.
	 * @return what Spring does with the request
	 */
	Outcome.Kind decide() {
		try {
			if (!CorsUtils.isCorsRequest(this.request)) {
				return Outcome.Kind.PASSED_THROUGH;
			}
		}
		catch (IllegalArgumentException ex) {
			// DefaultCorsProcessor refuses an Origin it cannot parse.
			return Outcome.Kind.REJECTED;
		}
		boolean preflight = CorsUtils.isPreFlightRequest(this.request);
		if (this.configuration.checkOrigin(this.headers.getOrigin()) == null) {
			return Outcome.Kind.REJECTED;
		}
		HttpMethod method = preflight ? this.headers.getAccessControlRequestMethod()
				: HttpMethod.valueOf(this.request.getMethod());
		if (this.configuration.checkHttpMethod(method) == null) {
			return Outcome.Kind.REJECTED;
		}
		// As handleInternal does: an actual request's header names are checked too, and
		// the answer ignored.
		List<String> requestHeaders = preflight ? this.headers.getAccessControlRequestHeaders()
				: new ArrayList<>(this.headers.headerNames());
		List<String> allowedHeaders = this.configuration.checkHeaders(requestHeaders);
		if (preflight && allowedHeaders == null) {
			return Outcome.Kind.REJECTED;
		}
		return preflight ? Outcome.Kind.PREFLIGHT : Outcome.Kind.ALLOWED;
	}

	/**
	 * Returns the decision with the {@code Access-Control-Allow-Origin} Spring would
	 * write.
	 * @return the outcome
	 */
	Outcome outcome() {
		Outcome.Kind kind = decide();
		boolean allowed = kind == Outcome.Kind.ALLOWED || kind == Outcome.Kind.PREFLIGHT;
		String allowOrigin = allowed ? this.configuration.checkOrigin(this.headers.getOrigin()) : null;
		return new Outcome(kind, allowOrigin);
	}

}
