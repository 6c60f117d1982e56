package io.github.corsstarter.reactive;

import io.github.corsstarter.policy.RejectionReason;
import reactor.core.publisher.Mono;

import org.springframework.web.server.ServerWebExchange;

/**
 * Writes the response to a cross-origin request that the policy refused. The exchange
 * goes no further: no other filter, no handler. The CORS filter has already set
 * {@code Vary} and no {@code Access-Control-Allow-*} header; an implementation should not
 * add any.
 * <p>
 * Declare a bean of this type to replace the default RFC 9457
 * {@code application/problem+json} 403.
 */
@FunctionalInterface
public interface CorsRejectionHandler {

	/**
	 * Writes the rejection.
	 * @param exchange the refused exchange, its response not yet committed
	 * @param reason why it was refused
	 * @return completion of the response
	 */
	Mono<Void> reject(ServerWebExchange exchange, RejectionReason reason);

}
