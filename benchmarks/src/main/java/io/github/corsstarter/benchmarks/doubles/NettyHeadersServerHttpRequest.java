package io.github.corsstarter.benchmarks.doubles;

import java.net.URI;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.HttpHeaders;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.AbstractServerHttpRequest;
import org.springframework.http.server.reactive.SslInfo;
import org.springframework.http.support.Netty4HeadersAdapter;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A reactive request built as Spring's {@code ReactorServerHttpRequest} builds one for
 * each request Reactor Netty receives: a new request over the Netty headers the server
 * decoded, seen through Spring's {@link Netty4HeadersAdapter}, and a body that is a
 * mapped view of the connection's inbound content. The headers are decoded once, as the
 * server does before the application sees a request; the request around them is new for
 * each exchange. The body is empty, as a request without content is.
 */
public final class NettyHeadersServerHttpRequest extends AbstractServerHttpRequest {

	private static final NettyDataBufferFactory BUFFERS = new NettyDataBufferFactory(ByteBufAllocator.DEFAULT);

	/**
	 * Creates a request.
	 * @param method the method
	 * @param uri the URI the request was sent to
	 * @param headers the request headers, as Netty decoded them
	 */
	public NettyHeadersServerHttpRequest(HttpMethod method, URI uri, HttpHeaders headers) {
		super(method, uri, null, new org.springframework.http.HttpHeaders(new Netty4HeadersAdapter(headers)));
	}

	@Override
	public Flux<DataBuffer> getBody() {
		// What ReactorServerHttpRequest returns: the inbound content, retained and
		// wrapped.
		return Flux.<ByteBuf>empty().map(ByteBuf::retain).map(BUFFERS::wrap);
	}

	@Override
	protected MultiValueMap<String, HttpCookie> initCookies() {
		return new LinkedMultiValueMap<>();
	}

	@Override
	protected @Nullable SslInfo initSslInfo() {
		return null;
	}

	@Override
	public <T> T getNativeRequest() {
		throw new UnsupportedOperationException("A benchmark request has no native request");
	}

}
