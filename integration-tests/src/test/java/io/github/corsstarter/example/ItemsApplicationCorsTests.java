package io.github.corsstarter.example;

import java.net.URI;
import java.util.List;
import java.util.function.Function;

import io.github.corsstarter.test.CorsBrowser;
import io.github.corsstarter.test.browser.Credentials;
import io.github.corsstarter.test.browser.FetchResult;
import io.github.corsstarter.test.browser.FetchStep;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.client.RestTestClient;

import static io.github.corsstarter.test.CorsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's second example, against the application on a random port; and the same
 * fetches through every transport, which must agree.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.address=127.0.0.1", "cors.origins=https://app.example.com",
				"cors.allowed-headers=Content-Type,Authorization", "cors.exposed-headers=X-Total-Count",
				"cors.allow-credentials=true" })
@AutoConfigureMockMvc
class ItemsApplicationCorsTests {

	@LocalServerPort
	private int port;

	@Autowired
	private MockMvc mockMvc;

	@Test
	void theAppCanListItemsWithItsCookies() {
		FetchResult result = CorsBrowser.from("https://app.example.com")
			.using(URI.create("http://localhost:" + this.port))
			.fetch("/api/items")
			.credentials(Credentials.INCLUDE)
			.send();
		assertThat(result).isAllowed().sentNoPreflight().hasStatus(200).canReadHeader("X-Total-Count", "2");
	}

	@Test
	void everyTransportGetsTheSameVerdicts() {
		String server = "http://localhost:" + this.port;
		List<CorsBrowser> app = List.of(CorsBrowser.from("https://app.example.com").using(URI.create(server)),
				CorsBrowser.from("https://app.example.com").using(this.mockMvc).server(server),
				CorsBrowser.from("https://app.example.com")
					.using(WebTestClient.bindToServer().baseUrl(server).build())
					.server(server),
				CorsBrowser.from("https://app.example.com")
					.using(RestTestClient.bindToServer().baseUrl(server).build())
					.server(server),
				CorsBrowser.from("https://app.example.com")
					.using(RestTestClient.bindTo(this.mockMvc).build())
					.server(server));
		List<Function<CorsBrowser, FetchResult>> fetches = List.of((browser) -> browser.fetch("/api/items").send(),
				(browser) -> browser.fetch("PUT", "/api/items/1")
					.header("Authorization", "Bearer t")
					.json("{\"name\":\"hotel\"}")
					.credentials(Credentials.INCLUDE)
					.send(),
				(browser) -> browser.fetch("PATCH", "/api/items/1").json("{}").send(),
				(browser) -> browser.fetch("/api/items").header("X-Debug", "1").send(),
				(browser) -> browser.fetch("/api/missing").send());
		for (Function<CorsBrowser, FetchResult> fetch : fetches) {
			FetchResult reference = fetch.apply(app.get(0));
			for (CorsBrowser browser : app) {
				FetchResult result = fetch.apply(browser);
				assertThat(verdict(result)).as(result.describe()).isEqualTo(verdict(reference));
			}
		}
		FetchResult blocked = fetches.get(3).apply(app.get(0));
		assertThat(blocked).isBlockedAt(FetchStep.PREFLIGHT_ALLOW_ORIGIN);
	}

	private static String verdict(FetchResult result) {
		return result.isAllowed()
				? "allowed " + result.status() + " " + result.readableHeader("X-Total-Count") + " preflight "
						+ result.isPreflightSent()
				: "blocked " + result.error().orElseThrow().step() + " preflight " + result.isPreflightSent();
	}

}
