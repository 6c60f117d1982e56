package io.github.corsstarter.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A deliberately naive reading of a serialized origin, written for tests to compare the
 * engine against: it splits with {@link String#split}, checks with regular expressions
 * and compares parsed parts, where the engine scans characters in place. It follows the
 * grammar of section 3 of docs/behaviour.md: lowercase {@code http} or {@code https}, a
 * lowercase ASCII domain (labels of letters, digits, {@code -} and {@code _}, at most 63
 * each and 253 in all, and optionally the trailing dot of a fully qualified name) or a
 * canonical IPv4 or bracketed IPv6 address, and an optional port without leading zeros
 * that is not the scheme's default.
 *
 * @param scheme {@code http} or {@code https}
 * @param host the host, IPv6 addresses with their brackets
 * @param port the port, or {@code -1} when it is the scheme's default
 */
record NaiveOrigin(String scheme, String host, int port) {

	/**
	 * Parses an origin.
	 * @param text the candidate
	 * @return the parts, or {@code null} when the candidate is not a serialized origin as
	 * browsers send it
	 */
	static @Nullable NaiveOrigin parse(String text) {
		String[] schemeAndRest = text.split("://", 2);
		if (schemeAndRest.length != 2) {
			return null;
		}
		String scheme = schemeAndRest[0];
		if (!scheme.equals("http") && !scheme.equals("https")) {
			return null;
		}
		String rest = schemeAndRest[1];
		String host;
		String port = null;
		if (rest.startsWith("[")) {
			int close = rest.indexOf(']');
			if (close < 0) {
				return null;
			}
			host = rest.substring(0, close + 1);
			String afterHost = rest.substring(close + 1);
			if (!afterHost.isEmpty()) {
				if (!afterHost.startsWith(":")) {
					return null;
				}
				port = afterHost.substring(1);
			}
			if (!isCanonicalIpv6(host.substring(1, host.length() - 1))) {
				return null;
			}
		}
		else {
			String[] hostAndPort = rest.split(":", -1);
			if (hostAndPort.length > 2) {
				return null;
			}
			host = hostAndPort[0];
			if (hostAndPort.length == 2) {
				port = hostAndPort[1];
			}
			if (!isDomainOrIpv4(host)) {
				return null;
			}
		}
		int portNumber = -1;
		if (port != null) {
			if (!port.matches("[1-9][0-9]{0,4}")) {
				return null;
			}
			portNumber = Integer.parseInt(port);
			int defaultPort = scheme.equals("https") ? 443 : 80;
			if (portNumber > 65535 || portNumber == defaultPort) {
				return null;
			}
		}
		return new NaiveOrigin(scheme, host, portNumber);
	}

	/**
	 * Returns whether a value written in {@code cors.origins} stands for this origin,
	 * read as plainly as section 3 of docs/behaviour.md 3.3 words it: {@code *} for any
	 * origin, otherwise this origin byte for byte. The value is only trimmed, never
	 * checked.
	 */
	boolean isNamedByOrigin(@Nullable String written) {
		String value = (written != null) ? written.strip() : "";
		return value.equals("*") || value.equals(toString());
	}

	/**
	 * Returns whether a value written in {@code cors.origin-patterns} stands for this
	 * origin: {@code scheme://*.domain} for a domain name of one or more labels under the
	 * domain, over that scheme and without a port; {@code scheme://host:*} for that host
	 * over that scheme on any port. The value is only trimmed, never checked.
	 */
	boolean isNamedByPattern(@Nullable String written) {
		String value = (written != null) ? written.strip() : "";
		if (value.endsWith(":*")) {
			return value.substring(0, value.length() - 2).equals(this.scheme + "://" + this.host);
		}
		String prefix = this.scheme + "://*.";
		return value.startsWith(prefix) && this.port == -1 && hasDomainName()
				&& this.host.endsWith("." + value.substring(prefix.length()));
	}

	/**
	 * Returns whether written {@code cors.origins} and {@code cors.origin-patterns} lists
	 * name this origin.
	 */
	boolean isListedIn(@Nullable List<@Nullable String> origins, @Nullable List<@Nullable String> patterns) {
		return (origins != null && origins.stream().anyMatch(this::isNamedByOrigin))
				|| (patterns != null && patterns.stream().anyMatch(this::isNamedByPattern));
	}

	/**
	 * Returns whether a trimmed value is one of the two pattern forms section 5 of
	 * docs/behaviour.md accepts: {@code scheme://*.domain} over a domain name of two
	 * labels or more (or {@code localhost}), or {@code scheme://host:*} over a serialized
	 * origin without port.
	 */
	static boolean isPattern(String value) {
		if (value.endsWith(":*")) {
			NaiveOrigin origin = parse(value.substring(0, value.length() - 2));
			return origin != null && origin.port == -1;
		}
		int wildcard = value.indexOf("://*.");
		if (wildcard < 0) {
			return false;
		}
		String domain = value.substring(wildcard + 5);
		NaiveOrigin origin = parse(value.substring(0, wildcard) + "://" + domain);
		String name = domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
		return origin != null && origin.port == -1 && origin.hasDomainName()
				&& (name.contains(".") || name.equals("localhost"));
	}

	/**
	 * Returns whether the host is a domain name, not an IP address.
	 */
	boolean hasDomainName() {
		return !this.host.startsWith("[") && !this.host.matches("[0-9.]+");
	}

	List<String> labels() {
		return Arrays.asList(this.host.split("\\."));
	}

	@Override
	public String toString() {
		return this.scheme + "://" + this.host + ((this.port >= 0) ? ":" + this.port : "");
	}

	private static boolean isDomainOrIpv4(String host) {
		// A fully qualified name keeps its trailing dot; a name ending in a number never
		// does, since the URL standard
		// parses it as an IPv4 address (or fails) and serializes that without the dot.
		if (host.length() > 1 && host.endsWith(".")) {
			String name = host.substring(0, host.length() - 1);
			return !name.endsWith(".") && isDomainOrIpv4(name) && !name.matches("(.*\\.)?[0-9]+");
		}
		if (host.length() > 253) {
			return false;
		}
		String[] labels = host.split("\\.", -1);
		for (String label : labels) {
			if (!label.matches("[a-z0-9_-]{1,63}")) {
				return false;
			}
		}
		// URL standard, "ends in a number": such a host is an IPv4 address or nothing.
		if (labels[labels.length - 1].matches("[0-9]+")) {
			if (labels.length != 4) {
				return false;
			}
			for (String label : labels) {
				if (!label.matches("0|[1-9][0-9]{0,2}") || Integer.parseInt(label) > 255) {
					return false;
				}
			}
		}
		return true;
	}

	/**
	 * Expands the text to eight pieces, serializes them as the URL standard's "IPv6
	 * serializer" does and compares.
	 */
	private static boolean isCanonicalIpv6(String text) {
		if (!text.matches("[0-9a-f:]+")) {
			return false;
		}
		List<String> pieces = new ArrayList<>();
		int compression = text.indexOf("::");
		if (compression >= 0) {
			if (compression != text.lastIndexOf("::")) {
				return false;
			}
			List<String> left = pieces(text.substring(0, compression));
			List<String> right = pieces(text.substring(compression + 2));
			if (left == null || right == null || left.size() + right.size() > 7) {
				return false;
			}
			pieces.addAll(left);
			for (int i = left.size() + right.size(); i < 8; i++) {
				pieces.add("0");
			}
			pieces.addAll(right);
		}
		else {
			List<String> all = pieces(text);
			if (all == null || all.size() != 8) {
				return false;
			}
			pieces.addAll(all);
		}
		int[] values = pieces.stream().mapToInt((piece) -> Integer.parseInt(piece, 16)).toArray();
		return serialize(values).equals(text);
	}

	private static @Nullable List<String> pieces(String text) {
		if (text.isEmpty()) {
			return List.of();
		}
		List<String> pieces = Arrays.asList(text.split(":", -1));
		for (String piece : pieces) {
			if (!piece.matches("[0-9a-f]{1,4}")) {
				return null;
			}
		}
		return pieces;
	}

	private static String serialize(int[] values) {
		int bestStart = -1;
		int bestLength = 1;
		for (int start = 0; start < 8; start++) {
			int length = 0;
			while (start + length < 8 && values[start + length] == 0) {
				length++;
			}
			if (length > bestLength) {
				bestStart = start;
				bestLength = length;
			}
		}
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < 8; i++) {
			if (i == bestStart) {
				text.append((i == 0) ? "::" : ":");
				i += bestLength - 1;
				continue;
			}
			text.append(Integer.toHexString(values[i]));
			if (i < 7) {
				text.append(':');
			}
		}
		return text.toString();
	}

}
