package io.github.corsstarter.benchmarks;

import org.jspecify.annotations.Nullable;

/**
 * What a CORS implementation did with a request, in the terms both implementations share:
 * whether the request went on, was answered as a preflight or refused, and the
 * {@code Access-Control-Allow-Origin} it was given.
 *
 * @param kind what happened to the request
 * @param allowOrigin the {@code Access-Control-Allow-Origin} value, or {@code null} when
 * none was written
 */
public record Outcome(Kind kind, @Nullable String allowOrigin) {

	/**
	 * What happened to a request.
	 */
	public enum Kind {

		/**
		 * Passed on to the application without CORS headers: no {@code Origin}, or the
		 * server's own.
		 */
		PASSED_THROUGH,

		/** Passed on to the application with CORS headers. */
		ALLOWED,

		/** Answered as an allowed preflight; the application never saw it. */
		PREFLIGHT,

		/** Refused with a 403; the application never saw it. */
		REJECTED

	}

	/**
	 * Reads the outcome of a filter from what it left behind.
	 * @param status the response status
	 * @param passedOn whether the filter called the rest of the chain
	 * @param allowOrigin the response's {@code Access-Control-Allow-Origin}, or
	 * {@code null}
	 * @return the outcome
	 * @throws IllegalStateException when the combination is none of the four kinds
	 */
	public static Outcome ofFilter(int status, boolean passedOn, @Nullable String allowOrigin) {
		Kind kind;
		if (passedOn && status == 200) {
			kind = (allowOrigin != null) ? Kind.ALLOWED : Kind.PASSED_THROUGH;
		}
		else if (!passedOn && status == 200 && allowOrigin != null) {
			kind = Kind.PREFLIGHT;
		}
		else if (!passedOn && status == 403 && allowOrigin == null) {
			kind = Kind.REJECTED;
		}
		else {
			throw new IllegalStateException("Not an outcome of a CORS filter: status " + status + ", "
					+ (passedOn ? "passed on" : "not passed on") + ", Access-Control-Allow-Origin " + allowOrigin);
		}
		return new Outcome(kind, allowOrigin);
	}

	@Override
	public String toString() {
		return (this.allowOrigin != null) ? this.kind + " with Access-Control-Allow-Origin " + this.allowOrigin
				: this.kind.toString();
	}

}
