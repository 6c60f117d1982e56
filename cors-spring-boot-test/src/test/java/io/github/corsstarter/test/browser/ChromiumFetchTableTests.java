package io.github.corsstarter.test.browser;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser model against its table of what Chromium does ({@code chromium-cases.txt},
 * which the differential test also runs in headless Chromium): every rule of the request
 * side, the preflight, the CORS check and the readable headers, and each item of the
 * Express guide's debugging checklist.
 */
class ChromiumFetchTableTests {

	static final String TABLE = "/io/github/corsstarter/test/browser/chromium-cases.txt";

	static List<CorsCase> cases() {
		return CorsCaseTable.load(TABLE);
	}

	@Test
	void tableHasAtLeastSixtyCases() {
		assertThat(cases()).hasSizeGreaterThanOrEqualTo(60)
			.allSatisfy((scripted) -> assertThat(scripted.expected()).isNotNull());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void modelDoesWhatChromiumDoes(CorsCase scripted) {
		FetchResult result = ScriptedServer.run(scripted);
		CorsCase.Expected expected = scripted.expected();
		assertThat(expected).isNotNull();
		String description = scripted.toLine() + "\n" + result.describe();
		assertThat(result.error().map(CorsError::step).orElse(null)).as(description).isEqualTo(expected.step());
		if (expected.status() != null) {
			assertThat(result.status()).as(description).isEqualTo(expected.status());
		}
		assertThat(result.isPreflightSent()).as(description).isEqualTo(expected.preflight());
		assertThat(result.hasReachedServer()).as(description).isEqualTo(expected.reached());
		for (String name : expected.readable()) {
			assertThat(result.readableHeader(name)).as(description).isPresent();
		}
		for (String name : expected.unreadable()) {
			assertThat(result.readableHeader(name)).as(description).isEmpty();
		}
		Optional<BrowserRequest> request = result.requests().stream().findFirst().map(Exchange::request);
		for (String name : expected.sent()) {
			assertThat(request).as(description).hasValueSatisfying((sent) -> assertThat(sent.header(name)).isNotNull());
		}
		for (String name : expected.unsent()) {
			assertThat(request.map((sent) -> sent.header(name))).as(description).isEmpty();
		}
		if (expected.requestHeaders() != null) {
			String acrh = result.preflight()
				.map((preflight) -> preflight.request().header("Access-Control-Request-Headers"))
				.orElse(null);
			assertThat((acrh != null) ? acrh : "-").as(description).isEqualTo(expected.requestHeaders());
		}
		if (expected.message() != null) {
			assertThat(result.error()).as(description)
				.hasValueSatisfying((error) -> assertThat(error.consoleMessage()).contains(expected.message()));
		}
		assertThat(result.warnings().isEmpty()).as(description).isEqualTo(!expected.warning());
	}

}
