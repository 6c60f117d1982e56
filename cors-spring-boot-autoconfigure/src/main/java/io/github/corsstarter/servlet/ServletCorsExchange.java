package io.github.corsstarter.servlet;

import java.util.Collection;
import java.util.Enumeration;

import io.github.corsstarter.policy.CorsHeaders;
import io.github.corsstarter.policy.CorsRequest;
import io.github.corsstarter.policy.CorsResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

/**
 * Presents a servlet request and response to the policy engine.
 */
final class ServletCorsExchange implements CorsRequest, CorsResponse {

	private final HttpServletRequest request;

	private final HttpServletResponse response;

	/**
	 * The first {@code Origin} header line, read once: the engine and the headers it
	 * writes both need it.
	 */
	private final @Nullable String origin;

	private final boolean severalOrigins;

	ServletCorsExchange(HttpServletRequest request, HttpServletResponse response) {
		this.request = request;
		this.response = response;
		Enumeration<String> origins = request.getHeaders(CorsHeaders.ORIGIN);
		if (origins != null && origins.hasMoreElements()) {
			this.origin = origins.nextElement();
			this.severalOrigins = origins.hasMoreElements();
		}
		else {
			this.origin = null;
			this.severalOrigins = false;
		}
	}

	@Override
	public String method() {
		return this.request.getMethod();
	}

	@Override
	public String path() {
		String uri = this.request.getRequestURI();
		String contextPath = this.request.getContextPath();
		return (contextPath.isEmpty() || !uri.startsWith(contextPath)) ? uri : uri.substring(contextPath.length());
	}

	@Override
	public @Nullable String origin() {
		return this.origin;
	}

	@Override
	public boolean hasSeveralOrigins() {
		return this.severalOrigins;
	}

	@Override
	public String scheme() {
		return this.request.getScheme();
	}

	@Override
	public String host() {
		return this.request.getServerName();
	}

	@Override
	public int port() {
		return this.request.getServerPort();
	}

	@Override
	public @Nullable String accessControlRequestMethod() {
		return this.request.getHeader(CorsHeaders.REQUEST_METHOD);
	}

	@Override
	public @Nullable String accessControlRequestHeaders() {
		Enumeration<String> values = this.request.getHeaders(CorsHeaders.REQUEST_HEADERS);
		if (values == null || !values.hasMoreElements()) {
			return null;
		}
		String first = values.nextElement();
		if (!values.hasMoreElements()) {
			return first;
		}
		StringBuilder joined = new StringBuilder(first);
		while (values.hasMoreElements()) {
			joined.append(',').append(values.nextElement());
		}
		return joined.toString();
	}

	@Override
	public @Nullable String accessControlRequestPrivateNetwork() {
		return this.request.getHeader(CorsHeaders.REQUEST_PRIVATE_NETWORK);
	}

	@Override
	public void setHeader(String name, String value) {
		this.response.setHeader(name, value);
	}

	@Override
	public Collection<String> getHeaders(String name) {
		return this.response.getHeaders(name);
	}

}
