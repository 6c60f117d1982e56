package io.github.corsstarter.reactive;

import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import io.github.corsstarter.policy.CorsDecision;
import io.github.corsstarter.policy.CorsHeaders;
import io.github.corsstarter.policy.CorsRequest;
import io.github.corsstarter.policy.CorsResponse;
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

	private final HttpHeaders headers;

	private NettyCorsHeaders(HttpHeaders headers) {
		this.headers = headers;
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
			if (expected == null || !AsciiString.contentEquals(expected, line.getValue())) {
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
	 * Returns which of the names a check tells apart a header name is.
	 * @param name a header name, in any case
	 * @return its index in {@link #NAMES}, {@link #VARY_INDEX}, or -1 for any other name
	 */
	private static int indexOf(CharSequence name) {
		int length = name.length();
		char first = (length > 0) ? name.charAt(0) : ' ';
		if (first == 'V' || first == 'v') {
			return (length == VARY.length() && VARY.contentEqualsIgnoreCase(name)) ? VARY_INDEX : -1;
		}
		if ((first != 'A' && first != 'a') || length < SHORTEST) {
			return -1;
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
