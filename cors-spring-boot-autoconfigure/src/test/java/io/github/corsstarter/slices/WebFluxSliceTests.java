package io.github.corsstarter.slices;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code @WebFluxTest} includes the starter, so controller tests see the CORS behaviour
 * of the application.
 */
@WebFluxTest(SliceTestApplication.GreetingController.class)
class WebFluxSliceTests extends AbstractSliceTests {

	@Autowired
	private WebTestClient client;

	@Test
	void preflightIsAnswered() {
		this.client.method(HttpMethod.OPTIONS)
			.uri("/api/greeting")
			.header("Origin", "https://app.example.com")
			.header("Access-Control-Request-Method", "PUT")
			.exchange()
			.expectStatus()
			.isNoContent()
			.expectHeader()
			.valueEquals("Access-Control-Allow-Origin", "https://app.example.com");
	}

	@Test
	void allowedRequestGetsItsHeaders() {
		this.client.get()
			.uri("/api/greeting")
			.header("Origin", "https://app.example.com")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Access-Control-Allow-Origin", "https://app.example.com")
			.expectBody(String.class)
			.isEqualTo("hello");
	}

	@Test
	void otherOriginIsRefused() {
		this.client.get()
			.uri("/api/greeting")
			.header("Origin", "https://evil.example.net")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.doesNotExist("Access-Control-Allow-Origin");
	}

}
