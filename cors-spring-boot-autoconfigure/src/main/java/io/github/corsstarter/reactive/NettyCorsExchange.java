package io.github.corsstarter.reactive;

import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.github.corsstarter.policy.CorsDecision;
import io.github.corsstarter.policy.CorsHeaders;
import io.github.corsstarter.policy.CorsRequest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

import org.springframework.http.server.reactive.AbstractServerHttpRequest;
import org.springframework.http.server.reactive.AbstractServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.ClassUtils;
import org.springframework.web.server.ServerWebExchange;

/**
 * A Reactor Netty exchange, read and written on Reactor Netty's own request and response
 * rather than through Spring's adapters around them: Spring's header adapter hashes each
 * name anew on every call and copies the values it returns into new lists, and its view
 * of the request body retains and wraps each buffer. Here the CORS header names are
 * Netty's {@link AsciiString}s, hashed once; a decision's headers that are the same for
 * every request are copied onto the response in one step; checking at commit that the
 * response still carries them is one walk over its header lines, which allocates nothing
 * but the iterator; and the body drained before an answer is Reactor Netty's inbound as
 * it receives it, its HTTP content messages, without the view of their buffers that
 * {@code receive()} maps them to per request.
 * <p>
 * Used when the response is Spring's {@code ReactorServerHttpResponse} itself (a
 * decorator's headers may be its own); the request is read here when it is Spring's
 * {@code ReactorServerHttpRequest} itself, and through Spring's API otherwise (a request
 * changed by an earlier filter, or by the forwarded-headers transformer). Only loaded
 * once Reactor Netty is known to be present: it refers to Netty's types.
 */
final class NettyCorsExchange extends ReactiveCorsExchange {

	private static final Class<?> REACTOR_REQUEST = ClassUtils.resolveClassName(
			"org.springframework.http.server.reactive.ReactorServerHttpRequest",
			NettyCorsExchange.class.getClassLoader());

	private static final Class<?> REACTOR_RESPONSE = ClassUtils.resolveClassName(
			"org.springframework.http.server.reactive.ReactorServerHttpResponse",
			NettyCorsExchange.class.getClassLoader());

	private static final String[] NAMES = CorsHeaders.RESPONSE_HEADERS.toArray(String[]::new);

	private static final AsciiString[] KEYS = CorsHeaders.RESPONSE_HEADERS.stream()
		.map(AsciiString::cached)
		.toArray(AsciiString[]::new);

	private static final AsciiString VARY = AsciiString.cached(CorsHeaders.VARY);

	/**
	 * The index of {@code Vary} among the names a check tells apart, after
	 * {@link #NAMES}.
	 */
	private static final int VARY_INDEX = NAMES.length;

	/**
	 * The length of the shortest of {@link #NAMES}: shorter names need no comparing.
	 */
	private static final int SHORTEST = CorsHeaders.RESPONSE_HEADERS.stream().mapToInt(String::length).min().orElse(0);

	/**
	 * For each of {@link #NAMES}, whether a decision's value for it may come from the
	 * request.
	 */
	private static final boolean[] FROM_REQUEST = fromRequest();

	/**
	 * The headers of each decision that are the same for every request, prepared the
	 * first time the decision is written. Decisions are made once per policy and reused
	 * for every request; the map is emptied if policies replaced at runtime ever fill it.
	 */
	private static final Map<CorsDecision, HttpHeaders> FIXED = new ConcurrentHashMap<>();

	/**
	 * The most decisions, and the most bodies, whose headers are kept prepared.
	 */
	private static final int MAX_PREPARED = 4096;

	/**
	 * The content headers of each body written whole, by the body's identity: the
	 * rejection handler's bodies, encoded once each.
	 */
	private static final Map<byte[], ContentHeaders> CONTENT_HEADERS = new ConcurrentHashMap<>();

	private static final AsciiString ORIGIN = AsciiString.cached(CorsHeaders.ORIGIN);

	private static final AsciiString REQUEST_METHOD = AsciiString.cached(CorsHeaders.REQUEST_METHOD);

	private static final AsciiString REQUEST_HEADERS = AsciiString.cached(CorsHeaders.REQUEST_HEADERS);

	private static final AsciiString REQUEST_PRIVATE_NETWORK = AsciiString.cached(CorsHeaders.REQUEST_PRIVATE_NETWORK);

	/**
	 * The request as Reactor Netty has it, or {@code null} when Spring's request is not
	 * its own.
	 */
	private final @Nullable HttpServerRequest nettyRequest;

	private final @Nullable HttpHeaders nettyRequestHeaders;

	private final HttpHeaders nettyResponseHeaders;

	private NettyCorsExchange(ServerWebExchange exchange, @Nullable HttpServerRequest nettyRequest,
			HttpHeaders nettyResponseHeaders) {
		super(exchange, nettyRequest == null);
		this.nettyRequest = nettyRequest;
		this.nettyRequestHeaders = (nettyRequest != null) ? nettyRequest.requestHeaders() : null;
		this.nettyResponseHeaders = nettyResponseHeaders;
		if (this.nettyRequestHeaders != null) {
			String origin = this.nettyRequestHeaders.get(ORIGIN);
			origin(origin, origin != null && hasSeveral(this.nettyRequestHeaders, ORIGIN));
		}
	}

	private static boolean[] fromRequest() {
		boolean[] fromRequest = new boolean[NAMES.length];
		for (int index = 0; index < NAMES.length; index++) {
			fromRequest[index] = CorsHeaders.RESPONSE_HEADERS_FROM_REQUEST.contains(NAMES[index]);
		}
		return fromRequest;
	}

	/**
	 * Presents an exchange whose response is Reactor Netty's own, as Spring presents it.
	 * @param exchange the exchange
	 * @return the exchange, or {@code null} when its response is not Spring's Reactor
	 * Netty response itself
	 */
	static @Nullable NettyCorsExchange of(ServerWebExchange exchange) {
		HttpServerResponse nettyResponse = reactorResponse(exchange.getResponse());
		if (nettyResponse == null) {
			return null;
		}
		ServerHttpRequest request = exchange.getRequest();
		HttpServerRequest nettyRequest = (request.getClass() == REACTOR_REQUEST
				&& ((AbstractServerHttpRequest) request).getNativeRequest() instanceof HttpServerRequest reactorRequest)
						? reactorRequest : null;
		return new NettyCorsExchange(exchange, nettyRequest, nettyResponse.responseHeaders());
	}

	/**
	 * Returns Reactor Netty's response behind Spring's own Reactor Netty response.
	 * @param response a response
	 * @return Reactor Netty's response, or {@code null} when the response is not Spring's
	 * Reactor Netty response itself (a decorator's headers may be its own)
	 */
	private static @Nullable HttpServerResponse reactorResponse(ServerHttpResponse response) {
		return (response.getClass() == REACTOR_RESPONSE
				&& ((AbstractServerHttpResponse) response).getNativeResponse() instanceof HttpServerResponse netty)
						? netty : null;
	}

	/**
	 * Writes a body, whole, on Spring's Reactor Netty response: its {@code Content-Type}
	 * and {@code Content-Length} are copied onto the response in one step from headers
	 * prepared once for the body, the response is committed as {@code setComplete}
	 * commits it (its commit actions run, its status, headers and cookies are applied to
	 * Reactor Netty's response), then the body is sent in one message, which Reactor
	 * Netty writes with the headers as one full response. Spring's {@code writeWith} ends
	 * the same way, through a chain of operators that costs about a microsecond per
	 * response.
	 * @param response the response
	 * @param contentType the body's media type
	 * @param body the body, which is only read
	 * @return completes when the response is written, or {@code null} when the response
	 * is not Spring's Reactor Netty response itself or is committed already
	 */
	static @Nullable Mono<Void> writeBody(ServerHttpResponse response, String contentType, byte[] body) {
		HttpServerResponse netty = reactorResponse(response);
		if (netty == null || response.isCommitted()) {
			return null;
		}
		HttpHeaders headers = netty.responseHeaders();
		if (headers.contains(HttpHeaderNames.CONTENT_TYPE) || headers.contains(HttpHeaderNames.CONTENT_LENGTH)) {
			headers.set(HttpHeaderNames.CONTENT_TYPE, contentType);
			headers.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
		}
		else {
			headers.add(contentHeaders(contentType, body));
		}
		return response.setComplete().then(netty.sendObject(Unpooled.wrappedBuffer(body)).then());
	}

	private static HttpHeaders contentHeaders(String contentType, byte[] body) {
		ContentHeaders prepared = CONTENT_HEADERS.get(body);
		if (prepared != null && prepared.contentType().equals(contentType)) {
			return prepared.headers();
		}
		HttpHeaders headers = new DefaultHttpHeaders().add(HttpHeaderNames.CONTENT_TYPE, contentType)
			.addInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
		keep(CONTENT_HEADERS, body, new ContentHeaders(contentType, headers));
		return headers;
	}

	@Override
	@Nullable String readAccessControlRequestMethod() {
		return (this.nettyRequestHeaders != null) ? this.nettyRequestHeaders.get(REQUEST_METHOD)
				: super.readAccessControlRequestMethod();
	}

	@Override
	@Nullable String readAccessControlRequestHeaders() {
		HttpHeaders headers = this.nettyRequestHeaders;
		if (headers == null) {
			return super.readAccessControlRequestHeaders();
		}
		String first = headers.get(REQUEST_HEADERS);
		if (first == null || !hasSeveral(headers, REQUEST_HEADERS)) {
			return first;
		}
		return String.join(",", headers.getAll(REQUEST_HEADERS));
	}

	@Override
	public @Nullable String accessControlRequestPrivateNetwork() {
		return (this.nettyRequestHeaders != null) ? this.nettyRequestHeaders.get(REQUEST_PRIVATE_NETWORK)
				: super.accessControlRequestPrivateNetwork();
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

	@Override
	Mono<Void> answerAfterBody(Supplier<Mono<Void>> answer, long limit) {
		// Reactor Netty releases each message once the subscriber has seen it, and asks
		// for the body (100-continue) when it is expected, as receive() does.
		return (this.nettyRequest != null)
				? new AnswerAfterBody<>(this.nettyRequest.receiveObject(), NettyCorsExchange::size, answer, limit)
				: super.answerAfterBody(answer, limit);
	}

	/**
	 * Returns the size of a message of the request's inbound: an HTTP content message, as
	 * a rule.
	 */
	private static int size(Object message) {
		if (message instanceof ByteBufHolder holder) {
			return holder.content().readableBytes();
		}
		return (message instanceof ByteBuf buffer) ? buffer.readableBytes() : 0;
	}

	@Override
	public void setHeader(String name, String value) {
		this.nettyResponseHeaders.set(key(name), value);
	}

	@Override
	public Collection<String> getHeaders(String name) {
		CharSequence key = key(name);
		// getAll copies the values into new lists even when there are none.
		return this.nettyResponseHeaders.contains(key) ? this.nettyResponseHeaders.getAll(key) : List.of();
	}

	/**
	 * Writes a decision's headers. On a response that has no CORS header yet, as a
	 * response passed to the filter has (Reactor Netty starts it with
	 * {@code Transfer-Encoding: chunked} only), those that are the same for every request
	 * are copied in one step from headers prepared once for the decision, which Netty
	 * does without validating and hashing each name and value again, and the ones taken
	 * from the request are added: what {@link CorsDecision#writeHeaders} would write,
	 * which writes them on a response that has a CORS header or {@code Vary} already.
	 * @param decision the decision made for this exchange
	 */
	@Override
	void writeHeaders(CorsDecision decision) {
		if (hasCorsHeader()) {
			super.writeHeaders(decision);
			return;
		}
		HttpHeaders fixed = FIXED.get(decision);
		if (fixed == null) {
			fixed = fixedHeaders(decision, this);
		}
		this.nettyResponseHeaders.add(fixed);
		for (int index = 0; index < NAMES.length; index++) {
			if (FROM_REQUEST[index]) {
				String value = decision.headerValue(NAMES[index], this);
				if (value != null) {
					this.nettyResponseHeaders.add(KEYS[index], value);
				}
			}
		}
	}

	private static HttpHeaders fixedHeaders(CorsDecision decision, CorsRequest request) {
		HttpHeaders fixed = new DefaultHttpHeaders();
		for (int index = 0; index < NAMES.length; index++) {
			if (!FROM_REQUEST[index]) {
				String value = decision.headerValue(NAMES[index], request);
				if (value != null) {
					fixed.add(KEYS[index], value);
				}
			}
		}
		String vary = decision.vary();
		if (vary != null) {
			fixed.add(VARY, vary);
		}
		keep(FIXED, decision, fixed);
		return fixed;
	}

	/**
	 * Keeps prepared headers, emptying the map first when it holds {@link #MAX_PREPARED}
	 * entries already.
	 */
	private static <K, V> void keep(Map<K, V> prepared, K key, V value) {
		if (prepared.size() >= MAX_PREPARED) {
			prepared.clear();
		}
		prepared.put(key, value);
	}

	/**
	 * Returns whether the response carries exactly the headers a decision writes: each of
	 * the {@link CorsHeaders#RESPONSE_HEADERS} it writes once with the decision's value,
	 * none it does not write, and the decision's {@code Vary} as the only {@code Vary}
	 * line. A response a handler left alone does; any other answer means the headers are
	 * to be made the decision's again, which the caller does through Spring's API.
	 * @param decision the decision made for this exchange
	 * @return whether nothing needs restoring
	 */
	@Override
	boolean carries(CorsDecision decision) {
		String vary = decision.vary();
		int seen = 0;
		Iterator<Map.Entry<CharSequence, CharSequence>> lines = this.nettyResponseHeaders.iteratorCharSequence();
		while (lines.hasNext()) {
			Map.Entry<CharSequence, CharSequence> line = lines.next();
			int index = indexOf(line.getKey());
			if (index < 0 || (index == VARY_INDEX && vary == null)) {
				continue;
			}
			int bit = 1 << index;
			if ((seen & bit) != 0) {
				return false;
			}
			seen |= bit;
			String expected = (index == VARY_INDEX) ? vary : decision.headerValue(NAMES[index], this);
			if (expected == null || !sameText(expected, line.getValue())) {
				return false;
			}
		}
		for (int index = 0; index < NAMES.length; index++) {
			if ((seen & (1 << index)) == 0 && decision.headerValue(NAMES[index], this) != null) {
				return false;
			}
		}
		return vary == null || (seen & (1 << VARY_INDEX)) != 0;
	}

	private boolean hasCorsHeader() {
		if (this.nettyResponseHeaders.isEmpty()) {
			return false;
		}
		Iterator<Map.Entry<CharSequence, CharSequence>> lines = this.nettyResponseHeaders.iteratorCharSequence();
		while (lines.hasNext()) {
			if (indexOf(lines.next().getKey()) >= 0) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Compares a value with the one written, which is most often the very string written.
	 */
	private static boolean sameText(String expected, CharSequence value) {
		return (value instanceof String string) ? expected.equals(string) : AsciiString.contentEquals(expected, value);
	}

	/**
	 * Returns which of the names a check tells apart a header name is: most often the
	 * very key written.
	 * @param name a header name, in any case
	 * @return its index in {@link #NAMES}, {@link #VARY_INDEX}, or -1 for any other name
	 */
	private static int indexOf(CharSequence name) {
		int length = name.length();
		char first = (length > 0) ? name.charAt(0) : ' ';
		if (first == 'V' || first == 'v') {
			return (name == VARY || (length == VARY.length() && VARY.contentEqualsIgnoreCase(name))) ? VARY_INDEX : -1;
		}
		if ((first != 'A' && first != 'a') || length < SHORTEST) {
			return -1;
		}
		for (int index = 0; index < KEYS.length; index++) {
			if (KEYS[index] == name) {
				return index;
			}
		}
		for (int index = 0; index < KEYS.length; index++) {
			if (KEYS[index].length() == length && KEYS[index].contentEqualsIgnoreCase(name)) {
				return index;
			}
		}
		return -1;
	}

	private static CharSequence key(String name) {
		for (int index = 0; index < NAMES.length; index++) {
			if (NAMES[index] == name) {
				return KEYS[index];
			}
		}
		return (CorsHeaders.VARY == name) ? VARY : name;
	}

	private record ContentHeaders(String contentType, HttpHeaders headers) {

	}

}
