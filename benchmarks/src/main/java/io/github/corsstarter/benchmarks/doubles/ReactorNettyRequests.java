package io.github.corsstarter.benchmarks.doubles;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.server.HttpServerRequest;

import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Spring's own {@code ReactorServerHttpRequest}, the request a WebFlux application on
 * Reactor Netty has, over a stand-in for the Reactor Netty request it wraps: the method,
 * scheme, host, port and URI as the server read them, the headers Netty decoded, and an
 * empty body. Spring's request builds its URI and header adapter from these for each
 * request, as on a server. Spring's class is not public; its public constructor is called
 * through a method handle. The stand-in is a {@link Proxy}, as for
 * {@link ReactorNettyResponses}.
 */
public final class ReactorNettyRequests {

	private static final NettyDataBufferFactory BUFFERS = new NettyDataBufferFactory(ByteBufAllocator.DEFAULT);

	private static final MethodHandle NEW_REQUEST = ReactorNettyClasses.springConstructor(
			"org.springframework.http.server.reactive.ReactorServerHttpRequest", ServerHttpRequest.class,
			HttpServerRequest.class, NettyDataBufferFactory.class);

	private static final MethodHandle NEW_NETTY_REQUEST = ReactorNettyClasses.proxyConstructor(HttpServerRequest.class);

	private ReactorNettyRequests() {
	}

	/**
	 * Creates a request.
	 * @param method the method
	 * @param scheme the scheme it was received with
	 * @param host the host it was sent to
	 * @param port the port it was sent to
	 * @param uri the request target, path and query
	 * @param headers the request headers, as Netty decoded them
	 * @return Spring's Reactor Netty request, around a new stand-in
	 */
	public static ServerHttpRequest create(String method, String scheme, String host, int port, String uri,
			HttpHeaders headers) {
		try {
			HttpServerRequest nettyRequest = (HttpServerRequest) NEW_NETTY_REQUEST
				.invokeExact((InvocationHandler) new ReceivedRequest(HttpMethod.valueOf(method), scheme, host, port,
						uri, headers));
			return (ServerHttpRequest) NEW_REQUEST.invokeExact(nettyRequest, BUFFERS);
		}
		catch (Throwable ex) {
			throw new IllegalStateException("Could not create Spring's Reactor Netty request", ex);
		}
	}

	/**
	 * What Spring's request asks of Reactor Netty's.
	 */
	private record ReceivedRequest(HttpMethod method, String scheme, String host, int port, String uri,
			HttpHeaders headers) implements InvocationHandler {

		@Override
		public @Nullable Object invoke(Object proxy, Method method, Object @Nullable [] arguments) {
			return switch (method.getName()) {
				case "method" -> this.method;
				case "scheme" -> this.scheme;
				case "hostName" -> this.host;
				case "hostPort" -> this.port;
				case "uri" -> this.uri;
				case "forwardedPrefix" -> null;
				case "requestHeaders" -> this.headers;
				case "receive" -> ByteBufFlux.fromInbound(Flux.empty());
				case "receiveObject" -> Flux.empty();
				case "hashCode" -> System.identityHashCode(proxy);
				case "equals" -> proxy == arguments[0];
				case "toString" -> "ReceivedRequest";
				default -> throw new UnsupportedOperationException(
						"HttpServerRequest." + method.getName() + " is not implemented by the benchmark's double");
			};
		}

	}

}
