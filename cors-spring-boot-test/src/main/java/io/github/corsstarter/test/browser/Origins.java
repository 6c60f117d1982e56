package io.github.corsstarter.test.browser;

import java.net.URI;
import java.util.Locale;

/**
 * Serializes the origin of a URL as browsers send it in {@code Origin}.
 */
final class Origins {

	private Origins() {
	}

	/**
	 * Returns the serialized origin of an absolute URL: scheme, host and the port when it
	 * is not the scheme's default.
	 * @param url the URL
	 * @return the origin, such as {@code https://app.example.com}
	 * @throws IllegalArgumentException when the URL has no scheme or host
	 */
	static String of(URI url) {
		String scheme = url.getScheme();
		String host = url.getHost();
		if (scheme == null || host == null) {
			throw new IllegalArgumentException("'" + url + "' is not an absolute URL with a host");
		}
		scheme = scheme.toLowerCase(Locale.ROOT);
		int port = url.getPort();
		boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80)
				|| (scheme.equals("https") && port == 443);
		return scheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
	}

	/**
	 * Parses an origin as a page has it, such as {@code https://app.example.com}.
	 * @param origin the origin
	 * @return the serialized origin
	 * @throws IllegalArgumentException when the value is not an origin
	 */
	static String parse(String origin) {
		URI uri;
		try {
			uri = URI.create(origin);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("'" + origin + "' is not an origin such as https://app.example.com", ex);
		}
		boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null
				&& uri.getRawFragment() == null && uri.getRawUserInfo() == null;
		String scheme = uri.getScheme();
		if (!bare || uri.getHost() == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
			throw new IllegalArgumentException(
					"'" + origin + "' is not an origin: write the scheme, host and port only, such as"
							+ " https://app.example.com or http://localhost:5173");
		}
		return of(uri);
	}

}
