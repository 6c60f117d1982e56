package io.github.corsstarter.policy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link IgnoredCorsHeaders}: each CORS header an application writes is
 * reported once per name, in any case, up to a bound, with a warning that names the
 * header and the path.
 */
class IgnoredCorsHeadersTests {

	@Test
	void firstAttemptIsReportedOncePerName() {
		IgnoredCorsHeaders ignored = new IgnoredCorsHeaders();
		assertThat(ignored.isFirstAttempt("Access-Control-Allow-Origin")).isTrue();
		assertThat(ignored.isFirstAttempt("Access-Control-Allow-Origin")).isFalse();
		assertThat(ignored.isFirstAttempt("access-control-allow-origin")).as("another case").isFalse();
		assertThat(ignored.isFirstAttempt("Access-Control-Max-Age")).as("another name").isTrue();
	}

	@Test
	void eachInstanceKeepsItsOwnNames() {
		new IgnoredCorsHeaders().isFirstAttempt("Access-Control-Allow-Origin");
		assertThat(new IgnoredCorsHeaders().isFirstAttempt("Access-Control-Allow-Origin")).isTrue();
	}

	@Test
	void namesAreRememberedUpToTheBoundAndNoMoreAreReported() {
		IgnoredCorsHeaders ignored = new IgnoredCorsHeaders();
		for (int i = 0; i < IgnoredCorsHeaders.MAX_NAMES; i++) {
			assertThat(ignored.isFirstAttempt("Access-Control-Made-Up-" + i)).as("name %d", i).isTrue();
		}
		assertThat(ignored.isFirstAttempt("Access-Control-Allow-Origin")).isFalse();
		assertThat(ignored.isFirstAttempt("Access-Control-Made-Up-0")).isFalse();
	}

	@Test
	void warningNamesTheHeaderAndThePathAndSaysWhatToDo() {
		assertThat(IgnoredCorsHeaders.warning("Access-Control-Allow-Origin", "/api/data")).contains(
				"Access-Control-Allow-Origin", " /api/data", "cors.*", "one place only", "@CrossOrigin",
				"cors.exclude-paths");
	}

}
