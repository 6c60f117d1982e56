package io.github.corsstarter.reactive;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import io.github.corsstarter.policy.CorsHeaders;
import io.github.corsstarter.policy.CorsRequest;
import io.github.corsstarter.policy.CorsResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * Presents a reactive exchange to the policy engine.
 */
final class ReactiveCorsExchange implements CorsRequest, CorsResponse {

	private static final String VARY_KEY = CorsHeaders.VARY.toLowerCase(Locale.ROOT);

	/**
	 * Marks a header not read yet, compared by identity.
	 */
	private static final String UNREAD = new String("unread");

	private final ServerHttpRequest request;

	private final HttpHeaders requestHeaders;

	private final HttpHeaders responseHeaders;

	/**
	 * The request's headers as Netty decoded them, on Reactor Netty: read there instead
	 * of through {@link #requestHeaders}.
	 */
	private final @Nullable NettyRequest nettyRequest;

	/**
	 * The {@code Origin} header, read once: the engine and the headers it writes both ask
	 * for it.
	 */
	private final @Nullable String origin;

	private final boolean severalOrigins;

	/**
	 * The preflight headers, read once each when first asked for: the engine asks for
	 * them again when it writes the headers that repeat them.
	 */
	private @Nullable String accessControlRequestMethod = UNREAD;

	private @Nullable String accessControlRequestHeaders = UNREAD;

	/**
	 * Presents an exchange whose request headers are read through Spring's API.
	 * @param exchange the exchange
	 */
	ReactiveCorsExchange(ServerWebExchange exchange) {
		this(exchange, null);
	}

	/**
	 * Presents an exchange.
	 * @param exchange the exchange
	 * @param nettyRequest the request's Netty headers, when it is Reactor Netty's
	 */
	ReactiveCorsExchange(ServerWebExchange exchange, @Nullable NettyRequest nettyRequest) {
		this.request = exchange.getRequest();
		this.requestHeaders = this.request.getHeaders();
		this.responseHeaders = exchange.getResponse().getHeaders();
		this.nettyRequest = nettyRequest;
		if (nettyRequest != null) {
			this.origin = nettyRequest.origin();
			this.severalOrigins = nettyRequest.hasSeveralOrigins();
		}
		else {
			List<String> origins = this.requestHeaders.get(CorsHeaders.ORIGIN);
			this.origin = (origins != null && !origins.isEmpty()) ? origins.get(0) : null;
			this.severalOrigins = origins != null && origins.size() > 1;
		}
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
	public @Nullable String accessControlRequestMethod() {
		String method = this.accessControlRequestMethod;
		if (method == UNREAD) {
			method = (this.nettyRequest != null) ? this.nettyRequest.accessControlRequestMethod()
					: this.requestHeaders.getFirst(CorsHeaders.REQUEST_METHOD);
			this.accessControlRequestMethod = method;
		}
		return method;
	}

	@Override
	public @Nullable String accessControlRequestHeaders() {
		String headers = this.accessControlRequestHeaders;
		if (headers == UNREAD) {
			headers = (this.nettyRequest != null) ? this.nettyRequest.accessControlRequestHeaders()
					: joined(this.requestHeaders.get(CorsHeaders.REQUEST_HEADERS));
			this.accessControlRequestHeaders = headers;
		}
		return headers;
	}

	@Override
	public @Nullable String accessControlRequestPrivateNetwork() {
		return (this.nettyRequest != null) ? this.nettyRequest.accessControlRequestPrivateNetwork()
				: this.requestHeaders.getFirst(CorsHeaders.REQUEST_PRIVATE_NETWORK);
	}

	private static @Nullable String joined(@Nullable List<String> values) {
		if (values == null || values.isEmpty()) {
			return null;
		}
		return (values.size() == 1) ? values.get(0) : String.join(",", values);
	}

	@Override
	public void setHeader(String name, String value) {
		this.responseHeaders.set(name, value);
	}

	@Override
	public Collection<String> getHeaders(String name) {
		// The engine reads Vary only, twice per exchange: asked for "Vary", a header map
		// backed by Spring's
		// LinkedCaseInsensitiveMap makes a lower-case copy of the name each time.
		List<String> values = this.responseHeaders.get(CorsHeaders.VARY.equals(name) ? VARY_KEY : name);
		return (values != null) ? values : List.of();
	}

}
