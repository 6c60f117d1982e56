package io.github.corsstarter.doctor;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The doctor against every server of the {@link Zoo}: the verdict, the exit status and
 * exactly the findings each entry expects, in the report and in {@code --json}.
 */
class ZooTests {

	private static Zoo zoo;

	@BeforeAll
	static void start() {
		zoo = Zoo.start(Zoo.APP_ORIGIN);
	}

	@AfterAll
	static void stop() {
		zoo.close();
	}

	static List<Zoo.Entry> entries() {
		return Zoo.entries();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("entries")
	void reportHasTheVerdictAndTheFindings(Zoo.Entry entry) {
		Run run = Run.of(zoo.args(entry));
		assertThat(run.exit()).as(run.out()).isEqualTo(entry.exit());
		assertThat(run.err()).isEmpty();
		assertThat(run.out()).contains(entry.allowed() ? "ALLOWED" : "BLOCKED");
		assertThat(run.out()).doesNotContain(entry.allowed() ? "BLOCKED" : "ALLOWED");
		if (entry.ids().isEmpty()) {
			assertThat(run.out()).contains("No findings.");
		}
		for (String id : entry.ids()) {
			assertThat(run.out()).contains(id);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("entries")
	void jsonHasExactlyTheExpectedFindings(Zoo.Entry entry) {
		Run run = Run.of(zoo.args(entry, "--json"));
		assertThat(run.exit()).as(run.out()).isEqualTo(entry.exit());
		assertThat(run.err()).isEmpty();
		DocumentContext json = JsonPath.parse(run.out());
		List<String> ids = json.read("$.findings[*].id");
		assertThat(new TreeSet<>(ids)).as(run.out()).isEqualTo(new TreeSet<>(entry.ids()));
		assertThat(ids).as("each id once").doesNotHaveDuplicates();
		assertThat(json.<Boolean>read("$.allowed")).isEqualTo(entry.allowed());
		assertThat(json.<String>read("$.origin")).isEqualTo((entry.origin() != null) ? entry.origin() : zoo.trusted());
		// Nothing is sent for a call that fetch() rejects.
		assertThat(json.<List<Object>>read("$.exchanges").isEmpty()).isEqualTo(entry.ids().contains("invalid-request"));
		if (entry.allowed()) {
			assertThat(json.<Integer>read("$.status")).isEqualTo(200);
			assertThat(json.<String>read("$.consoleMessage")).isNull();
		}
		else {
			assertThat(json.<Integer>read("$.status")).isNull();
			assertThat(json.<String>read("$.consoleMessage")).isNotBlank();
		}
		if (entry.scan()) {
			assertThat(json.<List<Object>>read("$.scan")).isNotEmpty();
		}
		List<String> fixes = json.read("$.findings[*].fix");
		assertThat(fixes).allSatisfy((fix) -> assertThat(fix).isNotBlank());
	}

	@Test
	void everyFindingOfTheDoctorHasAnEntry() {
		Set<String> found = new TreeSet<>();
		Zoo.entries().forEach((entry) -> found.addAll(entry.ids()));
		assertThat(found).containsAll(List.of("duplicate-allow-origin", "origin-mismatch", "wildcard-with-credentials",
				"preflight-not-ok", "method-not-allowed", "header-not-allowed", "authorization-under-wildcard",
				"missing-vary-origin", "max-age-capped", "header-not-exposed", "header-not-sent",
				"missing-allow-origin", "credentials-not-allowed", "request-ran-but-blocked", "invalid-request",
				"redirect-refused", "forbidden-header-dropped", "reflects-any-origin", "null-origin-allowed",
				"suffix-match", "prefix-match", "insecure-origin-trusted"));
	}

	@Test
	void wildcardWithCredentialsIsHighWhenTheScanSeesCredentialsAllowed() {
		Zoo.Entry entry = Zoo.entries()
			.stream()
			.filter((candidate) -> candidate.name().equals("wildcard-with-credentials-scan"))
			.findFirst()
			.orElseThrow();
		Run run = Run.of(zoo.args(entry, "--json"));
		assertThat(JsonPath.parse(run.out())
			.<List<String>>read("$.findings[?(@.id == 'wildcard-with-credentials')].severity")).containsExactly("high");
	}

	/**
	 * One run of the doctor, in this JVM.
	 */
	record Run(int exit, String out, String err) {

		static Run of(String... args) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ByteArrayOutputStream err = new ByteArrayOutputStream();
			int exit = CorsDoctor.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
					new PrintStream(err, true, StandardCharsets.UTF_8));
			return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
		}

	}

}
