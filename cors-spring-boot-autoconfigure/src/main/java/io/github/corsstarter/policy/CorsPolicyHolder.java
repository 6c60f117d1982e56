package io.github.corsstarter.policy;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Holds the policy in force, which the application may replace while it runs, for example
 * when tenants are added to a database. A replacement is compiled and checked first, then
 * swapped in at once: a request is decided by the old policy or by the new one, never by
 * a mix, and an invalid replacement leaves the old policy in force.
 * <p>
 * The web filters and the Actuator endpoint ask the holder for every request, so they
 * follow each replacement. A {@link CorsPolicy} bean is the initial policy only: inject
 * the holder, not the policy, to see the policy in force.
 */
public final class CorsPolicyHolder implements Supplier<CorsPolicy> {

	private final @Nullable OriginDecider decider;

	private volatile CorsPolicy policy;

	/**
	 * Creates a holder.
	 * @param policy the initial policy
	 * @param decider the decider that policies compiled by {@link #replace(CorsSettings)}
	 * ask, or {@code null}
	 */
	public CorsPolicyHolder(CorsPolicy policy, @Nullable OriginDecider decider) {
		this.policy = policy;
		this.decider = decider;
	}

	/**
	 * Returns the policy in force.
	 * @return the current policy
	 */
	@Override
	public CorsPolicy get() {
		return this.policy;
	}

	/**
	 * Compiles settings and, when they are valid, puts the resulting policy in force.
	 * @param settings the new settings, complete (they do not inherit from the policy
	 * they replace)
	 * @return the policy now in force
	 * @throws CorsConfigurationException listing every violation, in which case the
	 * current policy stays
	 */
	public CorsPolicy replace(CorsSettings settings) {
		CorsPolicy replacement = CorsPolicy.compile(settings, this.decider);
		this.policy = replacement;
		return replacement;
	}

	/**
	 * Puts an already compiled policy in force, as it is. It asks the
	 * {@link OriginDecider} it was compiled with, if any: not the decider this holder was
	 * created with (in an application, the {@code OriginDecider} beans). To keep asking
	 * those, call {@link #replace(CorsSettings)} instead.
	 * @param policy the new policy
	 */
	public void replace(CorsPolicy policy) {
		this.policy = policy;
	}

}
