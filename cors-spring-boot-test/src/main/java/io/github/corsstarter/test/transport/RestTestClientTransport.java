package io.github.corsstarter.test.transport;

import java.util.Objects;

import io.github.corsstarter.test.browser.BrowserRequest;
import io.github.corsstarter.test.browser.BrowserTransport;
import io.github.corsstarter.test.browser.ServerResponse;

import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Sends the browser's requests through a {@link RestTestClient}, bound to MockMvc, an
 * application context or a running server. Over a real server, the client's request
 * factory must not follow redirects (the JDK's {@code HttpClient}, RestClient's default,
 * does not).
 */
public final class RestTestClientTransport implements BrowserTransport {

	private final RestTestClient client;

	/**
	 * Creates a transport over a {@link RestTestClient}.
	 * @param client the client
	 */
	public RestTestClientTransport(RestTestClient client) {
		this.client = Objects.requireNonNull(client, "client");
	}

	@Override
	public ServerResponse exchange(BrowserRequest request) {
		RestTestClient.RequestBodySpec spec = this.client.method(HttpMethod.valueOf(request.method()))
			.uri(request.url())
			.headers((headers) -> SpringHeaders.copy(request.headers(), headers));
		byte[] body = request.body();
		RestTestClient.RequestHeadersSpec<?> ready = (body.length > 0) ? spec.body(body) : spec;
		EntityExchangeResult<byte[]> result = ready.exchange().returnResult(byte[].class);
		byte[] content = result.getResponseBody();
		return new ServerResponse(result.getStatus().value(), SpringHeaders.lines(result.getResponseHeaders()),
				(content != null) ? content : new byte[0]);
	}

}
