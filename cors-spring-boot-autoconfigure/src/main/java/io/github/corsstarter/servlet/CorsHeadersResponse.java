package io.github.corsstarter.servlet;

import io.github.corsstarter.policy.CorsDecision;
import io.github.corsstarter.policy.CorsHeaders;
import io.github.corsstarter.policy.IgnoredCorsHeaders;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The response the rest of the chain sees for a request passed on from a covered path:
 * the starter's CORS headers are the only ones it carries. An {@code Access-Control-*}
 * header the application writes (a handler, a later filter, Spring's own CORS processing
 * for a leftover {@code @CrossOrigin}) is ignored, and reported once per name; a
 * {@code Vary} it sets or adds is merged with the decision's tokens into one line, so
 * that neither replaces the other.
 * <p>
 * Reading goes through unchanged: Spring's {@code DefaultCorsProcessor} finds the
 * starter's {@code Access-Control-Allow-Origin} and leaves the response alone.
 * {@link #reset()} clears every header, so the decision's are written again after it;
 * {@code resetBuffer()} and {@code sendError} keep headers, and the error dispatch that
 * follows {@code sendError} runs the filter again, on the container's own response.
 */
class CorsHeadersResponse extends HttpServletResponseWrapper {

	private static final Log logger = LogFactory.getLog(CorsPolicyFilter.class);

	private final HttpServletRequest request;

	private final CorsDecision decision;

	private final IgnoredCorsHeaders ignored;

	/**
	 * Wraps a response on which the decision's headers were written.
	 * @param request the request, read again only when a header is ignored or restored
	 * @param response the response to wrap
	 * @param decision the decision whose headers the response keeps
	 * @param ignored the names already reported by the filter
	 */
	CorsHeadersResponse(HttpServletRequest request, HttpServletResponse response, CorsDecision decision,
			IgnoredCorsHeaders ignored) {
		super(response);
		this.request = request;
		this.decision = decision;
		this.ignored = ignored;
	}

	/**
	 * Finds this class among a response and the responses it wraps, as on an async
	 * dispatch that goes on with the response handed to {@code startAsync}.
	 * @param response the response a filter was given
	 * @return the wrapper, or {@code null} when the response does not go through one
	 */
	static @Nullable CorsHeadersResponse find(ServletResponse response) {
		ServletResponse candidate = response;
		while (!(candidate instanceof CorsHeadersResponse owned)) {
			if (!(candidate instanceof ServletResponseWrapper wrapper)) {
				return null;
			}
			candidate = wrapper.getResponse();
		}
		return owned;
	}

	/**
	 * Writes the decision's headers again on the wrapped response.
	 */
	void restoreHeaders() {
		ServletCorsExchange cors = wrappedExchange();
		this.decision.writeHeaders(cors, cors);
	}

	@Override
	public void setHeader(String name, @Nullable String value) {
		if (!isIgnored(name)) {
			super.setHeader(name, value);
			mergeVaryIfWritten(name);
		}
	}

	@Override
	public void addHeader(String name, @Nullable String value) {
		if (!isIgnored(name)) {
			super.addHeader(name, value);
			mergeVaryIfWritten(name);
		}
	}

	@Override
	public void setIntHeader(String name, int value) {
		if (!isIgnored(name)) {
			super.setIntHeader(name, value);
			mergeVaryIfWritten(name);
		}
	}

	@Override
	public void addIntHeader(String name, int value) {
		if (!isIgnored(name)) {
			super.addIntHeader(name, value);
			mergeVaryIfWritten(name);
		}
	}

	@Override
	public void setDateHeader(String name, long date) {
		if (!isIgnored(name)) {
			super.setDateHeader(name, date);
			mergeVaryIfWritten(name);
		}
	}

	@Override
	public void addDateHeader(String name, long date) {
		if (!isIgnored(name)) {
			super.addDateHeader(name, date);
			mergeVaryIfWritten(name);
		}
	}

	@Override
	public void reset() {
		super.reset();
		restoreHeaders();
	}

	private boolean isIgnored(String name) {
		if (!CorsHeaders.isCorsHeader(name)) {
			return false;
		}
		if (this.ignored.isFirstAttempt(name) && logger.isWarnEnabled()) {
			logger.warn(IgnoredCorsHeaders.warning(name, wrappedExchange().path()));
		}
		return true;
	}

	private void mergeVaryIfWritten(String name) {
		if (CorsHeaders.VARY.equalsIgnoreCase(name)) {
			this.decision.writeVary(wrappedExchange());
		}
	}

	/**
	 * The exchange over the wrapped response, for writing past this wrapper. Made when
	 * needed only: most responses never need it, and keeping it in a field would cost
	 * every request a second object.
	 */
	private ServletCorsExchange wrappedExchange() {
		return new ServletCorsExchange(this.request, (HttpServletResponse) getResponse());
	}

}
