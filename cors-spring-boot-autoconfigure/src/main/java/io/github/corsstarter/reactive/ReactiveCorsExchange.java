package io.github.corsstarter.reactive;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import io.github.corsstarter.policy.CorsDecision;
import io.github.corsstarter.policy.CorsHeaders;
import io.github.corsstarter.policy.CorsRequest;
import io.github.corsstarter.policy.CorsResponse;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.ClassUtils;
import org.springframework.web.server.ServerWebExchange;

/**
 * Presents a reactive exchange to the policy engine, through Spring's API. On Reactor
 * Netty, {@link #of} gives a {@link NettyCorsExchange}, which reads and writes the
 * headers on Netty's own.
 */
class ReactiveCorsExchange implements CorsRequest, CorsResponse {

	private static final boolean REACTOR_NETTY_PRESENT = ClassUtils
		.isPresent("reactor.netty.http.server.HttpServerResponse", ReactiveCorsExchange.class.getClassLoader());

	private static final String VARY_KEY = CorsHeaders.VARY.toLowerCase(Locale.ROOT);

	/**
	 * Marks a header not read yet, compared by identity.
	 */
	private static final String UNREAD = new String("unread");

	private final ServerHttpRequest request;

	private final HttpHeaders requestHeaders;

	private final HttpHeaders responseHeaders;

	/**
	 * The {@code Origin} header, read once: the engine and the headers it writes both ask
	 * for it.
	 */
	private @Nullable String origin;

	private boolean severalOrigins;

	/**
	 * The preflight headers, read once each when first asked for: the engine asks for
	 * them again when it writes the headers that repeat them.
	 */
	private @Nullable String accessControlRequestMethod = UNREAD;

	private @Nullable String accessControlRequestHeaders = UNREAD;

	/**
	 * Presents an exchange through Spring's API.
	 * @param exchange the exchange
	 */
	ReactiveCorsExchange(ServerWebExchange exchange) {
		this(exchange, true);
	}

	/**
	 * Presents an exchange.
	 * @param exchange the exchange
	 * @param readOrigin whether to read {@code Origin} through Spring's API; otherwise
	 * the subclass calls {@link #origin(String, boolean)}
	 */
	ReactiveCorsExchange(ServerWebExchange exchange, boolean readOrigin) {
		this.request = exchange.getRequest();
		this.requestHeaders = this.request.getHeaders();
		this.responseHeaders = exchange.getResponse().getHeaders();
		if (readOrigin) {
			List<String> origins = this.requestHeaders.get(CorsHeaders.ORIGIN);
			origin((origins != null && !origins.isEmpty()) ? origins.get(0) : null,
					origins != null && origins.size() > 1);
		}
	}

	/**
	 * Presents an exchange the fastest way its server allows.
	 * @param exchange the exchange
	 * @return a {@link NettyCorsExchange} on Reactor Netty, otherwise an exchange read
	 * through Spring's API
	 */
	static ReactiveCorsExchange of(ServerWebExchange exchange) {
		if (REACTOR_NETTY_PRESENT) {
			ReactiveCorsExchange netty = NettyCorsExchange.of(exchange);
			if (netty != null) {
				return netty;
			}
		}
		return new ReactiveCorsExchange(exchange);
	}

	/**
	 * Writes a body, whole, as a response's content, with its {@code Content-Type} and
	 * {@code Content-Length}, committing the response with the status and other headers
	 * set on it: on Reactor Netty in one send of Reactor Netty's own once Spring's
	 * response is committed, otherwise with {@code writeWith}.
	 * @param response a response not committed yet
	 * @param contentType the body's media type
	 * @param body the body, which is only read
	 * @return completes when the response is written
	 */
	static Mono<Void> writeBody(ServerHttpResponse response, String contentType, byte[] body) {
		if (REACTOR_NETTY_PRESENT) {
			Mono<Void> written = NettyCorsExchange.writeBody(response, contentType, body);
			if (written != null) {
				return written;
			}
		}
		HttpHeaders headers = response.getHeaders();
		headers.set(HttpHeaders.CONTENT_TYPE, contentType);
		headers.setContentLength(body.length);
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
	}

	final void origin(@Nullable String origin, boolean severalOrigins) {
		this.origin = origin;
		this.severalOrigins = severalOrigins;
	}

	@Override
	public String method() {
		return this.request.getMethod().name();
	}

	@Override
	public String path() {
		return this.request.getPath().pathWithinApplication().value();
	}

	@Override
	public @Nullable String origin() {
		return this.origin;
	}

	@Override
	public boolean hasSeveralOrigins() {
		return this.severalOrigins;
	}

	@Override
	public String scheme() {
		String scheme = this.request.getURI().getScheme();
		return (scheme != null) ? scheme : "http";
	}

	@Override
	public String host() {
		String host = this.request.getURI().getHost();
		return (host != null) ? host : "";
	}

	@Override
	public int port() {
		URI uri = this.request.getURI();
		return uri.getPort();
	}

	@Override
	public final @Nullable String accessControlRequestMethod() {
		String method = this.accessControlRequestMethod;
		if (method == UNREAD) {
			method = readAccessControlRequestMethod();
			this.accessControlRequestMethod = method;
		}
		return method;
	}

	@Override
	public final @Nullable String accessControlRequestHeaders() {
		String headers = this.accessControlRequestHeaders;
		if (headers == UNREAD) {
			headers = readAccessControlRequestHeaders();
			this.accessControlRequestHeaders = headers;
		}
		return headers;
	}

	@Nullable String readAccessControlRequestMethod() {
		return this.requestHeaders.getFirst(CorsHeaders.REQUEST_METHOD);
	}

	/**
	 * Reads the {@code Access-Control-Request-Headers} lines, joined with commas when
	 * there are several.
	 * @return the value, or {@code null} for none
	 */
	@Nullable String readAccessControlRequestHeaders() {
		List<String> values = this.requestHeaders.get(CorsHeaders.REQUEST_HEADERS);
		if (values == null || values.isEmpty()) {
			return null;
		}
		return (values.size() == 1) ? values.get(0) : String.join(",", values);
	}

	@Override
	public @Nullable String accessControlRequestPrivateNetwork() {
		return this.requestHeaders.getFirst(CorsHeaders.REQUEST_PRIVATE_NETWORK);
	}

	@Override
	public void setHeader(String name, String value) {
		this.responseHeaders.set(name, value);
	}

	@Override
	public Collection<String> getHeaders(String name) {
		// The engine reads Vary only, twice per exchange: asked for "Vary", a header map
		// backed by Spring's LinkedCaseInsensitiveMap makes a lower-case copy of the name
		// each time.
		List<String> values = this.responseHeaders.get(CorsHeaders.VARY.equals(name) ? VARY_KEY : name);
		return (values != null) ? values : List.of();
	}

	/**
	 * Writes the headers of the decision made for this exchange on its response.
	 * @param decision the decision made for this exchange
	 */
	void writeHeaders(CorsDecision decision) {
		decision.writeHeaders(this, this);
	}

	/**
	 * Returns whether the response is known, without looking each header up, to carry
	 * exactly the headers a decision writes.
	 * @param decision the decision made for this exchange
	 * @return {@code true} when nothing needs restoring; {@code false} when the headers
	 * are to be looked up and restored
	 */
	boolean carries(CorsDecision decision) {
		return false;
	}

	/**
	 * Writes an answer once the request's body has been read to its end (see
	 * {@link AnswerAfterBody}).
	 * @param answer writes the answer
	 * @param limit the most body bytes read before the answer is written anyway
	 * @return completes when the answer is written
	 */
	Mono<Void> answerAfterBody(Supplier<Mono<Void>> answer, long limit) {
		return AnswerAfterBody.of(this.request.getBody(), answer, limit);
	}

}
