package io.github.corsstarter.policy;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CORS headers an application tried to write on responses the policy covers, where
 * the starter ignores them (its own are the only ones a covered response carries). Each
 * header name is reported once for the life of an adapter, so that a handler hit on every
 * request logs one warning, not one per request.
 * <p>
 * Thread-safe. Memory is bounded: names are remembered up to {@link #MAX_NAMES}, then no
 * more are reported, since an application could write any number of made-up
 * {@code Access-Control-*} names.
 */
public final class IgnoredCorsHeaders {

	/**
	 * The most header names reported: the seven response headers of the CORS protocol and
	 * of Private Network Access, their request headers, and room for misspellings.
	 */
	public static final int MAX_NAMES = 32;

	private final Set<String> reported = ConcurrentHashMap.newKeySet();

	/**
	 * Records an attempt to write a CORS header and returns whether it is the first for
	 * that name, in any case. Under concurrent first attempts the set may hold a few more
	 * names than {@link #MAX_NAMES}, never more than one more per thread.
	 * @param name the header name the application wrote
	 * @return {@code true} the first time a name is seen while fewer than
	 * {@link #MAX_NAMES} were reported
	 */
	public boolean isFirstAttempt(String name) {
		if (this.reported.size() >= MAX_NAMES) {
			return false;
		}
		return this.reported.add(name.toLowerCase(Locale.ROOT));
	}

	/**
	 * Returns the warning that reports an ignored CORS header.
	 * @param name the header name the application wrote
	 * @param path the path of the request, as the policy saw it
	 * @return the message
	 */
	public static String warning(String name, String path) {
		return "Ignored the " + name + " header the application wrote on " + path
				+ ": the CORS policy (cors.*) covers this path and writes its CORS headers itself. Set CORS headers "
				+ "in one place only: remove @CrossOrigin, addCorsMappings or the code that writes the header, "
				+ "or leave the path to it with cors.exclude-paths.";
	}

}
