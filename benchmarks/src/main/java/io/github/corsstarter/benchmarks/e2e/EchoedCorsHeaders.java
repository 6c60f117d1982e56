package io.github.corsstarter.benchmarks.e2e;

import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;

/**
 * The {@code headers} mode of the end-to-end benchmark: the CORS headers the starter
 * writes on an allowed response of the benchmark's policy, written on every response that
 * has an {@code Origin}, with no decision at all (the origin is echoed, whatever it is).
 * Not a CORS implementation, and never one to deploy: it measures what the headers alone
 * cost a server and its client (bytes written, sent and parsed), the floor under any
 * filter that answers the benchmark's allowed origin as the contract says. {@code e2e.sh}
 * checks that the headers are the starter's, name for name and value for value.
 */
public final class EchoedCorsHeaders {

	private EchoedCorsHeaders() {
	}

	/**
	 * Writes the headers.
	 * @param origin the request's {@code Origin}, or {@code null} when it has none
	 * @param setHeader sets a response header
	 */
	public static void write(@Nullable String origin, BiConsumer<String, String> setHeader) {
		if (origin == null) {
			return;
		}
		setHeader.accept("Access-Control-Allow-Origin", origin);
		setHeader.accept("Access-Control-Allow-Credentials", "true");
		setHeader.accept("Access-Control-Expose-Headers", "X-Total-Count");
		setHeader.accept("Vary", "Origin");
	}

}
