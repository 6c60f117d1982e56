package io.github.corsstarter.benchmarks;

import io.github.corsstarter.policy.CorsDecision;
import io.github.corsstarter.policy.CorsHeaders;
import io.github.corsstarter.policy.CorsRequest;
import io.github.corsstarter.policy.InMemoryCorsResponse;

/**
 * The check every benchmark makes before measuring: both implementations reach the
 * scenario's expected outcome, so that the two are timed doing the same thing.
 */
final class Equivalence {

	private Equivalence() {
	}

	/**
	 * Requires both outcomes to be the scenario's expected one.
	 * @param scenario the scenario
	 * @param level what was run, such as {@code engine} or {@code servlet filter}
	 * @param starter what the starter did
	 * @param spring what Spring did
	 * @throws IllegalStateException otherwise, which fails the benchmark
	 */
	static void require(Scenario scenario, String level, Outcome starter, Outcome spring) {
		Outcome expected = scenario.expectedOutcome();
		if (!expected.equals(starter) || !expected.equals(spring)) {
			throw new IllegalStateException(scenario + " (" + level + "): both implementations must reach " + expected
					+ ", but the starter reached " + starter + " and Spring " + spring);
		}
	}

	/**
	 * Reads a decision of the starter's engine as an outcome.
	 * @param decision the decision
	 * @param request the request it was made for
	 * @return the outcome
	 */
	static Outcome ofDecision(CorsDecision decision, CorsRequest request) {
		InMemoryCorsResponse response = new InMemoryCorsResponse();
		decision.writeHeaders(request, response);
		Outcome.Kind kind = switch (decision.kind()) {
			case NOT_COVERED, NOT_CORS, SAME_ORIGIN -> Outcome.Kind.PASSED_THROUGH;
			case ALLOWED -> Outcome.Kind.ALLOWED;
			case PREFLIGHT -> Outcome.Kind.PREFLIGHT;
			case REJECTED -> Outcome.Kind.REJECTED;
		};
		return new Outcome(kind, response.getHeader(CorsHeaders.ALLOW_ORIGIN));
	}

}
