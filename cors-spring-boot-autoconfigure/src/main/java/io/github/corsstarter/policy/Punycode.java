package io.github.corsstarter.policy;

import org.jspecify.annotations.Nullable;

/**
 * Decodes Punycode (RFC 3492), to tell whether an {@code xn--} label of a configured host
 * stands for an internationalized label at all. Browsers convert hosts with UTS #46 (URL
 * standard, "domain to ASCII"), which refuses a URL whose {@code xn--} label does not
 * decode, or decodes to ASCII only: such a label never appears in an {@code Origin}
 * header.
 * <p>
 * {@link java.net.IDN#toUnicode(String)} cannot tell: it returns a label it cannot decode
 * unchanged, and it checks the decoded label against IDNA 2003, which refuses labels
 * browsers accept today.
 */
final class Punycode {

	/** The prefix of an ASCII-compatible encoded label (RFC 5890, "A-label"). */
	static final String ACE_PREFIX = "xn--";

	private static final int BASE = 36;

	private static final int TMIN = 1;

	private static final int TMAX = 26;

	private static final int SKEW = 38;

	private static final int DAMP = 700;

	private static final int INITIAL_BIAS = 72;

	private static final int INITIAL_N = 0x80;

	private static final char DELIMITER = '-';

	private Punycode() {
	}

	/**
	 * Returns whether a lowercase host label is what browsers produce for an
	 * internationalized label, if it claims to be one.
	 * @param label a host label
	 * @return {@code false} for an {@code xn--} label that does not decode to a label
	 * with a non-ASCII character; {@code true} for any other label
	 */
	static boolean isValidLabel(String label) {
		if (!label.startsWith(ACE_PREFIX)) {
			return true;
		}
		String decoded = decode(label.substring(ACE_PREFIX.length()));
		// UTS #46, "Processing", step 4: a label that decodes to nothing or to ASCII only
		// is an error.
		return decoded != null && !decoded.chars().allMatch((c) -> c < 0x80);
	}

	/**
	 * Decodes the part of a label after {@code xn--}, as RFC 3492 section 6.2 says.
	 * @param input the Punycode text
	 * @return the Unicode text, or {@code null} when the input is not valid Punycode
	 */
	static @Nullable String decode(String input) {
		int[] output = new int[input.length()];
		int length = 0;
		// Basic code points come first, up to the last delimiter, when there is anything
		// before it.
		int delimiter = input.lastIndexOf(DELIMITER);
		int in = 0;
		if (delimiter > 0) {
			for (; in < delimiter; in++) {
				char c = input.charAt(in);
				if (c >= INITIAL_N) {
					return null;
				}
				output[length++] = c;
			}
			in++;
		}
		int n = INITIAL_N;
		int i = 0;
		int bias = INITIAL_BIAS;
		while (in < input.length()) {
			int oldI = i;
			int w = 1;
			for (int k = BASE;; k += BASE) {
				if (in == input.length()) {
					return null;
				}
				int digit = digit(input.charAt(in++));
				if (digit < 0 || digit > (Integer.MAX_VALUE - i) / w) {
					return null;
				}
				i += digit * w;
				int t = (k <= bias) ? TMIN : Math.min(k - bias, TMAX);
				if (digit < t) {
					break;
				}
				if (w > Integer.MAX_VALUE / (BASE - t)) {
					return null;
				}
				w *= BASE - t;
			}
			bias = adapt(i - oldI, length + 1, oldI == 0);
			if (i / (length + 1) > Character.MAX_CODE_POINT - n) {
				return null;
			}
			n += i / (length + 1);
			i %= length + 1;
			if (n >= Character.MIN_SURROGATE && n <= Character.MAX_SURROGATE) {
				return null;
			}
			System.arraycopy(output, i, output, i + 1, length - i);
			output[i++] = n;
			length++;
		}
		return new String(output, 0, length);
	}

	/**
	 * RFC 3492 section 5: digits {@code a} to {@code z} are 0 to 25, {@code 0} to
	 * {@code 9} are 26 to 35.
	 */
	private static int digit(char c) {
		if (c >= 'a' && c <= 'z') {
			return c - 'a';
		}
		if (c >= 'A' && c <= 'Z') {
			return c - 'A';
		}
		if (c >= '0' && c <= '9') {
			return c - '0' + 26;
		}
		return -1;
	}

	/**
	 * RFC 3492 section 6.1, the bias adaptation function.
	 */
	private static int adapt(int delta, int points, boolean first) {
		delta = first ? delta / DAMP : delta / 2;
		delta += delta / points;
		int k = 0;
		while (delta > ((BASE - TMIN) * TMAX) / 2) {
			delta /= BASE - TMIN;
			k += BASE;
		}
		return k + (BASE - TMIN + 1) * delta / (delta + SKEW);
	}

}
