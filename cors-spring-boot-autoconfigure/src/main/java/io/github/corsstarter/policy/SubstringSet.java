package io.github.corsstarter.policy;

import java.util.Collection;
import java.util.List;

/**
 * An immutable hash set of strings that answers whether a region of another string is a
 * member, without allocating: the lookups of origin suffixes, origin prefixes and
 * requested header names all read the request's own string in place.
 * <p>
 * Open addressing with linear probing over a table at most half full. With
 * {@code ignoreCase}, ASCII letters are compared case-insensitively (header names): the
 * hash folds them to lowercase and the comparison ignores case, so members are stored as
 * given.
 */
final class SubstringSet {

	private static final SubstringSet EMPTY_EXACT = new SubstringSet(List.of(), false);

	private final String[] table;

	private final int[] hashes;

	private final int mask;

	private final boolean ignoreCase;

	private final int size;

	private SubstringSet(Collection<String> members, boolean ignoreCase) {
		this.ignoreCase = ignoreCase;
		int capacity = Integer.highestOneBit(Math.max(2, members.size() * 2) - 1) << 1;
		this.table = new String[capacity];
		this.hashes = new int[capacity];
		this.mask = capacity - 1;
		int count = 0;
		for (String member : members) {
			int hash = hash(member, 0, member.length());
			int slot = hash & this.mask;
			boolean duplicate = false;
			while (this.table[slot] != null) {
				if (this.hashes[slot] == hash && this.table[slot].equals(member)) {
					duplicate = true;
					break;
				}
				slot = (slot + 1) & this.mask;
			}
			if (!duplicate) {
				this.table[slot] = member;
				this.hashes[slot] = hash;
				count++;
			}
		}
		this.size = count;
	}

	/**
	 * Creates a set whose members compare exactly.
	 * @param members the members
	 * @return the set
	 */
	static SubstringSet of(Collection<String> members) {
		return members.isEmpty() ? EMPTY_EXACT : new SubstringSet(members, false);
	}

	/**
	 * Creates a set whose members compare ignoring the case of ASCII letters.
	 * @param members the members
	 * @return the set
	 */
	static SubstringSet ofIgnoringCase(Collection<String> members) {
		return new SubstringSet(members, true);
	}

	/**
	 * Returns the number of distinct members, as written: with {@code ignoreCase},
	 * members that differ only in case count separately, though they match the same
	 * regions.
	 * @return the size
	 */
	int size() {
		return this.size;
	}

	/**
	 * Returns whether the whole string is a member.
	 * @param s the string
	 * @return whether it is a member
	 */
	boolean contains(String s) {
		return contains(s, 0, s.length());
	}

	/**
	 * Returns whether {@code s.substring(from, to)} is a member, without creating that
	 * substring.
	 * @param s the string
	 * @param from the start of the region, inclusive
	 * @param to the end of the region, exclusive
	 * @return whether the region is a member
	 */
	boolean contains(String s, int from, int to) {
		if (this.size == 0) {
			return false;
		}
		int hash = hash(s, from, to);
		int length = to - from;
		// A whole string compares with String.equals, an intrinsic; a region character by
		// character.
		boolean whole = !this.ignoreCase && length == s.length();
		int slot = hash & this.mask;
		String member;
		while ((member = this.table[slot]) != null) {
			if (this.hashes[slot] == hash && (whole ? member.equals(s)
					: member.length() == length && member.regionMatches(this.ignoreCase, 0, s, from, length))) {
				return true;
			}
			slot = (slot + 1) & this.mask;
		}
		return false;
	}

	private int hash(String s, int from, int to) {
		int h = 0;
		if (this.ignoreCase) {
			for (int i = from; i < to; i++) {
				char c = s.charAt(i);
				h = 31 * h + ((c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c);
			}
		}
		else {
			for (int i = from; i < to; i++) {
				h = 31 * h + s.charAt(i);
			}
		}
		// Spread the high bits so that the low bits the mask keeps depend on the whole
		// string.
		return h ^ (h >>> 16);
	}

}
