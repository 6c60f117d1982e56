package io.github.corsstarter;

import java.util.List;

import org.springframework.boot.test.system.CapturedOutput;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WARN lines either filter logs for a CORS header the application wrote on a covered
 * response, read from the captured output; shared by the servlet and reactive filter
 * tests, which check the same logging.
 */
public final class IgnoredHeaderWarnings {

	private IgnoredHeaderWarnings() {
	}

	/**
	 * Returns the warnings about ignored headers in the captured output.
	 * @param output the captured output
	 * @return the lines, in order
	 */
	public static List<String> of(CapturedOutput output) {
		return output.getOut().lines().filter((line) -> line.contains("WARN") && line.contains("Ignored the")).toList();
	}

	/**
	 * Asserts the warnings after the application wrote
	 * {@code Access-Control-Allow-Origin} and {@code Access-Control-Max-Age} on
	 * {@code /api/data}, then {@code Access-Control-Allow-Origin} again and
	 * {@code Access-Control-Allow-Credentials} on {@code /api/other}: one per header
	 * name, with the path it was first written on.
	 * @param output the captured output
	 */
	public static void assertOncePerNameWithThePath(CapturedOutput output) {
		assertThat(of(output)).hasSize(3);
		assertThat(of(output)).filteredOn((line) -> line.contains("Access-Control-Allow-Origin"))
			.singleElement()
			.satisfies((line) -> assertThat(line).contains("header the application wrote on /api/data"));
		assertThat(of(output)).filteredOn((line) -> line.contains("Access-Control-Max-Age"))
			.singleElement()
			.satisfies((line) -> assertThat(line).contains(" on /api/data"));
		assertThat(of(output)).filteredOn((line) -> line.contains("Access-Control-Allow-Credentials"))
			.singleElement()
			.satisfies((line) -> assertThat(line).contains(" on /api/other"));
	}

}
