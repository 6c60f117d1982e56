package io.github.corsstarter.benchmarks;

import java.util.List;
import java.util.stream.Stream;

import io.github.corsstarter.policy.CorsDecision;
import io.github.corsstarter.policy.CorsPolicy;
import io.github.corsstarter.policy.CorsSettings;
import io.github.corsstarter.policy.PlainCorsRequest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

import org.springframework.http.server.RequestPath;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Choosing the rule set by path, on a policy whose patterns are the costliest the starter
 * accepts (a leading {@code **} before several segments, globs with several stars, a
 * {@code {*rest}}, a mapping that almost matches), for a short path and for 8 KB paths of
 * {@code /a} segments. The starter's decision, path resolution included, against what
 * Spring's own routing does with the same patterns for the same path: parse it into a
 * {@code RequestPath} and match each {@code PathPattern} in turn.
 */
public class PathBenchmark extends JmhSettings {

	/** The excluded patterns, tried first: none matches the measured paths. */
	static final List<String> EXCLUDED = List.of("/**/a/a/a/b", "/**/*a*a*a*b", "/**/{name}.css");

	/**
	 * The mapping's patterns, tried next: they match a prefix of the measured paths, then
	 * fail.
	 */
	static final List<String> MAPPED = List.of("/a/a/a/b/**", "/a/a/a/a/b/{*rest}");

	/** The top level's patterns: the last one matches every measured path. */
	static final List<String> COVERED = List.of("/**/a/b", "/**/a?b*", "/a/{*rest}");

	/** The path measured. */
	@Param({ "SHORT", "LONG_8KB", "LONG_8KB_ENCODED" })
	public PathKind path;

	private CorsPolicy policy;

	private PlainCorsRequest request;

	private List<PathPattern> springPatterns;

	private String rawPath;

	/**
	 * Builds the policy and checks that the request lands in the top level's rule set,
	 * which allows its origin.
	 */
	@Setup
	public void setUp() {
		this.rawPath = this.path.path();
		this.policy = CorsPolicy.compile(CorsSettings.builder()
			.origins(Scenario.APP_ORIGIN)
			.excludePaths(EXCLUDED)
			.paths(COVERED)
			.mapping("admin", CorsSettings.builder().paths(MAPPED).origins(Scenario.ADMIN_ORIGIN).build())
			.build());
		this.request = PlainCorsRequest.builder()
			.path(this.rawPath)
			.origin(Scenario.APP_ORIGIN)
			.scheme(BenchmarkRequest.SCHEME)
			.host(BenchmarkRequest.HOST)
			.port(BenchmarkRequest.PORT)
			.build();
		CorsDecision decision = this.policy.decide(this.request);
		if (decision.kind() != CorsDecision.Kind.ALLOWED) {
			throw new IllegalStateException("Expected the top level to allow " + this.path + ", got " + decision);
		}
		this.springPatterns = Stream.of(EXCLUDED, MAPPED, COVERED)
			.flatMap(List::stream)
			.map(PathPatternParser.defaultInstance::parse)
			.toList();
		if (springRouting() != this.springPatterns.size() - 1) {
			throw new IllegalStateException("Expected Spring to match the last pattern only for " + this.path);
		}
	}

	/**
	 * The starter's decision, which resolves the routed path and tries the patterns in
	 * order.
	 * @return the decision, for JMH to consume
	 */
	@Benchmark
	public CorsDecision starter() {
		return this.policy.decide(this.request);
	}

	/**
	 * Spring's routing of the same path over the same patterns: the index of the first
	 * pattern that matches.
	 * @return the index, for JMH to consume
	 */
	@Benchmark
	public int springRouting() {
		RequestPath path = RequestPath.parse(this.rawPath, null);
		List<PathPattern> patterns = this.springPatterns;
		for (int i = 0; i < patterns.size(); i++) {
			if (patterns.get(i).matches(path)) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * The paths measured.
	 */
	public enum PathKind {

		/** A typical API path. */
		SHORT("/a/v1/items/42"),

		/** 8 KB of {@code /a} segments, nothing to decode. */
		LONG_8KB("/a".repeat(4096)),

		/**
		 * 8 KB of {@code /a} segments, the last one percent-encoded and with a parameter:
		 * decoded whole.
		 */
		LONG_8KB_ENCODED("/a".repeat(4095) + "/%61;v=1");

		private final String path;

		PathKind(String path) {
			this.path = path;
		}

		String path() {
			return this.path;
		}

	}

}
