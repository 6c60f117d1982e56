package io.github.corsstarter.benchmarks.doubles;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.corsstarter.policy.CorsResponse;
import org.jspecify.annotations.Nullable;

/**
 * Collects the headers a decision writes, to check what it says. Used when a benchmark sets up, never measured.
 */
public final class RecordingCorsResponse implements CorsResponse {

	private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

	@Override
	public void setHeader(String name, String value) {
		this.headers.put(name, value);
	}

	@Override
	public Collection<String> getHeaders(String name) {
		String value = this.headers.get(name);
		return (value != null) ? List.of(value) : List.of();
	}

	/**
	 * Returns the value written for a header.
	 * @param name the header name
	 * @return the value, or {@code null} when none was written
	 */
	public @Nullable String getHeader(String name) {
		return this.headers.get(name);
	}

}
