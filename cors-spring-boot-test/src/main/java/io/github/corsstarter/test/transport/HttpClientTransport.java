package io.github.corsstarter.test.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.github.corsstarter.test.browser.BrowserRequest;
import io.github.corsstarter.test.browser.BrowserTransport;
import io.github.corsstarter.test.browser.HttpHeader;
import io.github.corsstarter.test.browser.ServerResponse;

/**
 * Sends the browser's requests over the network with the JDK's {@link HttpClient}, to a
 * running server such as a {@code @SpringBootTest(webEnvironment = RANDOM_PORT)}
 * application or a deployed one. Redirects are left to the browser model.
 */
public final class HttpClientTransport implements BrowserTransport {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final HttpClient client;

	private final Duration timeout;

	/**
	 * Creates a transport with its own HTTP/1.1 client that follows no redirects and
	 * waits at most 30 seconds for a connection and for each response.
	 */
	public HttpClientTransport() {
		this(TIMEOUT);
	}

	/**
	 * Creates a transport with its own HTTP/1.1 client that follows no redirects.
	 * @param timeout how long to wait for a connection, and for each response
	 */
	public HttpClientTransport(Duration timeout) {
		this(HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(timeout)
			.build(), timeout);
	}

	/**
	 * Creates a transport over a client, which should follow no redirects.
	 * @param client the client
	 * @param timeout how long to wait for each response
	 */
	public HttpClientTransport(HttpClient client, Duration timeout) {
		this.client = Objects.requireNonNull(client, "client");
		this.timeout = Objects.requireNonNull(timeout, "timeout");
	}

	@Override
	public ServerResponse exchange(BrowserRequest request) {
		byte[] body = request.body();
		HttpRequest.Builder builder = HttpRequest.newBuilder(request.url())
			.timeout(this.timeout)
			.method(request.method(), (body.length > 0) ? HttpRequest.BodyPublishers.ofByteArray(body)
					: HttpRequest.BodyPublishers.noBody());
		for (HttpHeader header : request.headers()) {
			builder.header(header.name(), header.value());
		}
		HttpResponse<byte[]> response;
		try {
			response = this.client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not send " + request, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while sending " + request, ex);
		}
		List<HttpHeader> headers = new ArrayList<>();
		response.headers()
			.map()
			.forEach((name, values) -> values.forEach((value) -> headers.add(new HttpHeader(name, value))));
		return new ServerResponse(response.statusCode(), headers, response.body());
	}

}
