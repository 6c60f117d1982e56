package io.github.corsstarter.benchmarks;

import io.github.corsstarter.policy.CorsDecision;
import io.github.corsstarter.policy.CorsPolicy;
import io.github.corsstarter.policy.PlainCorsRequest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * The decision alone: the starter's {@link CorsPolicy#decide} against the checks Spring's
 * {@code DefaultCorsProcessor} makes (see {@link SpringCorsDecision}), on the same
 * request, with no header written.
 */
public class EngineBenchmark extends JmhSettings {

	/**
	 * The case measured; every scenario unless {@code -p scenario=...} says otherwise.
	 */
	@Param
	public Scenario scenario;

	private CorsPolicy policy;

	private PlainCorsRequest request;

	private SpringCorsDecision springDecision;

	/**
	 * Builds both implementations for the scenario and checks that they decide alike.
	 */
	@Setup
	public void setUp() {
		BenchmarkPolicy benchmarkPolicy = this.scenario.policy();
		BenchmarkRequest benchmarkRequest = this.scenario.request();
		this.policy = benchmarkPolicy.starterPolicy();
		this.request = benchmarkRequest.toCorsRequest();
		this.springDecision = new SpringCorsDecision(benchmarkPolicy.springConfiguration(),
				benchmarkRequest.toServletRequest(), benchmarkRequest.toHttpHeaders());
		Equivalence.require(this.scenario, "engine",
				Equivalence.ofDecision(this.policy.decide(this.request), this.request), this.springDecision.outcome());
	}

	/**
	 * The starter's decision.
	 * @return the decision, for JMH to consume
	 */
	@Benchmark
	public CorsDecision starter() {
		return this.policy.decide(this.request);
	}

	/**
	 * Spring's decision.
	 * @return the decision, for JMH to consume
	 */
	@Benchmark
	public Outcome.Kind spring() {
		return this.springDecision.decide();
	}

}
