package io.github.corsstarter.policy;

/**
 * Told of every decision a CORS filter makes, after it is made and before it is written:
 * for metrics and logs. Called on the request thread, so it should be quick and must not
 * throw.
 */
@FunctionalInterface
public interface CorsDecisionListener {

	/**
	 * Called once per request the filter decides.
	 * @param request the request
	 * @param decision what the policy decided
	 */
	void onDecision(CorsRequest request, CorsDecision decision);

}
