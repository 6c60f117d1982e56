package io.github.corsstarter.example;

import io.github.corsstarter.test.CorsBrowser;
import io.github.corsstarter.test.browser.Credentials;
import io.github.corsstarter.test.browser.FetchResult;
import io.github.corsstarter.test.browser.FetchStep;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.web.servlet.MockMvc;

import static io.github.corsstarter.test.CorsAssertions.assertThat;

/**
 * The README's first example, as written there: a {@code @WebMvcTest} asks what Chromium
 * would do.
 */
@WebMvcTest(controllers = ItemController.class,
		properties = { "cors.origins=https://app.example.com", "cors.allowed-headers=Content-Type,Authorization",
				"cors.exposed-headers=X-Total-Count", "cors.allow-credentials=true" })
class ItemControllerCorsTests {

	@Autowired
	private MockMvc mockMvc;

	@Test
	void theAppCanUpdateAnItemWithItsToken() {
		FetchResult result = CorsBrowser.from("https://app.example.com")
			.using(this.mockMvc)
			.fetch("PUT", "/api/items/1")
			.header("Authorization", "Bearer t")
			.json("{\"name\":\"hotel\"}")
			.credentials(Credentials.INCLUDE)
			.send();
		assertThat(result).isAllowed().sentPreflight().hasStatus(200);
	}

	@Test
	void theAppCanReadTheTotalButNotTheCost() {
		FetchResult result = CorsBrowser.from("https://app.example.com").using(this.mockMvc).fetch("/api/items").send();
		assertThat(result).isAllowed().canReadHeader("X-Total-Count", "2").cannotReadHeader("X-Request-Cost");
	}

	@Test
	void otherSitesAreBlocked() {
		FetchResult result = CorsBrowser.from("https://evil.example").using(this.mockMvc).fetch("/api/items").send();
		assertThat(result).isBlockedAt(FetchStep.ALLOW_ORIGIN)
			.reachedServer()
			.isBlockedWithMessageContaining("No 'Access-Control-Allow-Origin' header")
			.hasHintContaining("cors.origins");
	}

	@Test
	void aHeaderTheApiDoesNotAllowIsBlockedBeforeTheRequestIsSent() {
		FetchResult result = CorsBrowser.from("https://app.example.com")
			.using(this.mockMvc)
			.fetch("/api/items")
			.header("X-Debug", "1")
			.send();
		assertThat(result).isBlockedAt(FetchStep.PREFLIGHT_ALLOW_ORIGIN)
			.didNotReachServer()
			.hasHintContaining("add the request's headers (x-debug) to cors.allowed-headers");
	}

}
