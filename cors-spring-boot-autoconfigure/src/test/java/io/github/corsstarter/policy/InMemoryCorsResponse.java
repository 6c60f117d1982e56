package io.github.corsstarter.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Response headers held in memory. Names compare case-insensitively, as in HTTP; each keeps the spelling it was
 * first written with, and may have several values (header lines), like a servlet response.
 */
final class InMemoryCorsResponse implements CorsResponse {

	private final Map<String, String> names = new LinkedHashMap<>();

	private final Map<String, List<String>> values = new LinkedHashMap<>();

	/**
	 * Adds a header line, as a handler or an earlier filter would.
	 */
	InMemoryCorsResponse addHeader(String name, String value) {
		String key = name.toLowerCase(Locale.ROOT);
		this.names.putIfAbsent(key, name);
		this.values.computeIfAbsent(key, (k) -> new ArrayList<>()).add(value);
		return this;
	}

	@Override
	public void setHeader(String name, String value) {
		String key = name.toLowerCase(Locale.ROOT);
		this.names.putIfAbsent(key, name);
		this.values.put(key, new ArrayList<>(List.of(value)));
	}

	@Override
	public Collection<String> getHeaders(String name) {
		return List.copyOf(this.values.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()));
	}

	/**
	 * Returns every header, each with its lines joined by {@code " | "} so that a test sees when a header was
	 * written as two lines rather than one.
	 */
	Map<String, String> headers() {
		Map<String, String> headers = new LinkedHashMap<>();
		this.values.forEach((key, lines) -> headers.put(this.names.get(key), String.join(" | ", lines)));
		return headers;
	}

}
