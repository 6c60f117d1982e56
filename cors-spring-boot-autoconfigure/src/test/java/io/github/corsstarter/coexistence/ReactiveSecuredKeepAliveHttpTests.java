package io.github.corsstarter.coexistence;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The reactive filter's own answers (a preflight, a refusal) on keep-alive connections
 * shared with requests that Spring Security completes on another thread. Such a request's
 * response reaches the client before its exchange has terminated on the server, so the
 * client's next request on the connection is buffered by Reactor Netty; when the filter
 * answered that buffered request before reading it to its end, Reactor Netty 1.3.6 never
 * read from the connection again (reactor/reactor-netty#4361) and the request after it
 * went unanswered. Each round below sets that up for a refused preflight, an allowed
 * preflight and a refused request with a body, and checks that the request after each is
 * answered; a healthy run takes a second or two, a hang fails at its request timeout.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReactiveSecuredKeepAliveHttpTests {

	private static final String APP = "https://app.example.com";

	private static final String PARTNER = CoexistenceTestApplication.PARTNER;

	private static final String BASIC = "Basic " + Base64.getEncoder()
		.encodeToString((CoexistenceTestApplication.USER + ":" + CoexistenceTestApplication.PASSWORD)
			.getBytes(StandardCharsets.UTF_8));

	private static final int ROUNDS = 40;

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private ConfigurableApplicationContext context;

	private String base;

	@BeforeAll
	void start() {
		this.context = new SpringApplicationBuilder(CoexistenceTestApplication.class)
			.properties("server.address=127.0.0.1", "server.port=0", "spring.main.web-application-type=reactive",
					"spring.main.banner-mode=off", "cors.origins=" + APP, "cors.allow-credentials=true",
					"cors.paths=/api/**", "test.security=chain")
			.run();
		int port = ((WebServerApplicationContext) this.context).getWebServer().getPort();
		this.base = "http://127.0.0.1:" + port;
	}

	@AfterAll
	void stop() {
		this.context.close();
	}

	@Test
	@Timeout(120)
	void answersEveryRequestOnKeepAliveConnectionsAfterTheFilterAnswersOne() throws Exception {
		for (int round = 0; round < ROUNDS; round++) {
			// A refused preflight, buffered behind an authenticated request.
			exchange(round, authenticatedGet(), 200);
			exchange(round, preflight(PARTNER), 403);
			exchange(round, preflight(APP), 204);
			// An allowed preflight, buffered the same way.
			exchange(round, authenticatedGet(), 200);
			exchange(round, preflight(APP), 204);
			exchange(round, preflight(PARTNER), 403);
			// A refused request with a body, buffered the same way.
			exchange(round, authenticatedGet(), 200);
			exchange(round,
					request("/api/data").header("Origin", PARTNER)
						.header("Authorization", BASIC)
						.POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}")),
					403);
			exchange(round, preflight(APP), 204);
		}
	}

	private HttpRequest.Builder authenticatedGet() {
		return request("/api/data").header("Origin", APP).header("Authorization", BASIC).GET();
	}

	private HttpRequest.Builder preflight(String origin) {
		return request("/api/data").header("Origin", origin)
			.header("Access-Control-Request-Method", "GET")
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.base + path)).timeout(Duration.ofSeconds(2));
	}

	private void exchange(int round, HttpRequest.Builder builder, int status) throws Exception {
		HttpRequest request = builder.build();
		HttpResponse<String> response;
		try {
			response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (HttpTimeoutException ex) {
			fail("No answer in round " + round + " to " + request.method() + " " + request.uri() + " from "
					+ request.headers().firstValue("Origin").orElse(null));
			return;
		}
		assertThat(response.statusCode()).as("round %d: %s %s", round, request.method(), request.uri())
			.isEqualTo(status);
	}

}
