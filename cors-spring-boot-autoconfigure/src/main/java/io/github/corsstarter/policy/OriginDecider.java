package io.github.corsstarter.policy;

/**
 * Decides at run time whether an origin that the configured lists do not name is allowed,
 * for example a tenant's domain kept in a database.
 * <p>
 * The engine asks only when neither the exact origins nor the patterns match, and only
 * with a well-formed, lowercase serialized origin such as
 * {@code https://tenant.example.com}. The decider is called on the request thread for
 * every cross-origin request that the lists miss, so it should answer from memory.
 */
@FunctionalInterface
public interface OriginDecider {

	/**
	 * Returns whether the origin is allowed.
	 * @param origin a well-formed serialized origin that no configured origin or pattern
	 * matches
	 * @return {@code true} to allow it
	 */
	boolean isAllowed(String origin);

}
