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

	private final ServerHttpRequest request;

	private final HttpHeaders requestHeaders;

	private final HttpHeaders responseHeaders;

	/**
	 * The {@code Origin} header lines, read once: the engine and the headers it writes
	 * both ask for them.
	 */
	private final @Nullable List<String> origins;

	ReactiveCorsExchange(ServerWebExchange exchange) {
		this.request = exchange.getRequest();
		this.requestHeaders = this.request.getHeaders();
		this.responseHeaders = exchange.getResponse().getHeaders();
		this.origins = this.requestHeaders.get(CorsHeaders.ORIGIN);
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
		List<String> origins = this.origins;
		return (origins != null && !origins.isEmpty()) ? origins.get(0) : null;
	}

	@Override
	public boolean hasSeveralOrigins() {
		List<String> origins = this.origins;
		return origins != null && origins.size() > 1;
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
		return this.requestHeaders.getFirst(CorsHeaders.REQUEST_METHOD);
	}

	@Override
	public @Nullable String accessControlRequestHeaders() {
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
		// backed by Spring's
		// LinkedCaseInsensitiveMap makes a lower-case copy of the name each time.
		List<String> values = this.responseHeaders.get(CorsHeaders.VARY.equals(name) ? VARY_KEY : name);
		return (values != null) ? values : List.of();
	}

}
