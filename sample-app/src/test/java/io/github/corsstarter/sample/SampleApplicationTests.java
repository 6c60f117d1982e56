package io.github.corsstarter.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample as its frontend on {@code http://localhost:5173} meets it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.address=127.0.0.1", "sample.frontend.port=0" })
class SampleApplicationTests {

	private static final String FRONTEND = "http://localhost:5173";

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
	}

	@Test
	void preflightFromTheFrontendIsAnswered() throws Exception {
		HttpResponse<String> response = send(
				request("/api/items/1").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
					.header("Origin", FRONTEND)
					.header("Access-Control-Request-Method", "PUT")
					.header("Access-Control-Request-Headers", "authorization,content-type"));
		assertThat(response.statusCode()).isEqualTo(204);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(FRONTEND);
		assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
		assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET,POST,PUT,PATCH,DELETE");
		assertThat(response.headers().firstValue("Access-Control-Allow-Headers"))
			.hasValue("Content-Type,Authorization");
		assertThat(response.headers().firstValue("Access-Control-Max-Age")).hasValue("86400");
	}

	@Test
	void paginatedListExposesItsTotal() throws Exception {
		HttpResponse<String> response = send(request("/api/items?page=1&size=2").header("Origin", FRONTEND));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("X-Total-Count")).hasValue("7");
		assertThat(response.headers().firstValue("Link")).hasValue("</api/items?page=2&size=2>; rel=\"next\"");
		assertThat(response.headers().firstValue("Access-Control-Expose-Headers")).hasValue("X-Total-Count");
		assertThat(response.body()).contains("charlie", "delta").doesNotContain("alpha");
	}

	@Test
	void anItemIsCreatedFromItsNameAlone() throws Exception {
		HttpResponse<String> response = send(
				request("/api/items").POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"hotel\"}"))
					.header("Origin", FRONTEND)
					.header("Content-Type", "application/json"));
		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(response.body()).contains("\"name\":\"hotel\"");
	}

	@Test
	void anotherOriginIsRefused() throws Exception {
		HttpResponse<String> response = send(request("/api/data").header("Origin", "https://evil.example.net"));
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
	}

	@Test
	void thePlaygroundPageIsNotServedOnTheApiPort() throws Exception {
		assertThat(send(request("/")).statusCode()).isEqualTo(404);
		assertThat(send(request("/config.json")).statusCode()).isEqualTo(404);
	}

	@Test
	void callsWithoutOriginStillWork() throws Exception {
		HttpResponse<String> response = send(request("/api/data"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("Hello from the API");
	}

}
