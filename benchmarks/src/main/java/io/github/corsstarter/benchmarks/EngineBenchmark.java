package io.github.corsstarter.benchmarks;

import java.util.concurrent.TimeUnit;

import io.github.corsstarter.policy.CorsDecision;
import io.github.corsstarter.policy.CorsPolicy;
import io.github.corsstarter.policy.PlainCorsRequest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The decision alone: the starter's {@link CorsPolicy#decide} against the checks Spring's
 * {@code DefaultCorsProcessor} makes (see {@link SpringCorsDecision}), on the same
 * request, with no header written.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = { "-Xms2g", "-Xmx2g" })
@State(Scope.Thread)
public class EngineBenchmark {

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
