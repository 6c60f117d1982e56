package io.github.corsstarter.test.transport;

import java.util.Objects;

import io.github.corsstarter.test.browser.BrowserRequest;
import io.github.corsstarter.test.browser.BrowserTransport;
import io.github.corsstarter.test.browser.ServerResponse;

import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Sends the browser's requests through a {@link WebTestClient}, bound to an application
 * context, a router or a running server.
 */
public final class WebTestClientTransport implements BrowserTransport {

	private final WebTestClient client;

	/**
	 * Creates a transport over a {@link WebTestClient}.
	 * @param client the client
	 */
	public WebTestClientTransport(WebTestClient client) {
		this.client = Objects.requireNonNull(client, "client");
	}

	@Override
	public ServerResponse exchange(BrowserRequest request) {
		WebTestClient.RequestBodySpec spec = this.client.method(HttpMethod.valueOf(request.method()))
			.uri(request.url())
			.headers((headers) -> SpringHeaders.copy(request.headers(), headers));
		byte[] body = request.body();
		WebTestClient.RequestHeadersSpec<?> ready = (body.length > 0) ? spec.bodyValue(body) : spec;
		EntityExchangeResult<byte[]> result = ready.exchange().expectBody().returnResult();
		byte[] content = result.getResponseBody();
		return new ServerResponse(result.getStatus().value(), SpringHeaders.lines(result.getResponseHeaders()),
				(content != null) ? content : new byte[0]);
	}

}
