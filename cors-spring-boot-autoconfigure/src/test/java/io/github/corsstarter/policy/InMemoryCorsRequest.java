package io.github.corsstarter.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A request held in memory, built fluently for test tables. By default it is {@code GET /api/items} to
 * {@code http://api.example.com} (the server of the contract's example cases), without any CORS header.
 */
final class InMemoryCorsRequest implements CorsRequest {

	private String method = "GET";

	private String path = "/api/items";

	private final List<String> origins = new ArrayList<>();

	private String scheme = "http";

	private String host = "api.example.com";

	private int port = -1;

	private @Nullable String accessControlRequestMethod;

	private @Nullable String accessControlRequestHeaders;

	private @Nullable String accessControlRequestPrivateNetwork;

	/**
	 * Starts a request with the given method and {@code Origin} header lines (none for a request without one).
	 */
	static InMemoryCorsRequest request(String method, String... origins) {
		InMemoryCorsRequest request = new InMemoryCorsRequest();
		request.method = method;
		request.origins.addAll(Arrays.asList(origins));
		return request;
	}

	/**
	 * Starts a preflight: {@code OPTIONS} with an {@code Origin} and an {@code Access-Control-Request-Method}.
	 */
	static InMemoryCorsRequest preflight(String origin, String requestMethod) {
		return request("OPTIONS", origin).acrm(requestMethod);
	}

	InMemoryCorsRequest path(String path) {
		this.path = path;
		return this;
	}

	InMemoryCorsRequest server(String scheme, String host, int port) {
		this.scheme = scheme;
		this.host = host;
		this.port = port;
		return this;
	}

	InMemoryCorsRequest acrm(@Nullable String value) {
		this.accessControlRequestMethod = value;
		return this;
	}

	InMemoryCorsRequest acrh(@Nullable String value) {
		this.accessControlRequestHeaders = value;
		return this;
	}

	InMemoryCorsRequest acrpn(@Nullable String value) {
		this.accessControlRequestPrivateNetwork = value;
		return this;
	}

	@Override
	public String method() {
		return this.method;
	}

	@Override
	public String path() {
		return this.path;
	}

	@Override
	public @Nullable String origin() {
		return this.origins.isEmpty() ? null : this.origins.get(0);
	}

	@Override
	public boolean hasSeveralOrigins() {
		return this.origins.size() > 1;
	}

	@Override
	public String scheme() {
		return this.scheme;
	}

	@Override
	public String host() {
		return this.host;
	}

	@Override
	public int port() {
		return this.port;
	}

	@Override
	public @Nullable String accessControlRequestMethod() {
		return this.accessControlRequestMethod;
	}

	@Override
	public @Nullable String accessControlRequestHeaders() {
		return this.accessControlRequestHeaders;
	}

	@Override
	public @Nullable String accessControlRequestPrivateNetwork() {
		return this.accessControlRequestPrivateNetwork;
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder(this.method).append(' ').append(this.path);
		this.origins.forEach((origin) -> text.append(" Origin=").append(abbreviate(origin)));
		if (this.accessControlRequestMethod != null) {
			text.append(" ACRM=").append(abbreviate(this.accessControlRequestMethod));
		}
		if (this.accessControlRequestHeaders != null) {
			text.append(" ACRH=").append(abbreviate(this.accessControlRequestHeaders));
		}
		if (this.accessControlRequestPrivateNetwork != null) {
			text.append(" ACRPN=").append(abbreviate(this.accessControlRequestPrivateNetwork));
		}
		return text.append(" to ").append(this.scheme).append("://").append(this.host)
			.append((this.port > 0) ? ":" + this.port : "").toString();
	}

	private static String abbreviate(String value) {
		return (value.length() <= 80) ? value : value.substring(0, 40) + "...(" + value.length() + " chars)";
	}

}
