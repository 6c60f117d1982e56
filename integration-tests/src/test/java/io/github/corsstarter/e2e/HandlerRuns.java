package io.github.corsstarter.e2e;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * Counts the API handler invocations of each request origin, so that a browser test can
 * tell that no request from a refused origin reached a handler.
 */
public final class HandlerRuns {

	private final Map<String, AtomicInteger> byOrigin = new ConcurrentHashMap<>();

	/**
	 * Records that a handler ran.
	 * @param origin the request's {@code Origin} header, or {@code null} when it had none
	 */
	public void record(@Nullable String origin) {
		if (origin != null) {
			this.byOrigin.computeIfAbsent(origin, (key) -> new AtomicInteger()).incrementAndGet();
		}
	}

	/**
	 * Returns how many times a handler ran for requests from an origin.
	 * @param origin the origin
	 * @return the count
	 */
	public int count(String origin) {
		AtomicInteger count = this.byOrigin.get(origin);
		return (count != null) ? count.get() : 0;
	}

}
