package io.github.corsstarter.test.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.github.corsstarter.test.browser.BrowserRequest;
import io.github.corsstarter.test.browser.BrowserTransport;
import io.github.corsstarter.test.browser.HttpHeader;
import io.github.corsstarter.test.browser.ServerResponse;
import jakarta.servlet.http.Cookie;

import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Sends the browser's requests through {@link MockMvc}: the application's filters,
 * including the starter's, and its handlers, without a server. The request's scheme, host
 * and port come from its URL.
 */
public final class MockMvcTransport implements BrowserTransport {

	private final MockMvc mockMvc;

	/**
	 * Creates a transport over a {@link MockMvc}.
	 * @param mockMvc the application's {@code MockMvc}, with its filters
	 */
	public MockMvcTransport(MockMvc mockMvc) {
		this.mockMvc = Objects.requireNonNull(mockMvc, "mockMvc");
	}

	@Override
	public ServerResponse exchange(BrowserRequest request) {
		MockHttpServletRequestBuilder builder = MockMvcRequestBuilders.request(HttpMethod.valueOf(request.method()),
				request.url());
		for (HttpHeader header : request.headers()) {
			if (header.isNamed("Cookie")) {
				// MockMvc's request reads its cookies from its own list, not from the
				// header.
				builder.cookie(cookies(header.value()));
			}
			else {
				builder.header(header.name(), header.value());
			}
		}
		byte[] body = request.body();
		if (body.length > 0) {
			builder.content(body);
		}
		MockHttpServletResponse response;
		try {
			response = this.mockMvc.perform(builder).andReturn().getResponse();
		}
		catch (Exception ex) {
			throw new IllegalStateException("MockMvc failed on " + request + ": " + ex, ex);
		}
		List<HttpHeader> headers = new ArrayList<>();
		for (String name : response.getHeaderNames()) {
			for (String value : response.getHeaders(name)) {
				headers.add(new HttpHeader(name, value));
			}
		}
		return new ServerResponse(response.getStatus(), headers, response.getContentAsByteArray());
	}

	private static Cookie[] cookies(String header) {
		List<Cookie> cookies = new ArrayList<>();
		for (String pair : header.split(";")) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				cookies.add(new Cookie(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip()));
			}
		}
		return cookies.toArray(Cookie[]::new);
	}

}
