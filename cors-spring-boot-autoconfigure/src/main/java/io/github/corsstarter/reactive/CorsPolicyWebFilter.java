package io.github.corsstarter.reactive;

import java.util.Objects;
import java.util.function.Supplier;

import io.github.corsstarter.policy.CorsDecision;
import io.github.corsstarter.policy.CorsDecisionListener;
import io.github.corsstarter.policy.CorsPolicy;
import io.github.corsstarter.policy.IgnoredCorsHeaders;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Applies a {@link CorsPolicy} to reactive exchanges: answers preflights, refuses what
 * the policy refuses, and adds the CORS headers of allowed requests before the rest of
 * the chain runs.
 * <p>
 * On a covered path the starter owns the CORS headers. The rest of the chain sees a
 * response that makes its CORS headers the decision's again just before it commits, so
 * that a response whose headers a handler or a later filter wrote (its own {@code Vary},
 * an {@code Access-Control-Allow-Origin: *}, a 401) still carries exactly the starter's,
 * once each, and a {@code Vary} that keeps the application's tokens; the first attempt to
 * write each CORS header is logged at WARN with the header name and the path. When the
 * chain fails, the error response (404, 500) is rendered outside it, on the exchange's
 * own response: a {@link CorsErrorHeadersHandler} makes the headers the decision's again
 * before that.
 */
public class CorsPolicyWebFilter implements WebFilter, Ordered {

	/**
	 * The default order: first of all web filters. Forwarded headers are applied before
	 * any web filter runs, and everything that may refuse or consume a preflight, such as
	 * Spring Security's {@code WebFilterChainProxy} (-100), must come after.
	 */
	public static final int DEFAULT_ORDER = Ordered.HIGHEST_PRECEDENCE;

	/**
	 * The most request body bytes read and discarded before a preflight answer or a
	 * refusal is written.
	 * <p>
	 * The filter answers a request it does not pass on once the request has been read to
	 * its end, its body (empty, as a rule) discarded. Answering before that is a trigger
	 * for a Reactor Netty bug (reactor/reactor-netty#4361, seen with 1.3.6, the version
	 * Spring Boot 4.0.7 manages, and reported fixed upstream after it): a keep-alive
	 * request that arrived while the previous response was still completing on another
	 * thread (as Spring Security's authentication does) is buffered with its
	 * end-of-request marker; when its answer completes synchronously, before that marker
	 * is taken from the buffer, the connection never reads again and the client's next
	 * request on it is never answered. Waiting for the end of the request lets the marker
	 * reach the request first, and the answer then completes after it. A body that cannot
	 * be read (the client went away, or a filter ordered before this one read it) does
	 * not stop the answer: it is written as it was before. Nor does a large one: past
	 * this many bytes the answer is written at once, so that a refused client cannot make
	 * the server read an upload it never wanted.
	 */
	static final int MAX_DRAINED_BYTES = 64 * 1024;

	private final Supplier<CorsPolicy> policy;

	private final CorsRejectionHandler rejectionHandler;

	private final IgnoredCorsHeaders ignoredHeaders = new IgnoredCorsHeaders();

	private @Nullable CorsDecisionListener decisionListener;

	private int order = DEFAULT_ORDER;

	/**
	 * Creates a filter that applies one policy.
	 * @param policy the policy to apply
	 * @param rejectionHandler writes the response to refused requests
	 */
	public CorsPolicyWebFilter(CorsPolicy policy, CorsRejectionHandler rejectionHandler) {
		this(() -> policy, rejectionHandler);
	}

	/**
	 * Creates a filter that applies whichever policy is current when a request arrives,
	 * so that the policy can be replaced while the application runs. Each request is
	 * decided by one policy from start to end.
	 * @param policy supplies the current policy; called once per request
	 * @param rejectionHandler writes the response to refused requests
	 */
	public CorsPolicyWebFilter(Supplier<CorsPolicy> policy, CorsRejectionHandler rejectionHandler) {
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

	/**
	 * Sets the order of this filter among the application's web filters.
	 * @param order the order, {@link #DEFAULT_ORDER} unless set
	 */
	public void setOrder(int order) {
		this.order = order;
	}

	@Override
	public int getOrder() {
		return this.order;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ReactiveCorsExchange cors = ReactiveCorsExchange.of(exchange);
		CorsDecision decision = this.policy.get().decide(cors);
		if (this.decisionListener != null) {
			this.decisionListener.onDecision(cors, decision);
		}
		cors.writeHeaders(decision);
		ServerHttpResponse response = exchange.getResponse();
		switch (decision.kind()) {
			case PREFLIGHT -> {
				response.setStatusCode(HttpStatusCode.valueOf(decision.preflightStatus()));
				return cors.answerAfterBody(response::setComplete, MAX_DRAINED_BYTES);
			}
			case REJECTED -> {
				return cors.answerAfterBody(
						() -> this.rejectionHandler.reject(exchange, Objects.requireNonNull(decision.reason())),
						MAX_DRAINED_BYTES);
			}
			case NOT_COVERED -> {
				return chain.filter(exchange);
			}
			default -> {
				ServerHttpResponse decorated = CorsHeadersResponse.of(response, decision, cors, this.ignoredHeaders);
				return chain.filter(new CorsHeadersExchange(exchange, decorated));
			}
		}
	}

	/**
	 * Makes the CORS headers of an exchange's response what the policy in force decides
	 * for the request, unless the response is committed or the request was not passed on
	 * from a covered path: what the response decorator does at commit, for an error
	 * response rendered outside the filter chain.
	 * @param exchange the exchange, with its own response
	 */
	void restoreHeaders(ServerWebExchange exchange) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return;
		}
		ReactiveCorsExchange cors = ReactiveCorsExchange.of(exchange);
		CorsDecision decision = this.policy.get().decide(cors);
		if (decision.isPassedOn() && decision.kind() != CorsDecision.Kind.NOT_COVERED) {
			new CorsHeadersResponse(response, decision, cors, this.ignoredHeaders).restoreHeaders();
		}
	}

}
