package io.github.corsstarter.benchmarks;

import io.github.corsstarter.policy.CorsDecision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Runs every benchmark's setup on every scenario, which checks that the starter and
 * Spring reach the scenario's expected outcome (for the path benchmark: the same rule
 * set), without measuring anything: a change in either implementation that makes them
 * part ways fails the build rather than a benchmark run.
 */
class ScenarioEquivalenceTests {

	@ParameterizedTest
	@EnumSource(Scenario.class)
	void decisionsAgree(Scenario scenario) {
		EngineBenchmark benchmark = new EngineBenchmark();
		benchmark.scenario = scenario;
		assertThatCode(benchmark::setUp).doesNotThrowAnyException();
		assertThat(benchmark.spring()).isEqualTo(scenario.expectedOutcome().kind());
	}

	@ParameterizedTest
	@EnumSource(Scenario.class)
	void servletFiltersAgree(Scenario scenario) {
		ServletFilterBenchmark benchmark = new ServletFilterBenchmark();
		benchmark.scenario = scenario;
		assertThatCode(benchmark::setUp).doesNotThrowAnyException();
	}

	@ParameterizedTest
	@EnumSource(Scenario.class)
	void reactiveFiltersAgree(Scenario scenario) {
		ReactiveFilterBenchmark benchmark = new ReactiveFilterBenchmark();
		benchmark.scenario = scenario;
		assertThatCode(benchmark::setUp).doesNotThrowAnyException();
	}

	@ParameterizedTest
	@EnumSource(PathBenchmark.PathKind.class)
	void pathRulesAgree(PathBenchmark.PathKind path) {
		PathBenchmark benchmark = new PathBenchmark();
		benchmark.path = path;
		assertThatCode(benchmark::setUp).doesNotThrowAnyException();
		assertThat(benchmark.starter().kind()).isEqualTo(CorsDecision.Kind.ALLOWED);
	}

	@Test
	void differentOutcomesFailTheCheck() {
		Outcome expected = Scenario.ALLOWED_SIMPLE.expectedOutcome();
		Outcome refused = new Outcome(Outcome.Kind.REJECTED, null);
		assertThatIllegalStateException()
			.isThrownBy(() -> Equivalence.require(Scenario.ALLOWED_SIMPLE, "test", expected, refused))
			.withMessageContaining("ALLOWED_SIMPLE")
			.withMessageContaining("Spring REJECTED");
	}

	@Test
	void anOutcomeOtherThanTheScenariosFailsTheCheck() {
		Outcome wildcard = new Outcome(Outcome.Kind.ALLOWED, "*");
		assertThatIllegalStateException()
			.isThrownBy(() -> Equivalence.require(Scenario.ALLOWED_SIMPLE, "test", wildcard, wildcard));
	}

}
