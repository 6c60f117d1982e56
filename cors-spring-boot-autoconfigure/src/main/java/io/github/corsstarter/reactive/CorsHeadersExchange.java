package io.github.corsstarter.reactive;

import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;

/**
 * The exchange the rest of the chain sees for a request passed on from a covered path:
 * the same exchange with {@link CorsHeadersResponse} as its response. What
 * {@code exchange.mutate().response(decorated).build()} gives, without the builder and
 * its decorator; a later {@link ServerWebExchange#mutate()} wraps this one, so the
 * response it keeps is still the decorated one.
 */
final class CorsHeadersExchange extends ServerWebExchangeDecorator {

	private final ServerHttpResponse response;

	CorsHeadersExchange(ServerWebExchange delegate, ServerHttpResponse response) {
		super(delegate);
		this.response = response;
	}

	@Override
	public ServerHttpResponse getResponse() {
		return this.response;
	}

}
