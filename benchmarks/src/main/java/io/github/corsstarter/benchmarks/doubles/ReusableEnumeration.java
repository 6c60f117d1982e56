package io.github.corsstarter.benchmarks.doubles;

import java.util.Enumeration;
import java.util.NoSuchElementException;

/**
 * An enumeration over fixed values that is restarted rather than created anew, so that
 * handing it out allocates nothing. One instance serves one walk at a time, which is how
 * filters read a header's values.
 */
final class ReusableEnumeration implements Enumeration<String> {

	private final String[] values;

	private int next;

	ReusableEnumeration(String... values) {
		this.values = values;
	}

	ReusableEnumeration restart() {
		this.next = 0;
		return this;
	}

	@Override
	public boolean hasMoreElements() {
		return this.next < this.values.length;
	}

	@Override
	public String nextElement() {
		if (this.next >= this.values.length) {
			throw new NoSuchElementException();
		}
		return this.values[this.next++];
	}

}
