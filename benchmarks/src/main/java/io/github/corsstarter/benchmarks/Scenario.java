package io.github.corsstarter.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The benchmarked cases: a policy, a request, and the outcome both implementations must
 * reach before either is measured. Policies and requests are built when a benchmark sets
 * up, not when this class loads, since the largest allow-list holds 100,000 origins.
 */
public enum Scenario {

	/** A same-site or non-browser request: no {@code Origin}. */
	NO_ORIGIN(Scenario::typicalPolicy, () -> BenchmarkRequest.get(null), Outcome.Kind.PASSED_THROUGH),

	/**
	 * A browser's same-origin {@code GET} that still carries {@code Origin}, such as a
	 * form post would.
	 */
	SAME_ORIGIN(Scenario::typicalPolicy, () -> BenchmarkRequest.get(BenchmarkRequest.SERVER_ORIGIN),
			Outcome.Kind.PASSED_THROUGH),

	/** A {@code GET} from the second of two allowed origins. */
	ALLOWED_SIMPLE(Scenario::typicalPolicy, () -> BenchmarkRequest.get(Scenario.ADMIN_ORIGIN), Outcome.Kind.ALLOWED),

	/** A preflight for {@code PUT} from an allowed origin, naming no headers. */
	PREFLIGHT(Scenario::typicalPolicy, () -> BenchmarkRequest.preflight(Scenario.ADMIN_ORIGIN, "PUT", null),
			Outcome.Kind.PREFLIGHT),

	/**
	 * A preflight for {@code PUT} from an allowed origin with two allowed headers, as
	 * browsers send them.
	 */
	PREFLIGHT_WITH_HEADERS(Scenario::typicalPolicy,
			() -> BenchmarkRequest.preflight(Scenario.ADMIN_ORIGIN, "PUT", "authorization,content-type"),
			Outcome.Kind.PREFLIGHT),

	/** A {@code GET} from an origin that is not allowed. */
	REJECTED_ORIGIN(Scenario::typicalPolicy, () -> BenchmarkRequest.get(Scenario.UNKNOWN_ORIGIN),
			Outcome.Kind.REJECTED),

	/**
	 * A preflight from an allowed origin for a header that is not allowed. Only that
	 * header: Spring answers a preflight naming an allowed and a refused header as
	 * allowed (it lists the allowed one and leaves the refusal to the browser), while the
	 * starter refuses it, so the two would not reach the same decision.
	 */
	REJECTED_PREFLIGHT(Scenario::typicalPolicy,
			() -> BenchmarkRequest.preflight(Scenario.ADMIN_ORIGIN, "PUT", "x-api-key"), Outcome.Kind.REJECTED),

	/** One allowed origin; the request comes from it. */
	ORIGINS_1_LAST(() -> generatedPolicy(1), () -> lastOrigin(1), Outcome.Kind.ALLOWED),

	/** 1,000 allowed origins; the request comes from the last. */
	ORIGINS_1000_LAST(() -> generatedPolicy(1_000), () -> lastOrigin(1_000), Outcome.Kind.ALLOWED),

	/** 10,000 allowed origins; the request comes from the last. */
	ORIGINS_10000_LAST(() -> generatedPolicy(10_000), () -> lastOrigin(10_000), Outcome.Kind.ALLOWED),

	/** 100,000 allowed origins; the request comes from the last. */
	ORIGINS_100000_LAST(() -> generatedPolicy(100_000), () -> lastOrigin(100_000), Outcome.Kind.ALLOWED),

	/** One allowed origin; the request comes from another. */
	ORIGINS_1_NONE(() -> generatedPolicy(1), Scenario::unknownOrigin, Outcome.Kind.REJECTED),

	/** 1,000 allowed origins; the request comes from none of them. */
	ORIGINS_1000_NONE(() -> generatedPolicy(1_000), Scenario::unknownOrigin, Outcome.Kind.REJECTED),

	/** 10,000 allowed origins; the request comes from none of them. */
	ORIGINS_10000_NONE(() -> generatedPolicy(10_000), Scenario::unknownOrigin, Outcome.Kind.REJECTED),

	/** 100,000 allowed origins; the request comes from none of them. */
	ORIGINS_100000_NONE(() -> generatedPolicy(100_000), Scenario::unknownOrigin, Outcome.Kind.REJECTED),

	/**
	 * 100 patterns {@code https://*.tenant-001.example.com} to
	 * {@code https://*.tenant-100.example.com}; the request comes from a subdomain of the
	 * last.
	 */
	PATTERNS_100(Scenario::patternPolicy, () -> BenchmarkRequest.get("https://app.tenant-100.example.com"),
			Outcome.Kind.ALLOWED),

	/**
	 * A {@code GET} whose {@code Origin} is 8 KB long: a host of one 8,172-character
	 * label.
	 */
	ADVERSARIAL_ORIGIN_8KB(Scenario::typicalPolicy, () -> BenchmarkRequest.get(longOrigin(8 * 1024)),
			Outcome.Kind.REJECTED),

	/**
	 * A preflight from an allowed origin whose {@code Access-Control-Request-Headers} is
	 * 1 MB of commas, then a header that is not allowed. Only commas would name no header
	 * at all: Spring then allows the preflight, while the starter refuses any value
	 * longer than it reads, so the refused name at the end makes both refuse, and Spring
	 * reads the whole value to find it.
	 */
	ADVERSARIAL_REQUEST_HEADERS_1MB(Scenario::typicalPolicy,
			() -> BenchmarkRequest.preflight(Scenario.ADMIN_ORIGIN, "PUT", ",".repeat(1024 * 1024) + "x-api-key"),
			Outcome.Kind.REJECTED);

	static final String APP_ORIGIN = "https://app.example.com";

	static final String ADMIN_ORIGIN = "https://admin.example.com";

	static final String UNKNOWN_ORIGIN = "https://evil.example.org";

	private final Supplier<BenchmarkPolicy> policy;

	private final Supplier<BenchmarkRequest> request;

	private final Outcome.Kind expected;

	Scenario(Supplier<BenchmarkPolicy> policy, Supplier<BenchmarkRequest> request, Outcome.Kind expected) {
		this.policy = policy;
		this.request = request;
		this.expected = expected;
	}

	/**
	 * Builds the scenario's policy.
	 * @return a new policy
	 */
	public BenchmarkPolicy policy() {
		return this.policy.get();
	}

	/**
	 * Builds the scenario's request.
	 * @return a new request
	 */
	public BenchmarkRequest request() {
		return this.request.get();
	}

	/**
	 * Returns what both implementations must do with the request: with credentials
	 * allowed, an allowed request is answered with its own origin.
	 * @return the expected outcome
	 */
	public Outcome expectedOutcome() {
		boolean allowed = this.expected == Outcome.Kind.ALLOWED || this.expected == Outcome.Kind.PREFLIGHT;
		return new Outcome(this.expected, allowed ? request().origin() : null);
	}

	private static BenchmarkPolicy typicalPolicy() {
		return BenchmarkPolicy.ofOrigins(List.of(APP_ORIGIN, ADMIN_ORIGIN));
	}

	private static BenchmarkPolicy generatedPolicy(int count) {
		return BenchmarkPolicy.ofOrigins(BenchmarkPolicy.generatedOrigins(count));
	}

	private static BenchmarkRequest lastOrigin(int count) {
		return BenchmarkRequest.get(BenchmarkPolicy.generatedOrigin(count));
	}

	private static BenchmarkRequest unknownOrigin() {
		return BenchmarkRequest.get(UNKNOWN_ORIGIN);
	}

	private static BenchmarkPolicy patternPolicy() {
		List<String> patterns = new ArrayList<>();
		for (int i = 1; i <= 100; i++) {
			patterns.add(String.format("https://*.tenant-%03d.example.com", i));
		}
		return BenchmarkPolicy.ofOriginPatterns(patterns);
	}

	private static String longOrigin(int length) {
		String prefix = "https://";
		String suffix = ".example.com";
		return prefix + "a".repeat(length - prefix.length() - suffix.length()) + suffix;
	}

}
