package io.github.corsstarter.sample.playground;

import io.github.corsstarter.test.CorsBrowser;
import io.github.corsstarter.test.browser.Credentials;
import io.github.corsstarter.test.browser.FetchResult;
import io.github.corsstarter.test.browser.FetchStep;
import org.junit.jupiter.api.Test;

import static io.github.corsstarter.test.CorsAssertions.assertThat;

/**
 * The playground page's scenarios ({@code static/playground.js}) without a browser: each
 * one sent as the page sends it, through the browser model of cors-spring-boot-test, with
 * the verdicts the browser test (integration-tests, {@code PlaygroundBrowserTests}) gets
 * in Chromium. From the allowed origin the page gets what each scenario expects; from
 * another origin every response is blocked.
 */
abstract class AbstractPlaygroundScenarioTests {

	/**
	 * The frontend's origin, which {@code cors.origins} allows by default.
	 */
	static final String FRONTEND = "http://localhost:5173";

	/**
	 * An origin {@code cors.origins} does not list.
	 */
	static final String STRANGER = "http://127.0.0.1:5173";

	/**
	 * Returns a browser with a page at an origin, sending to the application under test.
	 * @param origin the page's origin
	 * @return the browser
	 */
	abstract CorsBrowser browser(String origin);

	@Test
	void simpleGet() {
		assertThat(browser(FRONTEND).fetch("/api/data").send()).isAllowed().sentNoPreflight().hasStatus(200);
	}

	@Test
	void jsonPost() {
		FetchResult result = browser(FRONTEND).fetch("POST", "/api/items").json("{\"name\":\"hotel\"}").send();
		assertThat(result).isAllowed().sentPreflight().hasStatus(201);
	}

	@Test
	void putAuthorization() {
		FetchResult result = browser(FRONTEND).fetch("PUT", "/api/items/1")
			.header("Authorization", "Bearer demo-token")
			.json("{\"name\":\"alpha\"}")
			.send();
		assertThat(result).isAllowed().sentPreflight().hasStatus(200).hasNoWarnings();
	}

	@Test
	void credentialedCookie() {
		CorsBrowser browser = browser(FRONTEND);
		assertThat(browser.fetch("POST", "/api/session").credentials(Credentials.INCLUDE).send()).isAllowed();
		FetchResult result = browser.fetch("/api/session").credentials(Credentials.INCLUDE).send();
		assertThat(result).isAllowed().hasStatus(200);
		org.assertj.core.api.Assertions.assertThat(result.body()).isEqualTo("{\"cookie\":true}");
	}

	@Test
	void exposedHeaders() {
		FetchResult result = browser(FRONTEND).fetch("/api/items?size=2").send();
		assertThat(result).isAllowed().hasStatus(200).canReadHeader("X-Total-Count").cannotReadHeader("Link");
		org.assertj.core.api.Assertions.assertThat(result.readableHeader("X-Total-Count"))
			.hasValueSatisfying((total) -> org.assertj.core.api.Assertions.assertThat(total).matches("\\d+"));
		// On the wire all the same: the browser hides it from the script.
		org.assertj.core.api.Assertions.assertThat(result.requests().get(0).response().header("Link")).isNotNull();
	}

	@Test
	void notFound() {
		assertThat(browser(FRONTEND).fetch("/api/missing").send()).isAllowed().hasStatus(404);
	}

	@Test
	void refusedHeader() {
		FetchResult result = browser(FRONTEND).fetch("/api/data").header("X-Custom", "1").send();
		assertThat(result).isBlockedAt(FetchStep.PREFLIGHT_ALLOW_ORIGIN)
			.sentPreflight()
			.didNotReachServer()
			.hasHintContaining("cors.allowed-headers");
	}

	@Test
	void everyScenarioFromAnotherOriginIsBlocked() {
		CorsBrowser browser = browser(STRANGER);
		assertThat(browser.fetch("/api/data").send()).isBlockedAt(FetchStep.ALLOW_ORIGIN)
			.hasHintContaining("add '" + STRANGER + "' to cors.origins");
		assertThat(browser.fetch("POST", "/api/items").json("{\"name\":\"hotel\"}").send())
			.isBlockedAt(FetchStep.PREFLIGHT_ALLOW_ORIGIN)
			.didNotReachServer();
		assertThat(browser.fetch("PUT", "/api/items/1").header("Authorization", "Bearer demo-token").send())
			.isBlockedAt(FetchStep.PREFLIGHT_ALLOW_ORIGIN);
		assertThat(browser.fetch("POST", "/api/session").credentials(Credentials.INCLUDE).send()).isBlocked();
		assertThat(browser.fetch("/api/items?size=2").send()).isBlocked();
		assertThat(browser.fetch("/api/missing").send()).isBlocked();
		assertThat(browser.fetch("/api/data").header("X-Custom", "1").send()).isBlocked().didNotReachServer();
	}

}
