package io.github.corsstarter.benchmarks.doubles;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.ReferenceCountUtil;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.server.reactive.ServerHttpResponse;

/**
 * Spring's own {@code ReactorServerHttpResponse}, the response a WebFlux application on
 * Reactor Netty has, over a stand-in for the Reactor Netty response it wraps: new Netty
 * {@link DefaultHttpHeaders} for each response, holding {@code Transfer-Encoding:
 * chunked} as Reactor Netty's own response does when the application gets it, a status,
 * and a body that is read and released instead of sent. Spring's class is not public; its
 * public constructor is called through a method handle, which the JIT compiles to a plain
 * constructor call. The stand-in is a {@link Proxy}: each call to it costs a little more
 * than a call to Reactor Netty's own response would, to every filter alike.
 */
public final class ReactorNettyResponses {

	private static final DataBufferFactory BUFFERS = new NettyDataBufferFactory(ByteBufAllocator.DEFAULT);

	private static final MethodHandle NEW_RESPONSE = ReactorNettyClasses.springConstructor(
			"org.springframework.http.server.reactive.ReactorServerHttpResponse", ServerHttpResponse.class,
			HttpServerResponse.class, DataBufferFactory.class);

	private static final MethodHandle NEW_NETTY_RESPONSE = ReactorNettyClasses
		.proxyConstructor(HttpServerResponse.class);

	private ReactorNettyResponses() {
	}

	/**
	 * Creates a response with empty headers and no status.
	 * @return Spring's Reactor Netty response, around a new stand-in
	 */
	public static ServerHttpResponse create() {
		try {
			HttpServerResponse nettyResponse = (HttpServerResponse) NEW_NETTY_RESPONSE
				.invokeExact((InvocationHandler) new DiscardingNettyResponse());
			return (ServerHttpResponse) NEW_RESPONSE.invokeExact(nettyResponse, BUFFERS);
		}
		catch (Throwable ex) {
			throw new IllegalStateException("Could not create Spring's Reactor Netty response", ex);
		}
	}

	/**
	 * What Spring's response asks of Reactor Netty's on the way to a committed response:
	 * the headers, the status, and sending a body (a stream of buffers, or one message),
	 * which is read and released here.
	 */
	private static final class DiscardingNettyResponse implements InvocationHandler {

		/**
		 * The headers, with the one Reactor Netty's response starts with.
		 */
		private final HttpHeaders headers = new DefaultHttpHeaders().add(HttpHeaderNames.TRANSFER_ENCODING,
				HttpHeaderValues.CHUNKED);

		private HttpResponseStatus status = HttpResponseStatus.OK;

		private @Nullable Publisher<?> body;

		private boolean groups;

		@Override
		public Object invoke(Object proxy, Method method, Object @Nullable [] arguments) {
			return switch (method.getName()) {
				case "responseHeaders" -> this.headers;
				case "status" -> status(proxy, arguments);
				case "send", "sendGroups" -> {
					this.body = (Publisher<?>) arguments[0];
					this.groups = method.getName().equals("sendGroups");
					yield proxy;
				}
				case "sendObject" -> {
					this.body = Mono.just(arguments[0]);
					this.groups = false;
					yield proxy;
				}
				case "then" -> {
					if (arguments != null) {
						throw new UnsupportedOperationException("NettyOutbound.then(...) is not implemented");
					}
					yield sent();
				}
				case "addCookie" -> proxy;
				case "hashCode" -> System.identityHashCode(proxy);
				case "equals" -> proxy == arguments[0];
				case "toString" -> "DiscardingNettyResponse";
				default -> throw new UnsupportedOperationException(
						"HttpServerResponse." + method.getName() + " is not implemented by the benchmark's double");
			};
		}

		private Object status(Object proxy, Object @Nullable [] arguments) {
			if (arguments == null || arguments.length == 0) {
				return this.status;
			}
			this.status = (arguments[0] instanceof Integer code) ? HttpResponseStatus.valueOf(code)
					: (HttpResponseStatus) arguments[0];
			return proxy;
		}

		private Mono<Void> sent() {
			Publisher<?> sent = this.body;
			this.body = null;
			if (sent == null) {
				return Mono.empty();
			}
			Flux<?> items = this.groups ? Flux.from(sent).concatMap((group) -> (Publisher<?>) group) : Flux.from(sent);
			return items.doOnNext(ReferenceCountUtil::release).then();
		}

	}

}
