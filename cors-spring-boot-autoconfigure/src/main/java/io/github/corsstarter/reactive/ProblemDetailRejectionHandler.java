package io.github.corsstarter.reactive;

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

	@Override
	public Mono<Void> reject(ServerWebExchange exchange, RejectionReason reason) {
		byte[] body = reason.problemJson();
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(HttpStatus.FORBIDDEN);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		response.getHeaders().setContentLength(body.length);
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
	}

}
