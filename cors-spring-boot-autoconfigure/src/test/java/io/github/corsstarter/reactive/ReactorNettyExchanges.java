package io.github.corsstarter.reactive;

import java.lang.reflect.Constructor;
import java.lang.reflect.Proxy;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.ReferenceCountUtil;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;

/**
 * Spring's own Reactor Netty request and response classes, over stand-ins for the Reactor
 * Netty request and response they wrap, for tests that need what a WebFlux application on
 * Reactor Netty has without a server.
 */
final class ReactorNettyExchanges {

	private static final NettyDataBufferFactory BUFFERS = new NettyDataBufferFactory(ByteBufAllocator.DEFAULT);

	private ReactorNettyExchanges() {
	}

	/**
	 * Returns Spring's Reactor Netty request for a request received on
	 * {@code https://api.example.com}.
	 * @param method the method
	 * @param headers the headers as Netty decoded them
	 * @param body the body's buffers
	 * @return the request
	 */
	static ServerHttpRequest request(String method, HttpHeaders headers, Publisher<?> body) {
		Object nettyRequest = Proxy.newProxyInstance(HttpServerRequest.class.getClassLoader(),
				new Class<?>[] { HttpServerRequest.class }, (proxy, called, arguments) -> switch (called.getName()) {
					case "method" -> HttpMethod.valueOf(method);
					case "scheme" -> "https";
					case "hostName" -> "api.example.com";
					case "hostPort" -> 443;
					case "uri" -> "/api/data";
					case "forwardedPrefix", "remoteAddress", "hostAddress" -> null;
					case "requestHeaders" -> headers;
					case "receive" -> ByteBufFlux.fromInbound(Flux.from(body));
					case "receiveObject" -> Flux.from(body);
					default -> throw new UnsupportedOperationException(called.getName());
				});
		return (ServerHttpRequest) construct("org.springframework.http.server.reactive.ReactorServerHttpRequest",
				HttpServerRequest.class, NettyDataBufferFactory.class, nettyRequest);
	}

	/**
	 * Returns Spring's Reactor Netty response, with no header and status 200.
	 * @return the response
	 */
	static ServerHttpResponse response() {
		HttpHeaders headers = new DefaultHttpHeaders();
		Object nettyResponse = Proxy.newProxyInstance(HttpServerResponse.class.getClassLoader(),
				new Class<?>[] { HttpServerResponse.class }, (proxy, called, arguments) -> switch (called.getName()) {
					case "responseHeaders" -> headers;
					case "status" -> (arguments == null) ? HttpResponseStatus.OK : proxy;
					// A message sent is released, as Reactor Netty does once it is
					// written.
					case "sendObject" -> {
						ReferenceCountUtil.release(arguments[0]);
						yield proxy;
					}
					case "then" -> Mono.empty();
					default -> throw new UnsupportedOperationException(called.getName());
				});
		return (ServerHttpResponse) construct("org.springframework.http.server.reactive.ReactorServerHttpResponse",
				HttpServerResponse.class, DataBufferFactory.class, nettyResponse);
	}

	private static Object construct(String className, Class<?> nettyType, Class<?> buffersType, Object nettyObject) {
		try {
			Constructor<?> constructor = Class.forName(className).getConstructor(nettyType, buffersType);
			constructor.setAccessible(true);
			return constructor.newInstance(nettyObject, BUFFERS);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
