package io.github.corsstarter.reactive;

import java.io.File;
import java.nio.file.Path;

import io.github.corsstarter.policy.CorsDecision;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ZeroCopyHttpOutputMessage;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;

/**
 * The response the rest of the chain sees for a request passed on: each way of committing it (a body, a stream of
 * bodies, no body) writes the decision's headers once more first, so that a handler that replaced {@code Vary}, or
 * any other of them, still answers with the starter's. Writing is idempotent: headers are set, and {@code Vary} is
 * merged.
 * <p>
 * A commit action ({@code beforeCommit}) would do the same, at the price of the commit running every action through
 * a reactive concatenation, which costs more than the rest of the filter. Error responses rendered outside the
 * filter chain, on the exchange's own response, keep the headers written before the chain ran.
 */
class CorsHeadersResponse extends ServerHttpResponseDecorator {

	private final CorsDecision decision;

	private final ReactiveCorsExchange cors;

	CorsHeadersResponse(ServerHttpResponse delegate, CorsDecision decision, ReactiveCorsExchange cors) {
		super(delegate);
		this.decision = decision;
		this.cors = cors;
	}

	/**
	 * Decorates a response, keeping zero-copy file transfer when the server's response offers it.
	 * @param response the exchange's response
	 * @param decision the decision whose headers to keep
	 * @param cors the exchange as the engine saw it
	 * @return the decorated response
	 */
	static CorsHeadersResponse of(ServerHttpResponse response, CorsDecision decision, ReactiveCorsExchange cors) {
		return (response instanceof ZeroCopyHttpOutputMessage) ? new ZeroCopy(response, decision, cors)
				: new CorsHeadersResponse(response, decision, cors);
	}

	final void rewriteHeaders() {
		if (!isCommitted()) {
			this.decision.writeHeaders(this.cors, this.cors);
		}
	}

	@Override
	public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
		rewriteHeaders();
		return super.writeWith(body);
	}

	@Override
	public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
		rewriteHeaders();
		return super.writeAndFlushWith(body);
	}

	@Override
	public Mono<Void> setComplete() {
		rewriteHeaders();
		return super.setComplete();
	}

	/**
	 * The same for a response that can send a file without copying it.
	 */
	private static final class ZeroCopy extends CorsHeadersResponse implements ZeroCopyHttpOutputMessage {

		ZeroCopy(ServerHttpResponse delegate, CorsDecision decision, ReactiveCorsExchange cors) {
			super(delegate, decision, cors);
		}

		@Override
		public Mono<Void> writeWith(Path file, long position, long count) {
			rewriteHeaders();
			return ((ZeroCopyHttpOutputMessage) getDelegate()).writeWith(file, position, count);
		}

		@Override
		public Mono<Void> writeWith(File file, long position, long count) {
			rewriteHeaders();
			return ((ZeroCopyHttpOutputMessage) getDelegate()).writeWith(file, position, count);
		}

	}

}
