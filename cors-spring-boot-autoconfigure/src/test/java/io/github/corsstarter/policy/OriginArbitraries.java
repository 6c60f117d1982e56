package io.github.corsstarter.policy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators shared by the property classes: well-formed origins and the origin patterns
 * a configuration may hold, the near misses of an origin that an attacker or a typo
 * produces, and raw header bytes as a server reads them.
 */
final class OriginArbitraries {

	static final List<String> LABELS = List.of("a", "b", "ab", "app", "api", "www", "example", "evil", "tenant",
			"xn--bcher-kva", "x-y", "x_y", "a1", "9lives", "z".repeat(63));

	private static final List<String> TOP_LEVEL = List.of("com", "org", "net", "io", "example");

	private static final List<String> IP_HOSTS = List.of("127.0.0.1", "10.0.0.1", "192.168.1.10", "[::1]",
			"[2001:db8::1]", "[fe80::1:2]", "[::ffff:a00:1]");

	private static final List<Integer> PORTS = List.of(-1, -1, -1, 1, 80, 443, 3000, 8080, 8443, 65535);

	/**
	 * Variants of an origin that must never be mistaken for it: the origin itself, a
	 * label added or removed, the other scheme, a port added, changed or written out,
	 * uppercase, a trailing slash or a path, suffixes and prefixes glued on, a trailing
	 * dot, an overlong host, user information, white space, a second origin, a port with
	 * a leading zero, and an IPv6 address spelt another way.
	 */
	static final List<Function<NaiveOrigin, String>> NEAR_MISSES = List.of(NaiveOrigin::toString,
			(o) -> with(o.scheme(), "x." + o.host(), o.port()),
			(o) -> with(o.scheme(), o.host().substring(o.host().indexOf('.') + 1), o.port()),
			(o) -> with(o.scheme().equals("https") ? "http" : "https", o.host(), o.port()),
			(o) -> with(o.scheme(), o.host(), (o.port() == 8443) ? 8444 : 8443), (o) -> with(o.scheme(), o.host(), -1),
			(o) -> o.scheme() + "://" + o.host() + (o.scheme().equals("https") ? ":443" : ":80"),
			(o) -> o.toString().toUpperCase(Locale.ROOT),
			(o) -> with(o.scheme(), o.host().toUpperCase(Locale.ROOT), o.port()),
			(o) -> with(o.scheme(), o.host().replace("::", ":0::"), o.port()),
			(o) -> o.scheme().toUpperCase(Locale.ROOT) + o.toString().substring(o.scheme().length()), (o) -> o + "/",
			(o) -> o + "/path", (o) -> with(o.scheme(), o.host() + ".evil.com", o.port()),
			(o) -> with(o.scheme(), "evil" + o.host(), o.port()), (o) -> with(o.scheme(), o.host() + ".", o.port()),
			(o) -> with(o.scheme(), "a".repeat(60) + "." + "b".repeat(60) + "." + "c".repeat(60) + "." + o.host(),
					o.port()),
			(o) -> o.scheme() + "://user@" + o.host(), (o) -> " " + o, (o) -> o + ",https://evil.com",
			(o) -> o.scheme() + "://" + o.host() + ":0" + Math.max(o.port(), 1));

	private OriginArbitraries() {
	}

	static Arbitrary<String> schemes() {
		return Arbitraries.of("http", "https");
	}

	/**
	 * Domain names of one to three labels under a top-level domain.
	 */
	static Arbitrary<String> domains() {
		return Combinators.combine(Arbitraries.of(LABELS).list().ofMaxSize(2), Arbitraries.of(TOP_LEVEL))
			.as((labels, topLevel) -> String.join(".", labels) + (labels.isEmpty() ? "" : ".") + topLevel);
	}

	/**
	 * Domains that a {@code scheme://*.domain} pattern may name: two labels or more.
	 */
	static Arbitrary<String> patternDomains() {
		return Combinators.combine(Arbitraries.of(LABELS).list().ofMinSize(1).ofMaxSize(2), Arbitraries.of(TOP_LEVEL))
			.as((labels, topLevel) -> String.join(".", labels) + "." + topLevel);
	}

	static Arbitrary<String> hosts() {
		return Arbitraries.frequencyOf(Tuple.of(6, domains()), Tuple.of(2, Arbitraries.of(IP_HOSTS)),
				Tuple.of(1, Arbitraries.just("localhost")));
	}

	/**
	 * Well-formed origins, as browsers send them.
	 */
	static Arbitrary<NaiveOrigin> origins() {
		return Combinators.combine(schemes(), hosts(), Arbitraries.of(PORTS))
			.as((s, h, p) -> new NaiveOrigin(s, h, (p == (s.equals("https") ? 443 : 80)) ? -1 : p));
	}

	/**
	 * {@code scheme://*.domain} patterns, held as origins whose host is the domain.
	 */
	static Arbitrary<NaiveOrigin> subdomainPatterns() {
		return Combinators.combine(schemes(), patternDomains()).as((s, d) -> new NaiveOrigin(s, d, -1));
	}

	/**
	 * {@code scheme://host:*} patterns, held as origins without port.
	 */
	static Arbitrary<NaiveOrigin> anyPortPatterns() {
		return Combinators.combine(schemes(), hosts()).as((s, h) -> new NaiveOrigin(s, h, -1));
	}

	/**
	 * Header values as a server decodes the bytes it received: ISO-8859-1, so that every
	 * byte is one character.
	 */
	static Arbitrary<String> latin1Bytes(int maxLength) {
		return Arbitraries.bytes()
			.array(byte[].class)
			.ofMaxSize(maxLength)
			.map((bytes) -> new String(bytes, StandardCharsets.ISO_8859_1));
	}

	/**
	 * One byte inserted, removed or replaced somewhere in a value: the near misses that
	 * no list of variants thinks of.
	 */
	static Arbitrary<OneByteEdit> oneByteEdits() {
		Arbitrary<Character> character = Arbitraries.oneOf(
				Arbitraries.of(':', '/', '.', '*', '[', ']', '@', ',', ' ', '\t', '\r', '\n', '0', '9', 'A', 'z', '-',
						'_', '%', '\u0000', '\u0085', '\u00a0', '\u00e9', '\u00ff'),
				Arbitraries.chars().range('\u0000', '\u00ff'));
		return Combinators
			.combine(Arbitraries.of(Operation.values()), Arbitraries.integers().between(0, 300), character)
			.as(OneByteEdit::new);
	}

	private static String with(String scheme, String host, int port) {
		return new NaiveOrigin(scheme, host, port).toString();
	}

	/**
	 * What a one-byte edit does.
	 */
	enum Operation {

		INSERT, REMOVE, REPLACE

	}

	/**
	 * A one-byte edit, at a position taken modulo the length of the value it is applied
	 * to.
	 */
	record OneByteEdit(Operation operation, int position, char character) {

		String applyTo(String value) {
			int at = this.position % (value.length() + 1);
			String before = value.substring(0, at);
			String after = value.substring(Math.min(at + 1, value.length()));
			return switch (this.operation) {
				case INSERT -> before + this.character + value.substring(at);
				case REMOVE -> before + after;
				case REPLACE -> before + this.character + after;
			};
		}

	}

}
