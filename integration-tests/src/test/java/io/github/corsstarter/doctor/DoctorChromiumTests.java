package io.github.corsstarter.doctor;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import io.github.corsstarter.differential.ChromiumPage;
import io.github.corsstarter.differential.ChromiumPage.ChromiumOutcome;
import io.github.corsstarter.differential.CorsLab;
import io.github.corsstarter.differential.CorsLab.Header;
import io.github.corsstarter.e2e.RequiresChromium;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The doctor's verdict against headless Chromium's: every entry of the {@link Zoo} that a
 * page can reproduce (all but the scan's probes, which come from other origins) runs as a
 * {@code fetch()} in a page at the {@link CorsLab}'s origin, and through the doctor from
 * the same origin against the same server. Both must agree on whether the request is
 * allowed, whether a preflight and the request reached the server, the status the script
 * sees, and Chromium's console message word for word (or the rejection's text when
 * {@code fetch()} sends nothing).
 */
@RequiresChromium
class DoctorChromiumTests {

	private static CorsLab lab;

	private static ChromiumPage chromium;

	private static Zoo zoo;

	@BeforeAll
	static void start() {
		lab = CorsLab.start();
		zoo = Zoo.start(lab.pageOrigin());
		chromium = ChromiumPage.open(lab);
	}

	@AfterAll
	static void stop() {
		try {
			chromium.close();
		}
		finally {
			zoo.close();
			lab.close();
		}
	}

	static Stream<Zoo.Entry> entries() {
		return Zoo.entries().stream().filter(Zoo.Entry::browser);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("entries")
	void doctorSaysWhatChromiumDoes(Zoo.Entry entry) {
		List<Header> headers = entry.headers().stream().map(DoctorChromiumTests::header).toList();
		ChromiumOutcome outcome = chromium.fetch(zoo.url(entry), entry.method(), headers,
				entry.credentials() ? "include" : "same-origin", entry.body());
		List<String> chromiumReceived = zoo.received(entry);
		zoo.forget(entry);

		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = CorsDoctor.run(zoo.args(entry, "--json"), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		List<String> doctorReceived = zoo.received(entry);
		zoo.forget(entry);
		String report = out.toString(StandardCharsets.UTF_8);
		String description = "\nChromium: " + outcome + "\n  received " + chromiumReceived + "\ndoctor:   " + report
				+ "\n  received " + doctorReceived + "\n";

		assertThat(err.toString(StandardCharsets.UTF_8)).as(description).isEmpty();
		DocumentContext json = JsonPath.parse(report);
		assertThat(exit).as(description).isEqualTo(outcome.resolved() ? CorsDoctor.ALLOWED : CorsDoctor.BLOCKED);
		assertThat(exit).as(description).isEqualTo(entry.exit());
		assertThat(json.<Boolean>read("$.allowed")).as(description).isEqualTo(outcome.resolved());
		assertThat(json.<Boolean>read("$.preflight")).as(description).isEqualTo(chromiumReceived.contains("OPTIONS"));
		assertThat(json.<Boolean>read("$.actualSent")).as(description)
			.isEqualTo(chromiumReceived.stream().anyMatch((method) -> !method.equals("OPTIONS")));
		assertThat(json.<Integer>read("$.status")).as(description).isEqualTo(outcome.status());
		assertThat(json.<String>read("$.consoleMessage")).as(description).isEqualTo(message(outcome));
		assertThat(doctorReceived).as(description).isEqualTo(chromiumReceived);
	}

	/**
	 * Returns Chromium's message: the console's CORS line, or the rejection's text when
	 * {@code fetch()} rejected the call without sending anything; {@code null} when the
	 * request was allowed.
	 */
	private static @Nullable String message(ChromiumOutcome outcome) {
		if (outcome.resolved() && outcome.console().isEmpty()) {
			return null;
		}
		return outcome.console().isEmpty() ? outcome.error() : String.join("\n", outcome.console());
	}

	private static Header header(String line) {
		int colon = line.indexOf(':');
		return Header.of(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
	}

}
