package io.github.corsstarter.reactive;

import java.util.Arrays;

import io.github.corsstarter.policy.RejectionReason;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * The default {@link CorsRejectionHandler}: a 403 with an RFC 9457
 * {@code application/problem+json} body that says which rule refused the request, and
 * never which origins are allowed.
 */
public class ProblemDetailRejectionHandler implements CorsRejectionHandler {

	/**
	 * Each reason's body, encoded once: a buffer wrapping it is only read.
	 */
	private final byte[][] bodies = Arrays.stream(RejectionReason.values())
		.map(RejectionReason::problemJson)
		.toArray(byte[][]::new);

	@Override
	public Mono<Void> reject(ServerWebExchange exchange, RejectionReason reason) {
		byte[] body = this.bodies[reason.ordinal()];
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(HttpStatus.FORBIDDEN);
		return ReactiveCorsExchange.writeBody(response, MediaType.APPLICATION_PROBLEM_JSON_VALUE, body);
	}

}
