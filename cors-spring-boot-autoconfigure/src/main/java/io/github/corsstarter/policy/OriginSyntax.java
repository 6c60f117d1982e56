package io.github.corsstarter.policy;

/**
 * Recognises a serialized origin exactly as browsers send it in the {@code Origin} header
 * (Fetch, "origin serialization"; URL standard, "host serializing"): {@code http} or
 * {@code https}, a lowercase ASCII host, and an optional port without leading zeros that
 * is not the scheme's default. Works on the string in place and allocates nothing.
 */
final class OriginSyntax {

	static final String HTTP = "http://";

	static final String HTTPS = "https://";

	static final int MAX_LABEL_LENGTH = 63;

	static final int MAX_HOST_LENGTH = 253;

	/**
	 * {@code https://}, the longest host and its trailing dot, {@code :} and five digits.
	 */
	static final int MAX_ORIGIN_LENGTH = HTTPS.length() + MAX_HOST_LENGTH + 1 + 6;

	private OriginSyntax() {
	}

	/**
	 * Returns where the host of a serialized origin ends.
	 * @param origin the candidate
	 * @return the index just past the host (the length when there is no port), or
	 * {@code -1} when the candidate is not a serialized origin
	 */
	static int hostEnd(String origin) {
		int length = origin.length();
		if (length > MAX_ORIGIN_LENGTH) {
			return -1;
		}
		int hostStart = hostStart(origin);
		if (hostStart < 0 || hostStart == length) {
			return -1;
		}
		int hostEnd = (origin.charAt(hostStart) == '[') ? ipv6End(origin, hostStart)
				: domainOrIpv4End(origin, hostStart);
		if (hostEnd < 0) {
			return -1;
		}
		if (hostEnd == length) {
			return hostEnd;
		}
		if (origin.charAt(hostEnd) != ':') {
			return -1;
		}
		int port = parsePort(origin, hostEnd + 1, length);
		if (port < 0 || port == defaultPort(hostStart)) {
			return -1;
		}
		return hostEnd;
	}

	/**
	 * Returns where the host starts: after {@code http://} or {@code https://}.
	 * @param origin the candidate
	 * @return 7, 8, or {@code -1} for any other scheme
	 */
	static int hostStart(String origin) {
		if (origin.startsWith(HTTPS)) {
			return HTTPS.length();
		}
		if (origin.startsWith(HTTP)) {
			return HTTP.length();
		}
		return -1;
	}

	/**
	 * Returns the default port of the scheme whose host starts at the given index.
	 * @param hostStart the value of {@link #hostStart(String)}
	 * @return 443 or 80
	 */
	static int defaultPort(int hostStart) {
		return (hostStart == HTTPS.length()) ? 443 : 80;
	}

	/**
	 * Returns the port an origin names, explicitly or by its scheme.
	 * @param origin a serialized origin
	 * @param hostEnd the value of {@link #hostEnd(String)} for it
	 * @return the port
	 */
	static int port(String origin, int hostEnd) {
		if (hostEnd == origin.length()) {
			return defaultPort(hostStart(origin));
		}
		return parsePort(origin, hostEnd + 1, origin.length());
	}

	/**
	 * Parses a port of one to five digits, without leading zero, from 1 to 65535.
	 * @param s the text
	 * @param from the first digit
	 * @param to the end
	 * @return the port, or {@code -1}
	 */
	static int parsePort(String s, int from, int to) {
		int digits = to - from;
		if (digits < 1 || digits > 5 || s.charAt(from) == '0') {
			return -1;
		}
		int port = 0;
		for (int i = from; i < to; i++) {
			char c = s.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			port = port * 10 + (c - '0');
		}
		return (port <= 65535) ? port : -1;
	}

	/**
	 * Scans a domain name or dotted IPv4 address: labels of lowercase letters, digits,
	 * {@code -} and {@code _}, none empty or longer than 63, at most 253 in all, and
	 * optionally the trailing dot of a fully qualified name, which browsers keep (URL
	 * standard, "host parsing"): {@code http://localhost.} is an origin of its own. A
	 * host whose last label is numeric must be a canonical IPv4 address, since browsers
	 * parse anything else ending in a number as one (URL standard, "ends in a number");
	 * they parse {@code 127.0.0.1.} so too and serialize it without the dot, so a numeric
	 * label before a trailing dot is never sent.
	 */
	private static int domainOrIpv4End(String s, int start) {
		int length = s.length();
		int labelStart = start;
		boolean labelNumeric = true;
		int i = start;
		for (; i < length; i++) {
			char c = s.charAt(i);
			if (c == '.') {
				if (i == labelStart || i - labelStart > MAX_LABEL_LENGTH) {
					return -1;
				}
				if (i + 1 == length || s.charAt(i + 1) == ':') {
					// The trailing dot: the host is the name before it, which must not
					// end in a number.
					return (i - start <= MAX_HOST_LENGTH && !labelNumeric) ? i + 1 : -1;
				}
				labelStart = i + 1;
				labelNumeric = true;
			}
			else if (c == ':') {
				break;
			}
			else if (c >= '0' && c <= '9') {
				// stays numeric
			}
			else if ((c >= 'a' && c <= 'z') || c == '-' || c == '_') {
				labelNumeric = false;
			}
			else {
				return -1;
			}
		}
		if (i == labelStart || i - labelStart > MAX_LABEL_LENGTH || i - start > MAX_HOST_LENGTH) {
			return -1;
		}
		if (labelNumeric && !isIpv4(s, start, i)) {
			return -1;
		}
		return i;
	}

	private static boolean isIpv4(String s, int from, int to) {
		int parts = 0;
		int partStart = from;
		for (int i = from; i <= to; i++) {
			if (i == to || s.charAt(i) == '.') {
				if (!isIpv4Part(s, partStart, i)) {
					return false;
				}
				parts++;
				partStart = i + 1;
			}
		}
		return parts == 4;
	}

	private static boolean isIpv4Part(String s, int from, int to) {
		int digits = to - from;
		if (digits < 1 || digits > 3 || (digits > 1 && s.charAt(from) == '0')) {
			return false;
		}
		int value = 0;
		for (int i = from; i < to; i++) {
			char c = s.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
			value = value * 10 + (c - '0');
		}
		return value <= 255;
	}

	/**
	 * Scans a bracketed IPv6 address in the form browsers serialize it: lowercase
	 * hexadecimal groups and colons, with at most one {@code ::}. Browsers never
	 * serialize the dotted IPv4 tail of an IPv6 address.
	 */
	private static int ipv6End(String s, int start) {
		int close = s.indexOf(']', start);
		if (close < 0) {
			return -1;
		}
		int groups = 0;
		int groupLength = 0;
		boolean compressed = false;
		for (int i = start + 1; i < close; i++) {
			char c = s.charAt(i);
			if (c == ':') {
				// The character after a colon is at most the closing bracket.
				if (s.charAt(i + 1) == ':') {
					if (compressed) {
						return -1;
					}
					compressed = true;
				}
				if (groupLength > 0) {
					groups++;
				}
				groupLength = 0;
			}
			else if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')) {
				if (++groupLength > 4) {
					return -1;
				}
			}
			else {
				return -1;
			}
		}
		if (groupLength > 0) {
			groups++;
		}
		else if (s.charAt(close - 1) == ':' && s.charAt(close - 2) != ':') {
			return -1;
		}
		if (s.charAt(start + 1) == ':' && s.charAt(start + 2) != ':') {
			return -1;
		}
		boolean valid = compressed ? groups <= 7 : groups == 8;
		return (valid && isCanonicalIpv6(s, start + 1, close)) ? close + 1 : -1;
	}

	/**
	 * Returns whether well-formed IPv6 text is the one form browsers serialize (URL
	 * standard, "IPv6 serializer"): no leading zeros in a piece, and {@code ::} standing
	 * for the first longest run of two or more zero pieces, or absent when there is no
	 * such run. Other spellings of the same address never reach a server in an
	 * {@code Origin} header, so configuring one would never match.
	 */
	private static boolean isCanonicalIpv6(String s, int from, int to) {
		int pieces = 0;
		int piecesBeforeCompression = -1;
		int zeroRun = 0;
		int longestRunBefore = 0;
		int longestRunAfter = 0;
		int pieceStart = from;
		for (int i = from; i <= to; i++) {
			if (i < to && s.charAt(i) != ':') {
				continue;
			}
			int length = i - pieceStart;
			pieceStart = i + 1;
			if (length == 0) {
				if (piecesBeforeCompression < 0) {
					if (zeroRun > 0) {
						return false;
					}
					piecesBeforeCompression = pieces;
				}
				continue;
			}
			if (length > 1 && s.charAt(i - length) == '0') {
				return false;
			}
			if (length == 1 && s.charAt(i - 1) == '0') {
				if (pieces == piecesBeforeCompression) {
					return false;
				}
				zeroRun++;
				if (piecesBeforeCompression < 0) {
					longestRunBefore = Math.max(longestRunBefore, zeroRun);
				}
				else {
					longestRunAfter = Math.max(longestRunAfter, zeroRun);
				}
			}
			else {
				zeroRun = 0;
			}
			pieces++;
		}
		if (piecesBeforeCompression < 0) {
			return longestRunBefore < 2;
		}
		int compressedRun = 8 - pieces;
		return compressedRun >= 2 && longestRunBefore < compressedRun && longestRunAfter <= compressedRun;
	}

}
