package io.github.corsstarter.benchmarks.doubles;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.AbstractServerHttpResponse;
import org.springframework.http.support.Netty4HeadersAdapter;

/**
 * A reactive response with the life cycle of a server's own (status, headers, commit
 * actions, all from {@link AbstractServerHttpResponse}) whose body is released as it is
 * written, and whose status and headers go nowhere. Its headers are what Spring's
 * {@code ReactorServerHttpResponse} has: new Netty headers behind
 * {@link Netty4HeadersAdapter}. Unlike {@code MockServerHttpResponse}, it creates no
 * exception and caches no body, so the exchange around the filters costs little of its
 * own.
 */
public final class DiscardingServerHttpResponse extends AbstractServerHttpResponse {

	/**
	 * Creates a response with empty Netty headers.
	 */
	public DiscardingServerHttpResponse() {
		super(DefaultDataBufferFactory.sharedInstance,
				new HttpHeaders(new Netty4HeadersAdapter(new DefaultHttpHeaders())));
	}

	@Override
	public <T> T getNativeResponse() {
		throw new UnsupportedOperationException("A discarding response has no native response");
	}

	@Override
	protected Mono<Void> writeWithInternal(Publisher<? extends DataBuffer> body) {
		return Flux.from(body).doOnNext(DataBufferUtils::release).then();
	}

	@Override
	protected Mono<Void> writeAndFlushWithInternal(Publisher<? extends Publisher<? extends DataBuffer>> body) {
		return Flux.from(body).concatMap(Flux::from).doOnNext(DataBufferUtils::release).then();
	}

	@Override
	protected void applyStatusCode() {
		// Nothing to apply it to: the status stays readable from this response.
	}

	@Override
	protected void applyHeaders() {
		// Nothing to apply them to: the headers stay readable from this response.
	}

	@Override
	protected void applyCookies() {
		// Nothing to apply them to.
	}

}
