package io.github.corsstarter.policy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers of a response as tests compare them.
 */
final class WrittenHeaders {

	private WrittenHeaders() {
	}

	/**
	 * Returns every header, each with its lines joined by {@code " | "} so that a test
	 * sees when a header was written as two lines rather than one.
	 */
	static Map<String, String> of(InMemoryCorsResponse response) {
		Map<String, String> headers = new LinkedHashMap<>();
		response.headers().forEach((name, lines) -> headers.put(name, String.join(" | ", lines)));
		return headers;
	}

}
