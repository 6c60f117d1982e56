package io.github.corsstarter.sample.playground;

import io.github.corsstarter.test.CorsBrowser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The playground's scenarios through MockMvc: the application's filters and controllers
 * without a server. MockMvc's requests arrive on port 80, which plays the API's port (the
 * sample answers {@code /api/**} on {@code local.server.port} only).
 */
@SpringBootTest(properties = { "sample.frontend.port=0", "local.server.port=80" })
@AutoConfigureMockMvc
class PlaygroundScenarioMockMvcTests extends AbstractPlaygroundScenarioTests {

	@Autowired
	private MockMvc mockMvc;

	@Override
	CorsBrowser browser(String origin) {
		return CorsBrowser.from(origin).using(this.mockMvc);
	}

	/**
	 * MockMvc has no servlet container, so nothing turns the handler's exception into a
	 * 500 error page: the playground's failing endpoint is checked over HTTP
	 * ({@link PlaygroundScenarioHttpTests#serverError()}).
	 */
	@Test
	void serverErrorNeedsAContainer() {
		assertThatIllegalStateException().isThrownBy(() -> browser(FRONTEND).fetch("/api/boom").send())
			.withMessageContaining("MockMvc failed on GET http://localhost/api/boom");
	}

}
