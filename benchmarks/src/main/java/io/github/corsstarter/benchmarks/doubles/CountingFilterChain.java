package io.github.corsstarter.benchmarks.doubles;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

/**
 * The rest of the filter chain, reduced to counting the requests that reach it.
 */
public final class CountingFilterChain implements FilterChain {

	private long count;

	/**
	 * Returns how many requests reached the chain since the last {@link #recycle()}.
	 * @return the count
	 */
	public long count() {
		return this.count;
	}

	/**
	 * Resets the count.
	 */
	public void recycle() {
		this.count = 0;
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response) {
		this.count++;
	}

}
