package io.github.corsstarter.benchmarks.doubles;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import org.jspecify.annotations.Nullable;

/**
 * The rest of the filter chain, reduced to counting the requests that reach it and
 * keeping the response the last one came with. Keeping it makes a response wrapper that a
 * filter hands on outlive the filter, as it does on a server, where the application holds
 * it: without that, the JIT could see that nothing keeps the wrapper and never allocate
 * it.
 */
public final class CountingFilterChain implements FilterChain {

	private long count;

	private @Nullable ServletResponse lastResponse;

	/**
	 * Returns how many requests reached the chain since the last {@link #recycle()}.
	 * @return the count
	 */
	public long count() {
		return this.count;
	}

	/**
	 * Returns the response the last request reached the chain with.
	 * @return the response, or {@code null} when none reached it
	 */
	public @Nullable ServletResponse lastResponse() {
		return this.lastResponse;
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
		this.lastResponse = response;
	}

}
