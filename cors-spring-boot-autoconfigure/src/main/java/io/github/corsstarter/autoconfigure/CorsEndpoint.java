package io.github.corsstarter.autoconfigure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.corsstarter.policy.ConfigurationViolation;
import io.github.corsstarter.policy.CorsDecision;
import io.github.corsstarter.policy.CorsPolicy;
import io.github.corsstarter.policy.EffectiveRules;
import io.github.corsstarter.policy.InMemoryCorsResponse;
import io.github.corsstarter.policy.PlainCorsRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.annotation.RegisterReflectionForBinding;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The {@code cors} Actuator endpoint, read-only. Without parameters it shows the policy
 * in force, rule set by rule set, and, when {@code cors.*} changes are applied while the
 * application runs, the last change applied and the last one rejected (its violations),
 * until a later change is applied. With an {@code origin} it answers "what would the
 * policy do with this request?": the decision, its reason and the response headers, for
 * the actual request and for its preflight.
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
	 * Creates the endpoint that also shows what became of the changes made while the
	 * application runs.
	 * @param policy supplies the policy in force
	 * @param changes the changes applied and rejected, or {@code null} when the policy is
	 * not reconfigured
	 */
	public CorsEndpoint(Supplier<CorsPolicy> policy, @Nullable CorsPolicyChanges changes) {
		this.policy = policy;
		this.changes = changes;
	}

	/**
	 * Shows the policy, or what it decides for a hypothetical request.
	 * @param origin the {@code Origin} of the hypothetical request; without it, the
	 * policy is shown
	 * @param method its method, {@code GET} unless given
	 * @param headers the request headers a preflight would name, comma-separated
	 * @param path its path within the application, {@code /} unless given
	 * @return the policy, a {@link PolicyDescriptor}, or the decisions
	 */
	@ReadOperation
	@RegisterReflectionForBinding(PolicyDescriptor.class)
	public Object cors(@Nullable String origin, @Nullable String method, @Nullable String headers,
			@Nullable String path) {
		CorsPolicy current = this.policy.get();
		if (origin == null) {
			return PolicyDescriptor.of(current, this.changes);
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
		// A request that was never received: same-origin detection is off, since the
		// endpoint cannot know the host
		// the browser would call; the default host is a reserved name that no origin
		// shares.
		answer.put("actual", decide(current,
				PlainCorsRequest.builder().method(requestMethod).path(requestPath).origin(origin).build()));
		answer.put("preflight",
				decide(current,
						PlainCorsRequest.preflight(origin, requestMethod)
							.path(requestPath)
							.accessControlRequestHeaders(headers)
							.build()));
		return answer;
	}

	/**
	 * The policy in force, rule set by rule set in the order they are tried, and what
	 * became of the changes made while the application runs.
	 *
	 * @param rules the mappings' rules, then the top level's
	 * @param originDecider whether an {@code OriginDecider} is asked about origins the
	 * lists do not name
	 * @param allowsNoOrigin whether no origin at all is allowed
	 * @param lastAppliedChange the last change put in force, or {@code null} if none was,
	 * or changes are not followed
	 * @param lastRejectedChange the last change rejected since one was applied, or
	 * {@code null}
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record PolicyDescriptor(List<RulesDescriptor> rules, boolean originDecider, boolean allowsNoOrigin,
			@Nullable AppliedChangeDescriptor lastAppliedChange,
			@Nullable RejectedChangeDescriptor lastRejectedChange) {

		static PolicyDescriptor of(CorsPolicy policy, @Nullable CorsPolicyChanges changes) {
			List<RulesDescriptor> rules = policy.rules().stream().map(RulesDescriptor::of).toList();
			CorsPolicyChanges.Applied applied = (changes != null) ? changes.lastApplied() : null;
			CorsPolicyChanges.Rejected rejected = (changes != null) ? changes.lastRejected() : null;
			return new PolicyDescriptor(rules, policy.hasOriginDecider(), policy.allowsNoOrigin(),
					(applied != null) ? AppliedChangeDescriptor.of(applied) : null,
					(rejected != null) ? RejectedChangeDescriptor.of(rejected) : null);
		}

	}

	/**
	 * One rule set as the policy enforces it, from {@link EffectiveRules}.
	 *
	 * @param name {@code default} for the top level, otherwise the mapping's name
	 * @param paths the path patterns the rules cover
	 * @param excludePaths the path patterns within them that pass through untouched
	 * @param origins the exact allowed origins, {@code *} for any
	 * @param originPatterns the allowed origin patterns
	 * @param methods the methods a preflight may ask for
	 * @param allowedHeaders the request headers a preflight may ask for
	 * @param exposedHeaders the response headers scripts may read
	 * @param allowCredentials whether credentials are allowed
	 * @param maxAge how long a preflight answer may be cached, in seconds, as
	 * {@code Access-Control-Max-Age} says it
	 * @param allowPrivateNetwork whether private network access is granted
	 * @param preflightStatus the status of an allowed preflight answer
	 */
	public record RulesDescriptor(String name, List<String> paths, List<String> excludePaths, List<String> origins,
			List<String> originPatterns, List<String> methods, List<String> allowedHeaders, List<String> exposedHeaders,
			boolean allowCredentials, long maxAge, boolean allowPrivateNetwork, int preflightStatus) {

		static RulesDescriptor of(EffectiveRules rules) {
			return new RulesDescriptor(rules.name(), rules.paths(), rules.excludePaths(), rules.origins(),
					rules.originPatterns(), rules.methods(), rules.allowedHeaders(), rules.exposedHeaders(),
					rules.allowCredentials(), rules.maxAge().toSeconds(), rules.allowPrivateNetwork(),
					rules.preflightStatus());
		}

	}

	/**
	 * A change to {@code cors.*} put in force while the application runs.
	 *
	 * @param time when it was applied, ISO-8601
	 * @param keys the changed keys, sorted
	 * @param policy the one-line summary of the policy it put in force
	 */
	public record AppliedChangeDescriptor(String time, Set<String> keys, String policy) {

		static AppliedChangeDescriptor of(CorsPolicyChanges.Applied applied) {
			return new AppliedChangeDescriptor(applied.time().toString(), applied.keys(), applied.policy());
		}

	}

	/**
	 * A change to {@code cors.*} that left the policy in force.
	 *
	 * @param time when it was rejected, ISO-8601
	 * @param keys the changed keys, sorted
	 * @param violations every mistake found
	 */
	public record RejectedChangeDescriptor(String time, Set<String> keys, List<ViolationDescriptor> violations) {

		static RejectedChangeDescriptor of(CorsPolicyChanges.Rejected rejected) {
			return new RejectedChangeDescriptor(rejected.time().toString(), rejected.keys(),
					rejected.violations().stream().map(ViolationDescriptor::of).toList());
		}

	}

	/**
	 * One mistake in a rejected change.
	 *
	 * @param property the property that holds the value
	 * @param value the value
	 * @param reason what is wrong with it
	 * @param hint how to put it right
	 */
	public record ViolationDescriptor(String property, String value, String reason, String hint) {

		static ViolationDescriptor of(ConfigurationViolation violation) {
			return new ViolationDescriptor(violation.property(), violation.value(), violation.reason(),
					violation.hint());
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
