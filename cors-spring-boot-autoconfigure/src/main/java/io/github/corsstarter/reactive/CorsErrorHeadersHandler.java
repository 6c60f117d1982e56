package io.github.corsstarter.reactive;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Gives the response to a failed exchange the starter's CORS headers before it is
 * rendered. WebFlux renders it outside the web filter chain, with its
 * {@link WebExceptionHandler}s, on the exchange's own response, which the response
 * decorator of {@link CorsPolicyWebFilter} never sees, while a handler may have written
 * CORS headers of its own before it failed. Ordered first of them, this handler makes the
 * CORS headers the decision's again, as the decorator does at commit, and lets the next
 * handler render the error.
 * <p>
 * The servlet filter needs nothing like it: the container's error dispatch runs the
 * filter again.
 */
public class CorsErrorHeadersHandler implements WebExceptionHandler, Ordered {

	/**
	 * The order: before Spring Boot's {@code ErrorWebExceptionHandler} (-1) and Spring's
	 * {@code WebFluxResponseStatusExceptionHandler} (0), which render error responses.
	 */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

	private final CorsPolicyWebFilter filter;

	/**
	 * Creates a handler for the responses a filter passed on.
	 * @param filter the filter whose policy decides the headers, and which reports the
	 * application's
	 */
	public CorsErrorHeadersHandler(CorsPolicyWebFilter filter) {
		this.filter = filter;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		this.filter.restoreHeaders(exchange);
		return Mono.error(ex);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
