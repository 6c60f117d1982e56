package io.github.corsstarter.autoconfigure;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.github.corsstarter.policy.ConfigurationViolation;
import org.jspecify.annotations.Nullable;

/**
 * What became of the changes to the {@code cors.*} properties made while the application
 * runs: the last one put in force and the last one rejected, which the {@code cors}
 * Actuator endpoint shows. A rejection is forgotten as soon as a later change is applied.
 */
public final class CorsPolicyChanges {

	// One snapshot, so that a reader never sees a new applied change beside the rejection
	// it clears.
	private volatile Snapshot snapshot = new Snapshot(null, null);

	/**
	 * Returns the last change put in force.
	 * @return the change, or {@code null} if none was applied since startup
	 */
	public @Nullable Applied lastApplied() {
		return this.snapshot.applied();
	}

	/**
	 * Returns the last change rejected since a change was last applied.
	 * @return the change, or {@code null} if none is pending
	 */
	public @Nullable Rejected lastRejected() {
		return this.snapshot.rejected();
	}

	void applied(Applied change) {
		this.snapshot = new Snapshot(change, null);
	}

	void rejected(Rejected change) {
		this.snapshot = new Snapshot(this.snapshot.applied(), change);
	}

	/**
	 * A change put in force.
	 *
	 * @param time when it was applied
	 * @param keys the changed {@code cors.*} keys, sorted, as the environment named them
	 * @param policy the one-line summary of the policy now in force
	 */
	public record Applied(Instant time, Set<String> keys, String policy) {

		/**
		 * Creates a record of an applied change.
		 * @param time when it was applied
		 * @param keys the changed keys
		 * @param policy the summary of the policy now in force
		 */
		public Applied {
			keys = Collections.unmodifiableSortedSet(new TreeSet<>(keys));
		}

	}

	/**
	 * A change that left the policy in force, because it could not be bound or compiled.
	 *
	 * @param time when it was rejected
	 * @param keys the changed {@code cors.*} keys, sorted, as the environment named them
	 * @param violations every mistake found (a value that cannot be bound is the only one
	 * reported)
	 */
	public record Rejected(Instant time, Set<String> keys, List<ConfigurationViolation> violations) {

		/**
		 * Creates a record of a rejected change.
		 * @param time when it was rejected
		 * @param keys the changed keys
		 * @param violations every mistake found
		 */
		public Rejected {
			keys = Collections.unmodifiableSortedSet(new TreeSet<>(keys));
			violations = List.copyOf(violations);
		}

	}

	private record Snapshot(@Nullable Applied applied, @Nullable Rejected rejected) {
	}

}
