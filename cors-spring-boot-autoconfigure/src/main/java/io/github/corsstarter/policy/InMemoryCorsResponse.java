package io.github.corsstarter.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Response headers held in memory, for seeing what a {@link CorsDecision} writes without
 * a server: in a unit test, or in the Actuator endpoint. Names compare
 * case-insensitively, as in HTTP; each keeps the spelling it was first written with, and
 * may have several values (header lines), like a servlet response. For example:
 * <pre class="code">
 * InMemoryCorsResponse response = new InMemoryCorsResponse();
 * policy.decide(request).writeHeaders(request, response);
 * assertThat(response.getHeader("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
 * </pre>
 */
public final class InMemoryCorsResponse implements CorsResponse {

	private final Map<String, String> names = new LinkedHashMap<>();

	private final Map<String, List<String>> values = new LinkedHashMap<>();

	/**
	 * Adds a header line, keeping the lines the header has: what a handler or an earlier
	 * filter may have written before the decision is.
	 * @param name the header name
	 * @param value the header value
	 * @return this response
	 */
	public InMemoryCorsResponse addHeader(String name, String value) {
		String key = key(name);
		this.names.putIfAbsent(key, name);
		this.values.computeIfAbsent(key, (k) -> new ArrayList<>()).add(value);
		return this;
	}

	@Override
	public void setHeader(String name, String value) {
		String key = key(name);
		this.names.putIfAbsent(key, name);
		this.values.put(key, new ArrayList<>(List.of(value)));
	}

	@Override
	public Collection<String> getHeaders(String name) {
		return List.copyOf(this.values.getOrDefault(key(name), List.of()));
	}

	/**
	 * Returns the first value of a header.
	 * @param name the header name, in any case
	 * @return the value, or {@code null} when the response has no such header
	 */
	public @Nullable String getHeader(String name) {
		List<String> lines = this.values.get(key(name));
		return (lines != null) ? lines.get(0) : null;
	}

	/**
	 * Returns every header in the order first written, each name spelt as first written,
	 * with its lines.
	 * @return an unmodifiable copy of the headers
	 */
	public Map<String, List<String>> headers() {
		Map<String, List<String>> headers = new LinkedHashMap<>();
		this.values.forEach((key, lines) -> headers.put(this.names.get(key), List.copyOf(lines)));
		return Collections.unmodifiableMap(headers);
	}

	@Override
	public String toString() {
		return headers().toString();
	}

	private static String key(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

}
