package io.github.corsstarter.reactive;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import io.github.corsstarter.policy.CorsDecision;
import io.github.corsstarter.policy.CorsHeaders;
import io.github.corsstarter.policy.IgnoredCorsHeaders;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ZeroCopyHttpOutputMessage;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;

/**
 * The response the rest of the chain sees for a request passed on from a covered path:
 * each way of committing it (a body, a stream of bodies, no body) first makes its CORS
 * headers the decision's again, so that the response carries exactly the starter's CORS
 * headers, once each, whatever a handler or a later filter wrote (its own {@code Vary},
 * an {@code Access-Control-Allow-Origin: *}, a leftover {@code @CrossOrigin}).
 * {@code Vary} is merged: the application's tokens stay, the decision's are added.
 * <p>
 * Headers are a map the application writes to directly, so they are checked when the
 * response commits, not intercepted: each of {@link CorsHeaders#RESPONSE_HEADERS} is
 * looked up, set again only when it differs from the decision's value, and removed when
 * the decision writes none; an untouched response is only read. On Reactor Netty, the
 * response's own Netty headers are walked once instead ({@link NettyCorsExchange}), and
 * the lookups are made only when that walk finds something to restore. A header the
 * application wrote is reported once per name at WARN, with the path. Other
 * {@code Access-Control-*} names are not looked for: finding them would mean walking
 * every header on every response, and browsers ignore them.
 * <p>
 * A commit action ({@code beforeCommit}) would do the same, at the price of the commit
 * running every action through a reactive concatenation, which costs more than the rest
 * of the filter. An error response is rendered outside the filter chain, on the
 * exchange's own response, which this decorator never sees:
 * {@link CorsErrorHeadersHandler} restores the headers there.
 */
class CorsHeadersResponse extends ServerHttpResponseDecorator {

	private static final Log logger = LogFactory.getLog(CorsPolicyWebFilter.class);

	private static final String[] NAMES = CorsHeaders.RESPONSE_HEADERS.toArray(String[]::new);

	/**
	 * The same names in lower case, for looking them up: a header map backed by Spring's
	 * {@code LinkedCaseInsensitiveMap} (the default, and the mock's) lower-cases every
	 * name it is asked about, which copies a name that is not in lower case already.
	 * Netty's headers compare names without copying either way.
	 */
	private static final String[] KEYS = CorsHeaders.RESPONSE_HEADERS.stream()
		.map((name) -> name.toLowerCase(Locale.ROOT))
		.toArray(String[]::new);

	private final CorsDecision decision;

	private final ReactiveCorsExchange cors;

	private final IgnoredCorsHeaders ignored;

	CorsHeadersResponse(ServerHttpResponse delegate, CorsDecision decision, ReactiveCorsExchange cors,
			IgnoredCorsHeaders ignored) {
		super(delegate);
		this.decision = decision;
		this.cors = cors;
		this.ignored = ignored;
	}

	/**
	 * Decorates a response, keeping zero-copy file transfer when the server's response
	 * offers it.
	 * @param response the exchange's response
	 * @param decision the decision whose headers to keep
	 * @param cors the exchange as the engine saw it
	 * @param ignored the names already reported by the filter
	 * @return the decorated response
	 */
	static CorsHeadersResponse of(ServerHttpResponse response, CorsDecision decision, ReactiveCorsExchange cors,
			IgnoredCorsHeaders ignored) {
		return (response instanceof ZeroCopyHttpOutputMessage) ? new ZeroCopy(response, decision, cors, ignored)
				: new CorsHeadersResponse(response, decision, cors, ignored);
	}

	/**
	 * Makes the CORS headers of the response the decision's again, unless it is
	 * committed.
	 */
	final void restoreHeaders() {
		if (isCommitted()) {
			return;
		}
		if (this.cors.carries(this.decision)) {
			return;
		}
		HttpHeaders headers = getHeaders();
		for (int i = 0; i < NAMES.length; i++) {
			restore(headers, NAMES[i], KEYS[i]);
		}
		this.decision.writeVary(this.cors);
	}

	private void restore(HttpHeaders headers, String name, String key) {
		String value = this.decision.headerValue(name, this.cors);
		if (value == null) {
			// Looked up without reading the values: Netty's headers copy them into a new
			// list.
			if (headers.containsHeader(key)) {
				headers.remove(key);
				report(name);
			}
			return;
		}
		List<String> present = headers.get(key);
		if (present == null || present.size() != 1 || !value.equals(present.get(0))) {
			headers.set(name, value);
			// Absent is not an attempt to write it: the headers were cleared, as some
			// error handling does.
			if (present != null && !present.isEmpty()) {
				report(name);
			}
		}
	}

	private void report(String name) {
		if (this.ignored.isFirstAttempt(name) && logger.isWarnEnabled()) {
			logger.warn(IgnoredCorsHeaders.warning(name, this.cors.path()));
		}
	}

	@Override
	public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
		restoreHeaders();
		return super.writeWith(body);
	}

	@Override
	public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
		restoreHeaders();
		return super.writeAndFlushWith(body);
	}

	@Override
	public Mono<Void> setComplete() {
		restoreHeaders();
		return super.setComplete();
	}

	/**
	 * The same for a response that can send a file without copying it.
	 */
	private static final class ZeroCopy extends CorsHeadersResponse implements ZeroCopyHttpOutputMessage {

		ZeroCopy(ServerHttpResponse delegate, CorsDecision decision, ReactiveCorsExchange cors,
				IgnoredCorsHeaders ignored) {
			super(delegate, decision, cors, ignored);
		}

		@Override
		public Mono<Void> writeWith(Path file, long position, long count) {
			restoreHeaders();
			return ((ZeroCopyHttpOutputMessage) getDelegate()).writeWith(file, position, count);
		}

		@Override
		public Mono<Void> writeWith(File file, long position, long count) {
			restoreHeaders();
			return ((ZeroCopyHttpOutputMessage) getDelegate()).writeWith(file, position, count);
		}

	}

}
