package io.github.corsstarter.servlet;

import java.io.IOException;

import io.github.corsstarter.policy.RejectionReason;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The default {@link CorsRejectionHandler}: a 403 with an RFC 9457
 * {@code application/problem+json} body that says which rule refused the request, and
 * never which origins are allowed.
 */
public class ProblemDetailRejectionHandler implements CorsRejectionHandler {

	@Override
	public void reject(HttpServletRequest request, HttpServletResponse response, RejectionReason reason)
			throws IOException {
		byte[] body = reason.problemJson();
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		response.setContentType("application/problem+json");
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
		response.flushBuffer();
	}

}
