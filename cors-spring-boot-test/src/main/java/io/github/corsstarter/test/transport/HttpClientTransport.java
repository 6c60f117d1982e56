package io.github.corsstarter.test.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.corsstarter.test.browser.BrowserRequest;
import io.github.corsstarter.test.browser.BrowserTransport;
import io.github.corsstarter.test.browser.HttpHeader;
import io.github.corsstarter.test.browser.ServerResponse;
import org.jspecify.annotations.Nullable;

/**
 * Sends the browser's requests over the network with the JDK's {@link HttpClient}, to a
 * running server such as a {@code @SpringBootTest(webEnvironment = RANDOM_PORT)}
 * application or a deployed one. Redirects are left to the browser model.
 * <p>
 * The server may be any server: a response must arrive whole within the timeout, and only
 * its first {@value #MAX_BODY_BYTES} bytes of body are kept (the rest is not read), so
 * that a server that never stops sending cannot hang or exhaust the caller.
 */
public final class HttpClientTransport implements BrowserTransport {

	/**
	 * The most body bytes kept of a response: 4 MiB.
	 */
	public static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

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
		CompletableFuture<HttpResponse<byte[]>> sent = this.client.sendAsync(builder.build(),
				(info) -> new LimitedBody(MAX_BODY_BYTES));
		HttpResponse<byte[]> response;
		try {
			response = sent.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			sent.cancel(true);
			throw new UncheckedIOException("Could not send " + request,
					new HttpTimeoutException("no whole response within " + this.timeout.toSeconds() + " s"));
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			throw new UncheckedIOException("Could not send " + request,
					(cause instanceof IOException io) ? io : new IOException(cause));
		}
		catch (InterruptedException ex) {
			sent.cancel(true);
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while sending " + request, ex);
		}
		List<HttpHeader> headers = new ArrayList<>();
		response.headers()
			.map()
			.forEach((name, values) -> values.forEach((value) -> headers.add(new HttpHeader(name, value))));
		return new ServerResponse(response.statusCode(), headers, response.body());
	}

	/**
	 * Collects a body up to a limit, then stops reading.
	 */
	private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

		private final ByteArrayOutputStream body = new ByteArrayOutputStream();

		private final CompletableFuture<byte[]> result = new CompletableFuture<>();

		private final int limit;

		private Flow.@Nullable Subscription subscription;

		LimitedBody(int limit) {
			this.limit = limit;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			this.subscription = subscription;
			subscription.request(Long.MAX_VALUE);
		}

		@Override
		public void onNext(List<ByteBuffer> buffers) {
			if (this.result.isDone()) {
				return;
			}
			for (ByteBuffer buffer : buffers) {
				int length = Math.min(buffer.remaining(), this.limit - this.body.size());
				byte[] bytes = new byte[length];
				buffer.get(bytes);
				this.body.write(bytes, 0, length);
				if (this.body.size() == this.limit) {
					Flow.Subscription current = this.subscription;
					if (current != null) {
						current.cancel();
					}
					this.result.complete(this.body.toByteArray());
					return;
				}
			}
		}

		@Override
		public void onError(Throwable ex) {
			this.result.completeExceptionally(ex);
		}

		@Override
		public void onComplete() {
			this.result.complete(this.body.toByteArray());
		}

		@Override
		public CompletionStage<byte[]> getBody() {
			return this.result;
		}

	}

}
