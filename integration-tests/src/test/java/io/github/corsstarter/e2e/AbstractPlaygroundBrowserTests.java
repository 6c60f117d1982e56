package io.github.corsstarter.e2e;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The playground page in Chromium, against an application that serves the API on its main
 * port and the page on {@code sample.frontend.port}: every scenario from the allowed
 * origin {@code http://localhost:<frontend>} and from
 * {@code http://127.0.0.1:<frontend>}, which {@code cors.origins} does not list, as the
 * browser reports them.
 * <p>
 * A subclass names the application ({@code @SpringBootTest}, listening on 127.0.0.1 only)
 * and provides a {@link HandlerRuns} bean that the application's API handlers feed.
 * <p>
 * With {@code -Dplayground.screenshot=<file>}, the application listens on 8080 and 5173,
 * and the allowed origin's page is saved to that file as PNG after every scenario ran:
 * the README's picture.
 */
@RequiresChromium
public abstract class AbstractPlaygroundBrowserTests {

	private static final List<Expected> ON_ALLOWED_ORIGIN = List.of(
			new Expected("simple-get", 200, 1, "Hello from the API"),
			new Expected("json-post", 201, 1, "\"name\":\"hotel\""),
			new Expected("put-authorization", 200, 1, "\"id\":1"),
			// Two requests: POST sets the cookie, GET reports that it came back.
			new Expected("credentialed-cookie", 200, 2, "body: \\{\"cookie\":true\\}"),
			new Expected("exposed-headers", 200, 1, "X-Total-Count: \\d+\nLink: null\n"),
			// No handler matches: the 404 comes from the framework, with the CORS
			// headers.
			new Expected("not-found", 404, 0, "\"status\":404"), new Expected("server-error", 500, 1, "\"status\":500"),
			// The preflight is refused, so the browser never sends the GET.
			new Expected("refused-header", null, 0, "TypeError: Failed to fetch"));

	private static final List<String> SCENARIOS = ON_ALLOWED_ORIGIN.stream().map(Expected::scenario).toList();

	private static final @Nullable String SCREENSHOT = System.getProperty("playground.screenshot");

	private static HeadlessChromium chromium;

	@Value("${sample.frontend.port}")
	private int frontendPort;

	@Autowired
	private HandlerRuns handlerRuns;

	/**
	 * Chooses the frontend port before the application starts, because
	 * {@code cors.origins} must name it.
	 */
	@DynamicPropertySource
	static void frontendOrigin(DynamicPropertyRegistry registry) throws IOException {
		int port;
		if (SCREENSHOT != null) {
			// The README's picture shows the ports a user sees.
			port = 5173;
			registry.add("server.port", () -> 8080);
		}
		else {
			port = freeLoopbackPort();
		}
		registry.add("sample.frontend.port", () -> port);
		registry.add("cors.origins", () -> "http://localhost:" + port);
	}

	private static int freeLoopbackPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	@BeforeAll
	static void startChromium() {
		chromium = HeadlessChromium.start();
	}

	@AfterAll
	static void stopChromium() {
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	void allowedOriginGetsWhatThePolicyGrants() throws IOException {
		String origin = "http://localhost:" + this.frontendPort;
		PlaygroundPage page = open(origin);
		assertThat(page.origin()).isEqualTo(origin);
		assertThat(page.isOriginAllowed()).isTrue();
		assertThat(page.scenarios()).containsExactlyElementsOf(SCENARIOS);
		for (Expected expected : ON_ALLOWED_ORIGIN) {
			int runsBefore = this.handlerRuns.count(origin);
			page.run(expected.scenario());
			PlaygroundPage.Result result = page.result(expected.scenario());
			assertThat(result.status()).as(expected.scenario()).isEqualTo(expected.status());
			assertThat(result.text()).as(expected.scenario()).containsPattern(expected.shows());
			assertThat(result.outcome()).as(expected.scenario()).isEqualTo("pass");
			assertThat(this.handlerRuns.count(origin) - runsBefore).as(expected.scenario())
				.isEqualTo(expected.handlerRuns());
		}
		if (SCREENSHOT != null) {
			Files.write(Path.of(SCREENSHOT), page.screenshot());
		}
	}

	@Test
	void refusedOriginIsBlockedByTheBrowserAndReachesNoHandler() {
		String origin = "http://127.0.0.1:" + this.frontendPort;
		PlaygroundPage page = open(origin);
		assertThat(page.origin()).isEqualTo(origin);
		assertThat(page.isOriginAllowed()).isFalse();
		assertThat(page.scenarios()).containsExactlyElementsOf(SCENARIOS);
		page.runAll();
		for (String scenario : SCENARIOS) {
			PlaygroundPage.Result result = page.result(scenario);
			assertThat(result.status()).as(scenario).isNull();
			assertThat(result.error()).as(scenario).isEqualTo("TypeError: Failed to fetch");
			assertThat(result.outcome()).as(scenario).isEqualTo("pass");
		}
		// Simple requests (GET, the cookie's POST) reach the server and are refused with
		// 403 before any handler.
		assertThat(this.handlerRuns.count(origin)).isZero();
	}

	private PlaygroundPage open(String origin) {
		return PlaygroundPage.open(chromium.driver(), origin + "/");
	}

	/**
	 * What a scenario should get on the allowed origin.
	 *
	 * @param scenario the scenario's identifier on the page
	 * @param status the status the script reads, or {@code null} when the browser blocks
	 * the response
	 * @param handlerRuns how many requests reach an API handler
	 * @param shows a pattern the page's result text contains
	 */
	private record Expected(String scenario, @Nullable Integer status, int handlerRuns, String shows) {

	}

}
