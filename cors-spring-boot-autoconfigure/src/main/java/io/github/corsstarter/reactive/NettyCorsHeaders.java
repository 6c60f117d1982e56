package io.github.corsstarter.reactive;

import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.corsstarter.policy.CorsDecision;
import io.github.corsstarter.policy.CorsHeaders;
import io.github.corsstarter.policy.CorsRequest;
import io.github.corsstarter.policy.CorsResponse;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.server.HttpServerResponse;

import org.springframework.http.server.reactive.AbstractServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.ClassUtils;

/**
 * The CORS headers of a Reactor Netty response, written and checked on Netty's own
 * response headers: the headers Spring's {@code ReactorServerHttpResponse} presents
 * through its adapter, and the ones the server sends. Through that adapter each name is
 * hashed anew on every call and each read copies the values into new lists; here the
 * names are Netty's {@link AsciiString}s, hashed once, and checking that a response still
 * carries a decision's headers is one walk over its header lines, which allocates nothing
 * but the iterator.
 * <p>
 * Only loaded once Reactor Netty is known to be present: it refers to Netty's types.
 */
final class NettyCorsHeaders implements CorsResponse {

	private static final Class<?> REACTOR_RESPONSE = ClassUtils.resolveClassName(
			"org.springframework.http.server.reactive.ReactorServerHttpResponse",
			NettyCorsHeaders.class.getClassLoader());

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

	private static final int MAX_FIXED = 4096;

	private final HttpHeaders headers;

	private NettyCorsHeaders(HttpHeaders headers) {
		this.headers = headers;
	}

	private static boolean[] fromRequest() {
		boolean[] fromRequest = new boolean[NAMES.length];
		for (int index = 0; index < NAMES.length; index++) {
			fromRequest[index] = CorsHeaders.RESPONSE_HEADERS_FROM_REQUEST.contains(NAMES[index]);
		}
		return fromRequest;
	}

	/**
	 * Returns the Netty headers of a response, when it is Reactor Netty's own response as
	 * Spring presents it, not a decorator (whose headers may be its own).
	 * @param response the exchange's response
	 * @return the response's Netty headers, or {@code null} for any other response
	 */
	static @Nullable NettyCorsHeaders of(ServerHttpResponse response) {
		if (response.getClass() != REACTOR_RESPONSE) {
			return null;
		}
		Object nativeResponse = ((AbstractServerHttpResponse) response).getNativeResponse();
		return (nativeResponse instanceof HttpServerResponse reactorResponse)
				? new NettyCorsHeaders(reactorResponse.responseHeaders()) : null;
	}

	@Override
	public void setHeader(String name, String value) {
		this.headers.set(key(name), value);
	}

	@Override
	public Collection<String> getHeaders(String name) {
		CharSequence key = key(name);
		// getAll copies the values into new lists even when there are none.
		return this.headers.contains(key) ? this.headers.getAll(key) : List.of();
	}

	/**
	 * Writes a decision's headers on a response that has no header yet, as a response
	 * passed to the filter has: those that are the same for every request are copied in
	 * one step from headers prepared once for the decision, which Netty does without
	 * validating and hashing each name and value again; the ones taken from the request
	 * are added. What is written equals what {@link CorsDecision#writeHeaders} writes.
	 * @param decision the decision
	 * @param request the request it was made for
	 * @return whether the headers are written; {@code false}, writing nothing, when the
	 * response has headers already
	 */
	boolean writeOnEmpty(CorsDecision decision, CorsRequest request) {
		if (!this.headers.isEmpty()) {
			return false;
		}
		HttpHeaders fixed = FIXED.get(decision);
		if (fixed == null) {
			fixed = fixedHeaders(decision, request);
		}
		this.headers.add(fixed);
		for (int index = 0; index < NAMES.length; index++) {
			if (FROM_REQUEST[index]) {
				String value = decision.headerValue(NAMES[index], request);
				if (value != null) {
					this.headers.add(KEYS[index], value);
				}
			}
		}
		return true;
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
		if (FIXED.size() >= MAX_FIXED) {
			FIXED.clear();
		}
		FIXED.put(decision, fixed);
		return fixed;
	}

	/**
	 * Returns whether the response carries exactly the headers a decision writes: each of
	 * the {@link CorsHeaders#RESPONSE_HEADERS} it writes once with the decision's value,
	 * none it does not write, and the decision's {@code Vary} as the only {@code Vary}
	 * line. A response a handler left alone does; any other answer means the headers are
	 * to be made the decision's again, which the caller does through Spring's API.
	 * @param decision the decision
	 * @param request the request it was made for
	 * @return whether nothing needs restoring
	 */
	boolean carries(CorsDecision decision, CorsRequest request) {
		String vary = decision.vary();
		int seen = 0;
		Iterator<Map.Entry<CharSequence, CharSequence>> lines = this.headers.iteratorCharSequence();
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
			String expected = (index == VARY_INDEX) ? vary : decision.headerValue(NAMES[index], request);
			if (expected == null || !sameText(expected, line.getValue())) {
				return false;
			}
		}
		for (int index = 0; index < NAMES.length; index++) {
			if ((seen & (1 << index)) == 0 && decision.headerValue(NAMES[index], request) != null) {
				return false;
			}
		}
		return vary == null || (seen & (1 << VARY_INDEX)) != 0;
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

}
