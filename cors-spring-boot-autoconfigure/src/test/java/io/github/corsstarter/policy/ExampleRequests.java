package io.github.corsstarter.policy;

/**
 * Requests to the server of the example cases: {@code GET /api/items} to
 * {@code http://api.example.com}, without any CORS header unless told.
 */
final class ExampleRequests {

	private ExampleRequests() {
	}

	/**
	 * Starts a request with the given method and {@code Origin} header lines (none for a
	 * request without one).
	 */
	static PlainCorsRequest.Builder request(String method, String... origins) {
		return PlainCorsRequest.builder()
			.method(method)
			.origins(origins)
			.path("/api/items")
			.scheme("http")
			.host("api.example.com");
	}

	/**
	 * Starts a preflight: {@code OPTIONS} with an {@code Origin} and an
	 * {@code Access-Control-Request-Method}.
	 */
	static PlainCorsRequest.Builder preflight(String origin, String requestMethod) {
		return request("OPTIONS", origin).accessControlRequestMethod(requestMethod);
	}

}
