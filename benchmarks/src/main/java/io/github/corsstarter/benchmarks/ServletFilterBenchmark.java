package io.github.corsstarter.benchmarks;

import java.io.IOException;

import io.github.corsstarter.benchmarks.doubles.CountingFilterChain;
import io.github.corsstarter.benchmarks.doubles.PresetHttpServletRequest;
import io.github.corsstarter.benchmarks.doubles.ReusableHttpServletResponse;
import io.github.corsstarter.policy.CorsHeaders;
import io.github.corsstarter.servlet.CorsPolicyFilter;
import io.github.corsstarter.servlet.ProblemDetailRejectionHandler;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletResponseWrapper;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * The whole servlet filter: the starter's {@link CorsPolicyFilter} against Spring's
 * {@link CorsFilter} with a {@link UrlBasedCorsConfigurationSource} mapping {@code /**}
 * to the same policy, each handed the same request and response doubles, which allocate
 * nothing themselves ({@link #withoutCors()} shows it). A request the starter passes on
 * reaches the chain through the starter's response wrapper, which the chain keeps, as an
 * application would.
 */
public class ServletFilterBenchmark extends JmhSettings {

	/**
	 * The case measured; every scenario unless {@code -p scenario=...} says otherwise.
	 */
	@Param
	public Scenario scenario;

	private CorsPolicyFilter starterFilter;

	private CorsFilter springFilter;

	private PresetHttpServletRequest request;

	private ReusableHttpServletResponse response;

	private CountingFilterChain chain;

	/**
	 * Builds both filters for the scenario and checks that they answer alike.
	 * @throws Exception if a filter fails
	 */
	@Setup
	public void setUp() throws Exception {
		BenchmarkPolicy policy = this.scenario.policy();
		this.starterFilter = new CorsPolicyFilter(policy.starterPolicy(), new ProblemDetailRejectionHandler());
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/**", policy.springConfiguration());
		this.springFilter = new CorsFilter(source);
		this.request = this.scenario.request().toServletRequest();
		this.response = new ReusableHttpServletResponse();
		this.chain = new CountingFilterChain();
		Equivalence.require(this.scenario, "servlet filter", outcomeOf(this.starterFilter),
				outcomeOf(this.springFilter));
		requireWrapperWherePassedOn();
	}

	/**
	 * Fails unless the starter hands a request it passes on to the rest of the chain with
	 * its response wrapper, which keeps the starter's CORS headers: that is the path
	 * measured, as on a server.
	 */
	private void requireWrapperWherePassedOn() throws IOException, ServletException {
		this.chain.recycle();
		filter(this.starterFilter);
		if (this.chain.count() > 0 && !(this.chain.lastResponse() instanceof ServletResponseWrapper wrapper
				&& wrapper.getResponse() == this.response)) {
			throw new IllegalStateException(this.scenario + ": the starter passed the request on without its "
					+ "response wrapper, but with " + this.chain.lastResponse());
		}
	}

	private Outcome outcomeOf(Filter filter) throws IOException, ServletException {
		this.chain.recycle();
		filter(filter);
		return Outcome.ofFilter(this.response.getStatus(), this.chain.count() > 0,
				this.response.getHeader(CorsHeaders.ALLOW_ORIGIN));
	}

	private int filter(Filter filter) throws IOException, ServletException {
		this.request.recycle();
		this.response.recycle();
		filter.doFilter(this.request, this.response, this.chain);
		return this.response.getStatus();
	}

	/**
	 * The starter's filter.
	 * @return the response status, for JMH to consume
	 * @throws Exception if the filter fails
	 */
	@Benchmark
	public int starter() throws Exception {
		return filter(this.starterFilter);
	}

	/**
	 * Spring's filter.
	 * @return the response status, for JMH to consume
	 * @throws Exception if the filter fails
	 */
	@Benchmark
	public int spring() throws Exception {
		return filter(this.springFilter);
	}

	/**
	 * No filter: recycling the doubles and calling the chain, the floor under both
	 * filters. It allocates nothing.
	 * @return the response status, for JMH to consume
	 * @throws Exception if the chain fails
	 */
	@Benchmark
	@Fork(value = 1, jvmArgsAppend = { "-Xms2g", "-Xmx2g" })
	@Measurement(iterations = 3, time = 1)
	@Warmup(iterations = 3, time = 1)
	public int withoutCors() throws Exception {
		this.request.recycle();
		this.response.recycle();
		this.chain.doFilter(this.request, this.response);
		return this.response.getStatus();
	}

}
