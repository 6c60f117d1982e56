package io.github.corsstarter.slices;

import io.github.corsstarter.policy.CorsPolicy;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @WebFluxTest} includes the starter, so controller tests see the CORS behaviour
 * of the application.
 */
@WebFluxTest(controllers = SliceTestApplication.GreetingController.class,
		properties = "cors.origins=https://app.example.com")
class WebFluxSliceTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private ApplicationContext context;

	@Test
	void sliceHasThePolicy() {
		assertThat(this.context.getBeansOfType(CorsPolicy.class)).hasSize(1);
	}

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
