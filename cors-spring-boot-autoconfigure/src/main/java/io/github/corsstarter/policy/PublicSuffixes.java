package io.github.corsstarter.policy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The Public Suffix List: the names under which anyone can have a name of their own, such
 * as {@code co.uk}, {@code github.io} or {@code vercel.app}. A pattern
 * {@code https://*.github.io} trusts every stranger's site there.
 * <p>
 * The starter ships the list's own file ({@value #LOCATION}, under the Mozilla Public
 * License 2.0; see {@code scripts/update-public-suffix-list.sh} to refresh it). Both its
 * ICANN and its PRIVATE sections count: a registry's suffixes and the hosting platforms'
 * are open to strangers alike. Rules follow the list's format (publicsuffix.org, "Formal
 * algorithm"): a name ({@code co.uk}), a wildcard ({@code *.ck}: every label under
 * {@code ck} is a suffix) and an exception ({@code !www.ck}: but not that one).
 * Internationalized rules are held in punycode, the form origins carry. The list is read
 * once, on first use.
 */
final class PublicSuffixes {

	/** Where the list is on the class path. */
	static final String LOCATION = "META-INF/cors/public_suffix_list.dat";

	/** Rules that name a suffix. */
	private final Set<String> names;

	/**
	 * Domains under which each label is a suffix: {@code ck} for the rule {@code *.ck}.
	 */
	private final Set<String> wildcards;

	/**
	 * Names that a wildcard would cover but are not suffixes: {@code www.ck} for the rule
	 * {@code !www.ck}.
	 */
	private final Set<String> exceptions;

	private PublicSuffixes(Set<String> names, Set<String> wildcards, Set<String> exceptions) {
		this.names = names;
		this.wildcards = wildcards;
		this.exceptions = exceptions;
	}

	/**
	 * Returns the list the starter ships, reading it on the first call.
	 * @return the list
	 */
	static PublicSuffixes shipped() {
		return Shipped.LIST;
	}

	/**
	 * Reads a list in the Public Suffix List's format: one rule per line, read up to the
	 * first white space, and {@code //} comments.
	 * @param reader the list's text
	 * @return the list
	 * @throws IOException when the text cannot be read
	 */
	static PublicSuffixes parse(BufferedReader reader) throws IOException {
		Set<String> names = new HashSet<>();
		Set<String> wildcards = new HashSet<>();
		Set<String> exceptions = new HashSet<>();
		for (String line = reader.readLine(); line != null; line = reader.readLine()) {
			String rule = firstWord(line);
			if (rule.isEmpty() || rule.startsWith("//")) {
				continue;
			}
			if (rule.startsWith("!")) {
				exceptions.add(ascii(rule.substring(1)));
			}
			else if (rule.startsWith("*.")) {
				wildcards.add(ascii(rule.substring(2)));
			}
			else {
				names.add(ascii(rule));
			}
		}
		return new PublicSuffixes(names, wildcards, exceptions);
	}

	/**
	 * Returns whether a domain is a public suffix itself. The implicit rule {@code *}
	 * makes every single label a suffix, {@code localhost} included.
	 * @param domain a domain name in ASCII (punycode for internationalized names), in any
	 * case, with or without a trailing dot
	 * @return whether it is a public suffix
	 */
	boolean isPublicSuffix(String domain) {
		String name = normalize(domain);
		return publicSuffixOf(name).equals(name);
	}

	/**
	 * Returns the public suffix of a domain, as the list's algorithm defines it: an
	 * exception rule prevails, then the matching rule with the most labels, then the
	 * implicit rule {@code *} (the last label).
	 * @param domain a domain name in ASCII, in any case, with or without a trailing dot
	 * @return its public suffix, in lowercase, without a trailing dot
	 */
	String publicSuffixOf(String domain) {
		String name = normalize(domain);
		for (int start = 0; start >= 0; start = nextLabel(name, start)) {
			int parent = nextLabel(name, start);
			// An exception rule's suffix is the rule without its first label (a one-label
			// exception has none).
			if (parent >= 0 && this.exceptions.contains(name.substring(start))) {
				return name.substring(parent);
			}
		}
		// Longer suffixes come first: the first rule matched has the most labels.
		for (int start = 0; start >= 0; start = nextLabel(name, start)) {
			String suffix = name.substring(start);
			int parent = nextLabel(name, start);
			if (this.names.contains(suffix) || (parent >= 0 && this.wildcards.contains(name.substring(parent)))) {
				return suffix;
			}
		}
		return name.substring(name.lastIndexOf('.') + 1);
	}

	/**
	 * Lowercase, and without the trailing dot of a fully qualified name:
	 * {@code GitHub.io.} is {@code github.io}.
	 */
	private static String normalize(String domain) {
		String lowercase = domain.toLowerCase(Locale.ROOT);
		return lowercase.endsWith(".") ? lowercase.substring(0, lowercase.length() - 1) : lowercase;
	}

	/**
	 * Returns where the label after the one starting at {@code start} starts, or
	 * {@code -1} after the last.
	 */
	private static int nextLabel(String name, int start) {
		int dot = name.indexOf('.', start);
		return (dot < 0) ? -1 : dot + 1;
	}

	private static String firstWord(String line) {
		String stripped = line.strip();
		for (int i = 0; i < stripped.length(); i++) {
			if (Character.isWhitespace(stripped.charAt(i))) {
				return stripped.substring(0, i);
			}
		}
		return stripped;
	}

	/**
	 * Converts an internationalized rule to punycode, the form browsers send hosts in. A
	 * rule that cannot be converted is kept as written: it then matches no origin, which
	 * can only make the check looser for that one rule, never refuse a valid pattern.
	 */
	private static String ascii(String rule) {
		String lowercase = rule.toLowerCase(Locale.ROOT);
		if (lowercase.chars().allMatch((c) -> c < 0x80)) {
			return lowercase;
		}
		try {
			return IDN.toASCII(lowercase, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
		}
		catch (IllegalArgumentException ex) {
			return lowercase;
		}
	}

	/**
	 * Holds the shipped list: the class is initialized, and the file read, on the first
	 * call to {@link #shipped()}.
	 */
	private static final class Shipped {

		static final PublicSuffixes LIST = load();

		private static PublicSuffixes load() {
			InputStream stream = PublicSuffixes.class.getClassLoader().getResourceAsStream(LOCATION);
			if (stream == null) {
				throw new IllegalStateException("The Public Suffix List " + LOCATION + " is not on the class path");
			}
			try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
				return parse(reader);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not read the Public Suffix List " + LOCATION, ex);
			}
		}

	}

}
