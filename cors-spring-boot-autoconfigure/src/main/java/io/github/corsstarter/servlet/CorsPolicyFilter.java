package io.github.corsstarter.servlet;

import java.io.IOException;
import java.util.Objects;
import java.util.function.Supplier;

import io.github.corsstarter.policy.CorsDecision;
import io.github.corsstarter.policy.CorsDecisionListener;
import io.github.corsstarter.policy.CorsPolicy;
import io.github.corsstarter.policy.IgnoredCorsHeaders;
import org.jspecify.annotations.Nullable;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;

/**
 * Applies a {@link CorsPolicy} to servlet requests: answers preflights, refuses what the
 * policy refuses, and adds the CORS headers of allowed requests before the rest of the
 * chain runs.
 * <p>
 * Register it for the {@code REQUEST}, {@code ASYNC} and {@code ERROR} dispatcher types.
 * The policy decides once, on the request dispatch; on an async or error dispatch of the
 * same request the filter writes that decision's headers again, so that an error page
 * rendered after a failure (401, 404, 500) still carries them, exactly once.
 * <p>
 * On a covered path the starter owns the CORS headers: the rest of the chain writes to a
 * response that ignores the {@code Access-Control-*} headers the application writes and
 * merges its {@code Vary} with the decision's, and the first attempt to write each such
 * header is logged at WARN with the header name and the path.
 */
public class CorsPolicyFilter implements Filter {

	/**
	 * The default order of the filter's registration. Spring Boot registers
	 * {@code ForwardedHeaderFilter} (with
	 * {@code server.forward-headers-strategy=framework}) at {@code HIGHEST_PRECEDENCE}
	 * and its observation filter just after it: CORS must see the scheme and host those
	 * apply, to recognise same-origin requests behind a TLS proxy. Everything that may
	 * refuse or consume a preflight comes later: {@code HiddenHttpMethodFilter} (-10000),
	 * {@code FormContentFilter} (-9900), {@code RequestContextFilter} (-105), Spring
	 * Security (-100), and application filters, which default to
	 * {@code LOWEST_PRECEDENCE}.
	 */
	public static final int DEFAULT_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	/** The request attribute holding the decision made on the request dispatch. */
	public static final String DECISION_ATTRIBUTE = CorsPolicyFilter.class.getName() + ".decision";

	private final Supplier<CorsPolicy> policy;

	private final CorsRejectionHandler rejectionHandler;

	private final IgnoredCorsHeaders ignoredHeaders = new IgnoredCorsHeaders();

	private @Nullable CorsDecisionListener decisionListener;

	/**
	 * Creates a filter that applies one policy.
	 * @param policy the policy to apply
	 * @param rejectionHandler writes the response to refused requests
	 */
	public CorsPolicyFilter(CorsPolicy policy, CorsRejectionHandler rejectionHandler) {
		this(() -> policy, rejectionHandler);
	}

	/**
	 * Creates a filter that applies whichever policy is current when a request arrives,
	 * so that the policy can be replaced while the application runs. Each request is
	 * decided by one policy from start to end.
	 * @param policy supplies the current policy; called once per request
	 * @param rejectionHandler writes the response to refused requests
	 */
	public CorsPolicyFilter(Supplier<CorsPolicy> policy, CorsRejectionHandler rejectionHandler) {
		this.policy = policy;
		this.rejectionHandler = rejectionHandler;
	}

	/**
	 * Sets the listener told of every decision, for metrics and logs.
	 * @param decisionListener the listener, or {@code null} for none
	 */
	public void setDecisionListener(@Nullable CorsDecisionListener decisionListener) {
		this.decisionListener = decisionListener;
	}

	@Override
	public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
			throws IOException, ServletException {
		if (!(servletRequest instanceof HttpServletRequest request)
				|| !(servletResponse instanceof HttpServletResponse response)) {
			chain.doFilter(servletRequest, servletResponse);
			return;
		}
		if (request.getDispatcherType() != DispatcherType.REQUEST) {
			filterDispatch(request, response, chain);
			return;
		}
		ServletCorsExchange exchange = new ServletCorsExchange(request, response);
		CorsDecision decision = this.policy.get().decide(exchange);
		if (this.decisionListener != null) {
			this.decisionListener.onDecision(exchange, decision);
		}
		decision.writeHeaders(exchange, exchange);
		switch (decision.kind()) {
			case PREFLIGHT -> response.setStatus(decision.preflightStatus());
			case REJECTED -> this.rejectionHandler.reject(request, response, Objects.requireNonNull(decision.reason()));
			default -> {
				request.setAttribute(DECISION_ATTRIBUTE, decision);
				// An uncovered path is the application's, CORS headers and all.
				chain.doFilter(request, (decision.kind() != CorsDecision.Kind.NOT_COVERED)
						? new CorsHeadersResponse(request, response, decision, this.ignoredHeaders) : response);
			}
		}
	}

	/**
	 * An async or error dispatch of a request decided on its request dispatch: the
	 * decision's headers again, and the rest of the chain behind the wrapper, unless the
	 * response already goes through it (an async dispatch goes on with the response given
	 * to {@code startAsync}, which Spring MVC takes from the request dispatch).
	 */
	private void filterDispatch(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (!(request.getAttribute(DECISION_ATTRIBUTE) instanceof CorsDecision decided) || !decided.isPassedOn()
				|| decided.kind() == CorsDecision.Kind.NOT_COVERED) {
			chain.doFilter(request, response);
			return;
		}
		CorsHeadersResponse owned = CorsHeadersResponse.find(response);
		if (owned != null) {
			owned.restoreHeaders();
			chain.doFilter(request, response);
			return;
		}
		ServletCorsExchange exchange = new ServletCorsExchange(request, response);
		decided.writeHeaders(exchange, exchange);
		chain.doFilter(request, new CorsHeadersResponse(request, response, decided, this.ignoredHeaders));
	}

}
