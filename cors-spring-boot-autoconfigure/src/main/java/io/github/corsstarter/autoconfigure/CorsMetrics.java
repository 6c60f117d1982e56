package io.github.corsstarter.autoconfigure;

import java.util.Objects;

import io.github.corsstarter.policy.CorsDecision;
import io.github.corsstarter.policy.CorsDecisionListener;
import io.github.corsstarter.policy.CorsRequest;
import io.github.corsstarter.policy.RejectionReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts decisions in the Micrometer counter {@value #METER_NAME}, tagged with the
 * {@code outcome} ({@code allowed}, {@code preflight}, {@code rejected}, {@code passed})
 * and, for rejections, the {@code reason}. Origins and paths are never tags: their number
 * is unbounded. Every counter is registered up front, so counting is an array lookup.
 */
final class CorsMetrics implements CorsDecisionListener {

	/** The name of the counter. */
	static final String METER_NAME = "cors.requests";

	private final Counter allowed;

	private final Counter preflight;

	private final Counter passed;

	private final Counter[] rejected;

	CorsMetrics(MeterRegistry registry) {
		this.allowed = counter(registry, "allowed", "none");
		this.preflight = counter(registry, "preflight", "none");
		this.passed = counter(registry, "passed", "none");
		RejectionReason[] reasons = RejectionReason.values();
		this.rejected = new Counter[reasons.length];
		for (RejectionReason reason : reasons) {
			this.rejected[reason.ordinal()] = counter(registry, "rejected", reason.tag());
		}
	}

	private static Counter counter(MeterRegistry registry, String outcome, String reason) {
		return Counter.builder(METER_NAME)
			.description("Requests seen by the CORS filter, by outcome")
			.tag("outcome", outcome)
			.tag("reason", reason)
			.register(registry);
	}

	@Override
	public void onDecision(CorsRequest request, CorsDecision decision) {
		switch (decision.kind()) {
			case ALLOWED -> this.allowed.increment();
			case PREFLIGHT -> this.preflight.increment();
			case REJECTED -> this.rejected[Objects.requireNonNull(decision.reason()).ordinal()].increment();
			default -> this.passed.increment();
		}
	}

}
