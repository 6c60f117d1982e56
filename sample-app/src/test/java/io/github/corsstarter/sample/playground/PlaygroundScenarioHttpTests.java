package io.github.corsstarter.sample.playground;

import java.net.URI;

import io.github.corsstarter.test.CorsBrowser;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.github.corsstarter.test.CorsAssertions.assertThat;

/**
 * The playground's scenarios over HTTP, against the application on a random port, as the
 * page reaches it at {@code http://localhost:<port>}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.address=127.0.0.1", "sample.frontend.port=0" })
class PlaygroundScenarioHttpTests extends AbstractPlaygroundScenarioTests {

	@LocalServerPort
	private int port;

	@Override
	CorsBrowser browser(String origin) {
		return CorsBrowser.from(origin).using(URI.create("http://localhost:" + this.port));
	}

	@Test
	void serverError() {
		assertThat(browser(FRONTEND).fetch("/api/boom").send()).isAllowed().hasStatus(500);
	}

}
