package io.github.corsstarter.benchmarks.doubles;

import io.github.corsstarter.policy.CorsRequest;
import org.jspecify.annotations.Nullable;

/**
 * A request for the starter's engine whose every value is set once: what the engine reads, without a web
 * adapter in between.
 */
public final class PresetCorsRequest implements CorsRequest {

	private final String method;

	private final String path;

	private final @Nullable String origin;

	private final String scheme;

	private final String host;

	private final int port;

	private final @Nullable String accessControlRequestMethod;

	private final @Nullable String accessControlRequestHeaders;

	/**
	 * Creates a request.
	 * @param method the method
	 * @param path the path within the application
	 * @param origin the {@code Origin} header, or {@code null}
	 * @param scheme the server's scheme
	 * @param host the server's host
	 * @param port the server's port
	 * @param accessControlRequestMethod the {@code Access-Control-Request-Method} header, or {@code null}
	 * @param accessControlRequestHeaders the {@code Access-Control-Request-Headers} header, or {@code null}
	 */
	public PresetCorsRequest(String method, String path, @Nullable String origin, String scheme, String host,
			int port, @Nullable String accessControlRequestMethod, @Nullable String accessControlRequestHeaders) {
		this.method = method;
		this.path = path;
		this.origin = origin;
		this.scheme = scheme;
		this.host = host;
		this.port = port;
		this.accessControlRequestMethod = accessControlRequestMethod;
		this.accessControlRequestHeaders = accessControlRequestHeaders;
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
		return this.origin;
	}

	@Override
	public boolean hasSeveralOrigins() {
		return false;
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
		return null;
	}

}
