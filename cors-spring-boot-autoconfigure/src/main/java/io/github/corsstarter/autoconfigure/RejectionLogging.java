package io.github.corsstarter.autoconfigure;

import io.github.corsstarter.policy.CorsDecision;
import io.github.corsstarter.policy.CorsDecisionListener;
import io.github.corsstarter.policy.CorsRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Logs every refused request at DEBUG under the logger {@value #LOGGER_NAME}: method,
 * path, origin and the reason. The origin is request input, so it is shortened and
 * stripped of control characters before it is logged.
 */
final class RejectionLogging implements CorsDecisionListener {

	/** The logger that rejections are logged under. */
	static final String LOGGER_NAME = "io.github.corsstarter.rejections";

	private static final Log logger = LogFactory.getLog(LOGGER_NAME);

	private static final int MAX_LOGGED_LENGTH = 300;

	@Override
	public void onDecision(CorsRequest request, CorsDecision decision) {
		if (decision.kind() == CorsDecision.Kind.REJECTED && logger.isDebugEnabled()) {
			logger.debug("Refused " + printable(request.method()) + " " + printable(request.path()) + " from origin "
					+ printable(request.origin()) + (request.hasSeveralOrigins() ? " (and more)" : "") + ": "
					+ decision.reason());
		}
	}

	private static String printable(String value) {
		if (value == null) {
			return "(none)";
		}
		String shortened = (value.length() > MAX_LOGGED_LENGTH)
				? value.substring(0, MAX_LOGGED_LENGTH) + "...(" + value.length() + " chars)" : value;
		StringBuilder printable = new StringBuilder(shortened.length());
		shortened.codePoints().forEach((c) -> printable.appendCodePoint((Character.isISOControl(c)) ? '?' : c));
		return printable.toString();
	}

}
