package io.github.corsstarter.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import io.github.corsstarter.policy.ConfigurationViolation;
import io.github.corsstarter.policy.CorsDecision;
import io.github.corsstarter.policy.CorsPolicy;
import io.github.corsstarter.policy.EffectiveRules;
import io.github.corsstarter.policy.InMemoryCorsResponse;
import io.github.corsstarter.policy.PlainCorsRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The {@code cors} Actuator endpoint, read-only. Without parameters it shows the policy in force, rule set by rule
 * set, and, when {@code cors.*} changes are applied while the application runs, the last change applied and the
 * last one rejected (its violations), until a later change is applied. With an {@code origin} it answers "what would
 * the policy do with this request?": the decision, its reason and the response headers, for the actual request and
 * for its preflight.
 */
@Endpoint(id = "cors")
public class CorsEndpoint {

	private final Supplier<CorsPolicy> policy;

	private final @Nullable CorsPolicyChanges changes;

	/**
	 * Creates the endpoint.
	 * @param policy supplies the policy in force
	 */
	public CorsEndpoint(Supplier<CorsPolicy> policy) {
		this(policy, null);
	}

	/**
	 * Creates the endpoint that also shows what became of the changes made while the application runs.
	 * @param policy supplies the policy in force
	 * @param changes the changes applied and rejected, or {@code null} when the policy is not reconfigured
	 */
	public CorsEndpoint(Supplier<CorsPolicy> policy, @Nullable CorsPolicyChanges changes) {
		this.policy = policy;
		this.changes = changes;
	}

	/**
	 * Shows the policy, or what it decides for a hypothetical request.
	 * @param origin the {@code Origin} of the hypothetical request; without it, the policy is shown
	 * @param method its method, {@code GET} unless given
	 * @param headers the request headers a preflight would name, comma-separated
	 * @param path its path within the application, {@code /} unless given
	 * @return the policy, or the decisions
	 */
	@ReadOperation
	public Map<String, Object> cors(@Nullable String origin, @Nullable String method, @Nullable String headers,
			@Nullable String path) {
		CorsPolicy current = this.policy.get();
		if (origin == null) {
			Map<String, Object> description = describe(current);
			if (this.changes != null) {
				describeChanges(this.changes, description);
			}
			return description;
		}
		String requestMethod = (method != null && !method.isBlank()) ? method.strip() : "GET";
		String requestPath = (path != null && path.startsWith("/")) ? path : "/";
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("origin", origin);
		answer.put("method", requestMethod);
		answer.put("path", requestPath);
		if (headers != null) {
			answer.put("headers", headers);
		}
		EffectiveRules rules = current.effectiveRulesFor(requestPath);
		answer.put("rules", (rules != null) ? rules.name() : "none (path excluded or not covered)");
		// A request that was never received: same-origin detection is off, since the endpoint cannot know the host
		// the browser would call; the default host is a reserved name that no origin shares.
		answer.put("actual", decide(current,
				PlainCorsRequest.builder().method(requestMethod).path(requestPath).origin(origin).build()));
		answer.put("preflight", decide(current, PlainCorsRequest.preflight(origin, requestMethod)
			.path(requestPath)
			.accessControlRequestHeaders(headers)
			.build()));
		return answer;
	}

	private static Map<String, Object> describe(CorsPolicy policy) {
		Map<String, Object> description = new LinkedHashMap<>();
		List<Map<String, Object>> rules = new ArrayList<>();
		for (EffectiveRules effective : policy.rules()) {
			Map<String, Object> rule = new LinkedHashMap<>();
			rule.put("name", effective.name());
			rule.put("paths", effective.paths());
			rule.put("excludePaths", effective.excludePaths());
			rule.put("origins", effective.origins());
			rule.put("originPatterns", effective.originPatterns());
			rule.put("methods", effective.methods());
			rule.put("allowedHeaders", effective.allowedHeaders());
			rule.put("exposedHeaders", effective.exposedHeaders());
			rule.put("allowCredentials", effective.allowCredentials());
			rule.put("maxAge", effective.maxAge().toSeconds());
			rule.put("allowPrivateNetwork", effective.allowPrivateNetwork());
			rule.put("preflightStatus", effective.preflightStatus());
			rules.add(rule);
		}
		description.put("rules", rules);
		description.put("originDecider", policy.hasOriginDecider());
		description.put("allowsNoOrigin", policy.allowsNoOrigin());
		return description;
	}

	private static void describeChanges(CorsPolicyChanges changes, Map<String, Object> description) {
		CorsPolicyChanges.Applied applied = changes.lastApplied();
		if (applied != null) {
			Map<String, Object> change = new LinkedHashMap<>();
			change.put("time", applied.time().toString());
			change.put("keys", applied.keys());
			change.put("policy", applied.policy());
			description.put("lastAppliedChange", change);
		}
		CorsPolicyChanges.Rejected rejected = changes.lastRejected();
		if (rejected != null) {
			Map<String, Object> change = new LinkedHashMap<>();
			change.put("time", rejected.time().toString());
			change.put("keys", rejected.keys());
			List<Map<String, Object>> violations = new ArrayList<>();
			for (ConfigurationViolation violation : rejected.violations()) {
				Map<String, Object> entry = new LinkedHashMap<>();
				entry.put("property", violation.property());
				entry.put("value", violation.value());
				entry.put("reason", violation.reason());
				entry.put("hint", violation.hint());
				violations.add(entry);
			}
			change.put("violations", violations);
			description.put("lastRejectedChange", change);
		}
	}

	private static Map<String, Object> decide(CorsPolicy policy, PlainCorsRequest request) {
		CorsDecision decision = policy.decide(request);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("outcome", decision.kind().name().toLowerCase(Locale.ROOT));
		if (decision.reason() != null) {
			answer.put("reason", decision.reason().detail());
		}
		if (decision.kind() == CorsDecision.Kind.PREFLIGHT) {
			answer.put("status", decision.preflightStatus());
		}
		if (decision.kind() == CorsDecision.Kind.REJECTED) {
			answer.put("status", 403);
		}
		InMemoryCorsResponse response = new InMemoryCorsResponse();
		decision.writeHeaders(request, response);
		Map<String, String> responseHeaders = new LinkedHashMap<>();
		response.headers().forEach((name, lines) -> responseHeaders.put(name, String.join(", ", lines)));
		answer.put("responseHeaders", responseHeaders);
		return answer;
	}

}
