package io.github.corsstarter.test;

import io.github.corsstarter.test.browser.FetchResult;

/**
 * Entry point for assertions on what a page got from a {@code fetch()}.
 */
public final class CorsAssertions {

	private CorsAssertions() {
	}

	/**
	 * Starts assertions on a fetch's result.
	 * @param result the result
	 * @return the assertions
	 */
	public static FetchResultAssert assertThat(FetchResult result) {
		return new FetchResultAssert(result);
	}

}
