package io.github.corsstarter.test.transport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;

import io.github.corsstarter.test.browser.BrowserRequest;
import io.github.corsstarter.test.browser.HttpHeader;
import io.github.corsstarter.test.browser.ServerResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The HTTP transport against servers that misbehave: one that never stops sending, one
 * that sends a byte now and then, and one that answers properly.
 */
class HttpClientTransportTests {

	private com.sun.net.httpserver.HttpServer server;

	@BeforeEach
	void start() throws IOException {
		this.server = com.sun.net.httpserver.HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/endless", (exchange) -> {
			exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
			exchange.sendResponseHeaders(200, 0);
			byte[] chunk = new byte[64 * 1024];
			try (OutputStream out = exchange.getResponseBody()) {
				while (true) {
					out.write(chunk);
				}
			}
			catch (IOException ex) {
				// The client stopped reading.
			}
		});
		this.server.createContext("/dribble", (exchange) -> {
			exchange.sendResponseHeaders(200, 0);
			try (OutputStream out = exchange.getResponseBody()) {
				while (true) {
					out.write('x');
					out.flush();
					Thread.sleep(100);
				}
			}
			catch (IOException | InterruptedException ex) {
				// The client gave up.
			}
		});
		this.server.createContext("/ok", (exchange) -> {
			exchange.getResponseHeaders().add("X-A", "1");
			exchange.getResponseHeaders().add("X-A", "2");
			byte[] body = "ok".getBytes();
			exchange.sendResponseHeaders(201, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		this.server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	private BrowserRequest get(String path) {
		return new BrowserRequest("GET", URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + path),
				List.of(new HttpHeader("Origin", "https://app.example.com")), new byte[0]);
	}

	@Test
	void keepsEveryHeaderLineAndTheBody() {
		ServerResponse response = new HttpClientTransport(Duration.ofSeconds(5)).exchange(get("/ok"));
		assertThat(response.status()).isEqualTo(201);
		assertThat(response.headerValues("X-A")).containsExactly("1", "2");
		assertThat(response.bodyText()).isEqualTo("ok");
	}

	@Test
	void keepsTheFirstBytesOfABodyThatNeverEnds() {
		ServerResponse response = new HttpClientTransport(Duration.ofSeconds(10)).exchange(get("/endless"));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("*");
		assertThat(response.body()).hasSize(HttpClientTransport.MAX_BODY_BYTES);
	}

	@Test
	void givesUpOnABodyThatOutlastsTheTimeout() {
		long started = System.nanoTime();
		assertThatExceptionOfType(UncheckedIOException.class)
			.isThrownBy(() -> new HttpClientTransport(Duration.ofSeconds(1)).exchange(get("/dribble")))
			.withCauseInstanceOf(HttpTimeoutException.class);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
	}

}
