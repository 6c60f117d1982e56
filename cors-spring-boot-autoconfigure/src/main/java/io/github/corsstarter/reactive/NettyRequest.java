package io.github.corsstarter.reactive;

import java.util.Iterator;
import java.util.function.Supplier;

import io.github.corsstarter.policy.CorsHeaders;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;

import org.springframework.http.server.reactive.AbstractServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.ClassUtils;

/**
 * A Reactor Netty request as the filter reads it: its CORS request headers from the
 * headers Netty decoded rather than through Spring's adapter around them, which hashes
 * each name anew on every call and copies the values it returns into new lists (the names
 * here are Netty's {@link AsciiString}s, hashed once), and its body from Reactor Netty's
 * inbound rather than through Spring's view of it, which retains and wraps each buffer.
 * <p>
 * Only loaded once Reactor Netty is known to be present: it refers to Netty's types.
 */
final class NettyRequest {

	private static final Class<?> REACTOR_REQUEST = ClassUtils.resolveClassName(
			"org.springframework.http.server.reactive.ReactorServerHttpRequest", NettyRequest.class.getClassLoader());

	private static final AsciiString ORIGIN = AsciiString.cached(CorsHeaders.ORIGIN);

	private static final AsciiString REQUEST_METHOD = AsciiString.cached(CorsHeaders.REQUEST_METHOD);

	private static final AsciiString REQUEST_HEADERS = AsciiString.cached(CorsHeaders.REQUEST_HEADERS);

	private static final AsciiString REQUEST_PRIVATE_NETWORK = AsciiString.cached(CorsHeaders.REQUEST_PRIVATE_NETWORK);

	private final HttpServerRequest request;

	private final HttpHeaders headers;

	private final @Nullable String origin;

	private final boolean severalOrigins;

	private NettyRequest(HttpServerRequest request) {
		this.request = request;
		HttpHeaders headers = request.requestHeaders();
		this.headers = headers;
		this.origin = headers.get(ORIGIN);
		this.severalOrigins = (this.origin != null) && hasSeveral(headers, ORIGIN);
	}

	/**
	 * Returns a request as Reactor Netty has it, when it is Reactor Netty's own request
	 * as Spring presents it, not a decorator (whose headers and body may be its own).
	 * @param request the exchange's request
	 * @return the Reactor Netty request, or {@code null} for any other request
	 */
	static @Nullable NettyRequest of(ServerHttpRequest request) {
		if (request.getClass() != REACTOR_REQUEST) {
			return null;
		}
		Object nativeRequest = ((AbstractServerHttpRequest) request).getNativeRequest();
		return (nativeRequest instanceof HttpServerRequest reactorRequest) ? new NettyRequest(reactorRequest) : null;
	}

	/**
	 * Returns the {@code Origin} header.
	 * @return the first {@code Origin} line, or {@code null} for none
	 */
	@Nullable String origin() {
		return this.origin;
	}

	/**
	 * Returns whether the request has more than one {@code Origin} line.
	 * @return whether it has several
	 */
	boolean hasSeveralOrigins() {
		return this.severalOrigins;
	}

	@Nullable String accessControlRequestMethod() {
		return this.headers.get(REQUEST_METHOD);
	}

	/**
	 * Returns the {@code Access-Control-Request-Headers} lines, joined with commas when
	 * there are several.
	 * @return the value, or {@code null} for none
	 */
	@Nullable String accessControlRequestHeaders() {
		String first = this.headers.get(REQUEST_HEADERS);
		if (first == null || !hasSeveral(this.headers, REQUEST_HEADERS)) {
			return first;
		}
		return String.join(",", this.headers.getAll(REQUEST_HEADERS));
	}

	/**
	 * Returns whether a header has more than one line, without copying the values.
	 * Netty's {@code get} returns the first line and {@code getAll} the lines in order;
	 * its value iterator, used here for counting only, walks them in another order.
	 */
	private static boolean hasSeveral(HttpHeaders headers, AsciiString name) {
		Iterator<? extends CharSequence> values = headers.valueCharSequenceIterator(name);
		if (!values.hasNext()) {
			return false;
		}
		values.next();
		return values.hasNext();
	}

	@Nullable String accessControlRequestPrivateNetwork() {
		return this.headers.get(REQUEST_PRIVATE_NETWORK);
	}

	/**
	 * Writes an answer once the request's body has been read to its end, as
	 * {@link AnswerAfterBody} does, on Reactor Netty's inbound: it releases each buffer
	 * once it has been seen.
	 * @param answer writes the answer
	 * @param limit the most body bytes read before the answer is written anyway
	 * @return completes when the answer is written
	 */
	Mono<Void> answerAfterBody(Supplier<Mono<Void>> answer, long limit) {
		return new AnswerAfterBody<>(this.request.receive(), ByteBuf::readableBytes, answer, limit);
	}

}
