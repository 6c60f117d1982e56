package io.github.corsstarter.servlet;

import java.io.IOException;

import io.github.corsstarter.policy.RejectionReason;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Writes the response to a cross-origin request that the policy refused. The request goes
 * no further: no other filter, no controller. The CORS filter has already set
 * {@code Vary} and no {@code Access-Control-Allow-*} header; an implementation should not
 * add any.
 * <p>
 * Declare a bean of this type to replace the default RFC 9457
 * {@code application/problem+json} 403.
 */
@FunctionalInterface
public interface CorsRejectionHandler {

	/**
	 * Writes the rejection.
	 * @param request the refused request
	 * @param response its response, not yet committed
	 * @param reason why it was refused
	 * @throws IOException when the response cannot be written
	 */
	void reject(HttpServletRequest request, HttpServletResponse response, RejectionReason reason) throws IOException;

}
