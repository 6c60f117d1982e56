package io.github.corsstarter.policy;

import java.net.IDN;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Explains why a configured origin or origin pattern can never match what browsers send,
 * with the value to write instead. A value is accepted only when {@link OriginSyntax}
 * accepts it, so the configuration and the requests follow one grammar; and then only
 * when browsers can send it at all, which the grammar does not check on every request: an
 * {@code xn--} label must be valid punycode, and a pattern's shortest match must fit in a
 * host.
 */
final class OriginProblems {

	private static final String FORMS = "write https://*.example.com (any subdomain) or http://localhost:* (any port)";

	/**
	 * What people put between origins instead of one comma: ';', white space, or a comma
	 * the binder kept.
	 */
	private static final Pattern SEPARATORS = Pattern.compile("[;,\\s]+");

	private OriginProblems() {
	}

	/**
	 * A reason and a hint.
	 *
	 * @param reason why the value cannot be used
	 * @param hint what to write instead
	 */
	record Problem(String reason, String hint) {
	}

	/**
	 * Recognises several origins, or origin patterns, written as one list element:
	 * separated by {@code ;} or white space, as in
	 * {@code CORS_ORIGINS="https://a.example.com;https://b.example.com"}, or by a comma
	 * the binder did not split on, as in a quoted string inside a YAML list. Each piece
	 * must have a scheme, so that a value with a stray separator, such as
	 * {@code https://a.example.com;x}, keeps the diagnosis of a single origin.
	 * @param value the trimmed value
	 * @return the problem, with the value written as comma-separated origins, or
	 * {@code null} when the value is not several origins
	 */
	static @Nullable Problem ofSeveral(String value) {
		String[] pieces = SEPARATORS.split(value);
		if (pieces.length < 2 || !Arrays.stream(pieces).allMatch((piece) -> piece.contains("://"))) {
			return null;
		}
		String reason = "holds " + pieces.length + " origins";
		if (value.contains(",")) {
			reason += " in one list element: the comma between them did not split the list, as happens to a quoted"
					+ " string inside a YAML list";
		}
		else {
			reason += " separated by " + (value.contains(";") ? "';'" : "white space") + ", where a comma belongs";
		}
		return new Problem(reason, "separate them with commas: write " + String.join(",", pieces)
				+ " (in a YAML list, one origin per element)");
	}

	/**
	 * Diagnoses a configured origin.
	 * @param origin the trimmed value
	 * @return the problem, or {@code null} when the value is a serialized origin
	 */
	static @Nullable Problem ofOrigin(String origin) {
		int hostEnd = OriginSyntax.hostEnd(origin);
		if (hostEnd >= 0) {
			return ofAceLabels(origin.substring(OriginSyntax.hostStart(origin), hostEnd));
		}
		if (origin.equalsIgnoreCase("null")) {
			return new Problem(
					"the 'null' origin is shared by sandboxed frames, local files and redirected requests,"
							+ " so allowing it allows all of them",
					"remove it, and serve such pages from a real origin");
		}
		if (origin.chars().anyMatch(Character::isWhitespace)) {
			return new Problem("contains white space", "write " + origin.replaceAll("\\s", ""));
		}
		int schemeEnd = origin.indexOf("://");
		if (schemeEnd < 0) {
			String host = origin.startsWith("//") ? origin.substring(2) : origin;
			return new Problem("has no scheme; browsers send the scheme as part of the origin",
					"write https://" + host + " (or http:// for a local development server)");
		}
		String scheme = origin.substring(0, schemeEnd);
		if (!scheme.equals("http") && !scheme.equals("https")) {
			if (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) {
				return lowercase(origin);
			}
			return new Problem("has the scheme '" + scheme + "'; CORS origins are http or https",
					"write the origin of the page that calls the API, such as https://app.example.com");
		}
		String rest = origin.substring(schemeEnd + 3);
		int authorityEnd = indexOfAny(rest, "/?#");
		String authority = (authorityEnd < 0) ? rest : rest.substring(0, authorityEnd);
		String bare = scheme + "://" + authority;
		if (authority.contains("@")) {
			return new Problem("has user information; browsers never send it in an origin",
					"write " + scheme + "://" + authority.substring(authority.lastIndexOf('@') + 1));
		}
		if (authorityEnd >= 0) {
			return pathQueryOrFragment(rest, authorityEnd, bare);
		}
		if (!authority.equals(authority.toLowerCase(Locale.ROOT))) {
			return lowercase(origin);
		}
		int portStart = portStart(authority);
		String host = (portStart < 0) ? authority : authority.substring(0, portStart);
		if (host.isEmpty()) {
			return new Problem("has no host", "write the host, such as https://app.example.com");
		}
		if (!host.chars().allMatch((c) -> c < 0x80)) {
			return new Problem("has a non-ASCII host; browsers send internationalized domain names in punycode",
					"write " + scheme + "://" + punycode(host)
							+ ((portStart < 0) ? "" : authority.substring(portStart)));
		}
		if (portStart >= 0) {
			Problem port = ofPort(scheme, host, authority.substring(portStart + 1));
			if (port != null) {
				return port;
			}
		}
		return ofHost(host);
	}

	/**
	 * Diagnoses a configured origin pattern.
	 * @param pattern the trimmed value
	 * @param originsProperty the property exact origins go into, for the hint
	 * @return the problem, or {@code null} when the pattern is {@code scheme://*.domain}
	 * or {@code scheme://host:*}
	 */
	static @Nullable Problem ofPattern(String pattern, String originsProperty) {
		if (pattern.equals("*")) {
			return new Problem("'*' alone is not a pattern", "set " + originsProperty + "=* to allow any origin");
		}
		int wildcards = (int) pattern.chars().filter((c) -> c == '*').count();
		if (wildcards == 0) {
			Problem origin = ofOrigin(pattern);
			return (origin != null) ? origin
					: new Problem("has no wildcard", "move it to " + originsProperty + ", or " + FORMS);
		}
		int schemeEnd = pattern.indexOf("://");
		if (schemeEnd < 0) {
			return new Problem("has no scheme; browsers send the scheme as part of the origin",
					"write https://" + pattern);
		}
		if (wildcards > 1) {
			return new Problem("has more than one wildcard", FORMS);
		}
		if (pattern.endsWith(":*")) {
			String origin = pattern.substring(0, pattern.length() - 2);
			Problem problem = ofOrigin(origin);
			if (problem != null) {
				return new Problem("before ':*' the pattern " + problem.reason(), problem.hint() + ":*");
			}
			int hostEnd = OriginSyntax.hostEnd(origin);
			if (hostEnd != origin.length()) {
				// It would stand for origins with two ports, which never match.
				return new Problem("already has a port before ':*'", "write " + origin.substring(0, hostEnd) + ":*");
			}
			return null;
		}
		String scheme = pattern.substring(0, schemeEnd);
		String prefix = scheme + "://*.";
		if (!pattern.startsWith(prefix)) {
			return new Problem("puts its wildcard somewhere other than the first label or the port", FORMS);
		}
		String domain = pattern.substring(prefix.length());
		Problem problem = ofOrigin(scheme + "://" + domain);
		if (problem != null) {
			return new Problem("after '*.' the pattern " + problem.reason(), problem.hint());
		}
		if (domain.startsWith("[") || domain.contains(":") || isIpv4Address(domain)) {
			return new Problem("puts a wildcard label on an IP address or with a port", FORMS);
		}
		// Subdomains of localhost are loopback names (RFC 6761), a common local
		// development setup.
		String name = withoutTrailingDot(domain);
		if (name.indexOf('.') < 0 && !name.equals("localhost")) {
			return new Problem("allows every site under the top-level domain '" + domain + "'",
					"name your own domain, such as " + scheme + "://*.example." + domain);
		}
		// The shortest host the pattern matches has one more label, of one character, and
		// its dot.
		if (name.length() + 2 > OriginSyntax.MAX_HOST_LENGTH) {
			return new Problem(
					"can never match: its shortest match, a label of one character under the domain, has"
							+ " a host longer than " + OriginSyntax.MAX_HOST_LENGTH + " characters",
					"write a domain of at most " + (OriginSyntax.MAX_HOST_LENGTH - 2) + " characters");
		}
		return null;
	}

	/**
	 * Returns whether a valid origin, or the origin part of a pattern, is a loopback
	 * address, which browsers treat as potentially trustworthy even over http.
	 */
	static boolean isLoopback(String host) {
		// Secure Contexts, "potentially trustworthy origin": localhost and its
		// subdomains, with or without the
		// trailing dot of a fully qualified name.
		String name = withoutTrailingDot(host);
		return name.equals("localhost") || name.endsWith(".localhost") || host.equals("[::1]")
				|| (host.startsWith("127.") && isIpv4Address(host));
	}

	/**
	 * Returns a host without the trailing dot of a fully qualified name:
	 * {@code localhost.} is {@code localhost}.
	 */
	static String withoutTrailingDot(String host) {
		return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
	}

	/**
	 * Returns whether a valid host is a dotted IPv4 address rather than a domain name
	 * such as {@code 127.0.0.1.nip.io}: a valid host made of digits and dots can only be
	 * one.
	 */
	private static boolean isIpv4Address(String host) {
		return host.chars().allMatch((c) -> c == '.' || (c >= '0' && c <= '9'));
	}

	/**
	 * A well-formed host may still hold an {@code xn--} label that browsers never send:
	 * one that is not the punycode of an internationalized label.
	 */
	private static @Nullable Problem ofAceLabels(String host) {
		for (String label : host.split("\\.")) {
			if (!Punycode.isValidLabel(label)) {
				return new Problem(
						"has the label '" + label + "', which is not the punycode of an internationalized"
								+ " label (RFC 3492), so browsers never send it",
						"write the label as browsers encode it, such as xn--bcher-kva for b\u00fccher");
			}
		}
		return null;
	}

	private static Problem lowercase(String origin) {
		return new Problem("is not lowercase; browsers send the scheme and host in lowercase",
				"write " + origin.toLowerCase(Locale.ROOT));
	}

	private static Problem pathQueryOrFragment(String rest, int authorityEnd, String bare) {
		char c = rest.charAt(authorityEnd);
		if (c == '/' && authorityEnd == rest.length() - 1) {
			return new Problem("ends with '/'; an origin has no path, not even '/'", "write " + bare);
		}
		String what = switch (c) {
			case '/' -> "a path";
			case '?' -> "a query";
			default -> "a fragment";
		};
		return new Problem("has " + what + "; an origin is only scheme://host[:port]", "write " + bare);
	}

	private static @Nullable Problem ofPort(String scheme, String host, String port) {
		String bare = scheme + "://" + host;
		if (port.isEmpty()) {
			return new Problem("has an empty port", "write " + bare);
		}
		if (!port.chars().allMatch((c) -> c >= '0' && c <= '9') || port.length() > 5) {
			return new Problem("has the port '" + port + "', which is not a number from 1 to 65535",
					"write a port from 1 to 65535, or none");
		}
		int value = Integer.parseInt(port);
		if (value < 1 || value > 65535) {
			return new Problem("has the port " + port + ", outside 1 to 65535", "write a port from 1 to 65535");
		}
		if (port.charAt(0) == '0') {
			return new Problem("has a port with leading zeros; browsers send the port without them",
					"write " + bare + ":" + value);
		}
		int defaultPort = scheme.equals("https") ? 443 : 80;
		if (value == defaultPort) {
			return new Problem(
					"writes out the default port " + value + " of " + scheme + "; browsers leave the default port out",
					"write " + bare);
		}
		return null;
	}

	private static Problem ofHost(String host) {
		String hint = "write a domain name in lowercase ASCII (punycode for internationalized names), a dotted IPv4"
				+ " address or a bracketed IPv6 address";
		if (host.startsWith("[")) {
			return new Problem("has the host " + host + ", which is not an IPv6 address as browsers write it"
					+ " (lowercase, compressed)", hint);
		}
		// The trailing dot of a fully qualified name is kept (URL standard, "host
		// parsing"); the limits apply to the
		// name before it.
		boolean fullyQualified = host.length() > 1 && host.endsWith(".");
		String name = fullyQualified ? withoutTrailingDot(host) : host;
		if (name.length() > OriginSyntax.MAX_HOST_LENGTH) {
			return new Problem("has a host longer than " + OriginSyntax.MAX_HOST_LENGTH + " characters", hint);
		}
		for (String label : name.split("\\.", -1)) {
			if (label.isEmpty()) {
				return new Problem("has an empty label in its host (a leading or double dot)", hint);
			}
			if (label.length() > OriginSyntax.MAX_LABEL_LENGTH) {
				return new Problem("has a host label longer than " + OriginSyntax.MAX_LABEL_LENGTH + " characters",
						hint);
			}
		}
		String lastLabel = name.substring(name.lastIndexOf('.') + 1);
		if (fullyQualified && lastLabel.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			return new Problem(
					"ends in a number before its trailing dot; browsers parse such a host as an IPv4"
							+ " address (URL standard, \"ends in a number\") and never send it with the dot",
					"write a dotted IPv4 address without the trailing dot, such as 127.0.0.1, or a domain name");
		}
		if (host.chars().allMatch((c) -> c == '.' || (c >= '0' && c <= '9'))) {
			return new Problem("has the host " + host + ", which is not a dotted IPv4 address as browsers write it",
					"write four numbers from 0 to 255 without leading zeros, such as 127.0.0.1");
		}
		return new Problem("has the host '" + host + "', which has characters a host name cannot have", hint);
	}

	private static int portStart(String authority) {
		if (authority.startsWith("[")) {
			int close = authority.indexOf(']');
			return (close >= 0 && close + 1 < authority.length() && authority.charAt(close + 1) == ':') ? close + 1
					: -1;
		}
		return authority.lastIndexOf(':');
	}

	private static int indexOfAny(String s, String chars) {
		for (int i = 0; i < s.length(); i++) {
			if (chars.indexOf(s.charAt(i)) >= 0) {
				return i;
			}
		}
		return -1;
	}

	private static String punycode(String host) {
		try {
			return IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
		}
		catch (IllegalArgumentException ex) {
			return "its punycode form (xn--...)";
		}
	}

}
