package io.github.corsstarter.autoconfigure;

import io.github.corsstarter.policy.CorsRequest;
import org.jspecify.annotations.Nullable;

/**
 * A request as the engine sees it, for asking a policy bean what it decides, received by
 * {@code api.example.com} over https.
 */
record TestCorsRequest(String method, String path, @Nullable String origin, @Nullable String accessControlRequestMethod)
		implements CorsRequest {

	static TestCorsRequest get(String path, String origin) {
		return new TestCorsRequest("GET", path, origin, null);
	}

	static TestCorsRequest preflight(String path, String origin, String method) {
		return new TestCorsRequest("OPTIONS", path, origin, method);
	}

	@Override
	public boolean hasSeveralOrigins() {
		return false;
	}

	@Override
	public String scheme() {
		return "https";
	}

	@Override
	public String host() {
		return "api.example.com";
	}

	@Override
	public int port() {
		return -1;
	}

	@Override
	public @Nullable String accessControlRequestHeaders() {
		return null;
	}

	@Override
	public @Nullable String accessControlRequestPrivateNetwork() {
		return null;
	}

}
