package io.github.corsstarter.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An {@link OriginDecider} that allows a fixed set of origins and records every origin it
 * is asked about.
 */
final class RecordingOriginDecider implements OriginDecider {

	private final Set<String> allowed;

	private final List<String> calls = new ArrayList<>();

	RecordingOriginDecider(Set<String> allowed) {
		this.allowed = allowed;
	}

	@Override
	public boolean isAllowed(String origin) {
		this.calls.add(origin);
		return this.allowed.contains(origin);
	}

	List<String> calls() {
		return this.calls;
	}

}
