package io.github.corsstarter.policy;

import java.util.Collection;

import org.jspecify.annotations.Nullable;

/**
 * Matches well-formed request origins against the allowed origins of one rule set. Its
 * cost does not depend on how many origins are configured: exact origins are one hash
 * lookup, {@code scheme://*.domain} patterns one lookup per dot of the host (a walk over
 * its suffixes), and {@code scheme://host:*} patterns one lookup of the origin without
 * its port.
 */
final class OriginMatcher {

	private final boolean anyOrigin;

	private final SubstringSet exactOrigins;

	/**
	 * Domains under which any subdomain is allowed over https, such as
	 * {@code example.com}.
	 */
	private final SubstringSet httpsDomains;

	/** Domains under which any subdomain is allowed over http. */
	private final SubstringSet httpDomains;

	/** Origins without port, such as {@code http://localhost}, allowed on any port. */
	private final SubstringSet anyPortOrigins;

	private final @Nullable OriginDecider decider;

	OriginMatcher(boolean anyOrigin, Collection<String> exactOrigins, Collection<String> httpsDomains,
			Collection<String> httpDomains, Collection<String> anyPortOrigins, @Nullable OriginDecider decider) {
		this.anyOrigin = anyOrigin;
		this.exactOrigins = SubstringSet.of(exactOrigins);
		this.httpsDomains = SubstringSet.of(httpsDomains);
		this.httpDomains = SubstringSet.of(httpDomains);
		this.anyPortOrigins = SubstringSet.of(anyPortOrigins);
		this.decider = decider;
	}

	/**
	 * Returns whether the origin is allowed.
	 * @param origin a well-formed serialized origin
	 * @param hostEnd where its host ends, from {@link OriginSyntax#hostEnd(String)}
	 * @return whether it is allowed
	 */
	boolean matches(String origin, int hostEnd) {
		if (this.anyOrigin || this.exactOrigins.contains(origin)) {
			return true;
		}
		if (this.anyPortOrigins.contains(origin, 0, hostEnd)) {
			return true;
		}
		if (hostEnd == origin.length() && matchesDomainPattern(origin)) {
			return true;
		}
		return this.decider != null && this.decider.isAllowed(origin);
	}

	private boolean matchesDomainPattern(String origin) {
		int hostStart = OriginSyntax.hostStart(origin);
		SubstringSet domains = (hostStart == OriginSyntax.HTTPS.length()) ? this.httpsDomains : this.httpDomains;
		if (domains.size() == 0 || origin.charAt(hostStart) == '[') {
			return false;
		}
		// The first label is never part of the suffix: a pattern matches one or more
		// labels under its domain.
		for (int i = origin.indexOf('.', hostStart); i > 0; i = origin.indexOf('.', i + 1)) {
			if (domains.contains(origin, i + 1, origin.length())) {
				return true;
			}
		}
		return false;
	}

	String summary() {
		if (this.anyOrigin) {
			return "origins=*";
		}
		int patterns = this.httpsDomains.size() + this.httpDomains.size() + this.anyPortOrigins.size();
		return "origins=" + this.exactOrigins.size() + " exact, " + patterns + " pattern(s)"
				+ ((this.decider != null) ? " and an OriginDecider" : "");
	}

	boolean isEmpty() {
		return !this.anyOrigin && this.exactOrigins.size() == 0 && this.httpsDomains.size() == 0
				&& this.httpDomains.size() == 0 && this.anyPortOrigins.size() == 0 && this.decider == null;
	}

}
