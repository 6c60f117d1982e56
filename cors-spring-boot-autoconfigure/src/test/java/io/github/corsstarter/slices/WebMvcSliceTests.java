package io.github.corsstarter.slices;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code @WebMvcTest} includes the starter, so controller tests see the CORS behaviour of
 * the application.
 */
@WebMvcTest(SliceTestApplication.GreetingController.class)
class WebMvcSliceTests extends AbstractSliceTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void preflightIsAnswered() throws Exception {
		this.mvc
			.perform(options("/api/greeting").header("Origin", "https://app.example.com")
				.header("Access-Control-Request-Method", "PUT"))
			.andExpect(status().isNoContent())
			.andExpect(header().string("Access-Control-Allow-Origin", "https://app.example.com"));
	}

	@Test
	void allowedRequestGetsItsHeaders() throws Exception {
		this.mvc.perform(get("/api/greeting").header("Origin", "https://app.example.com"))
			.andExpect(status().isOk())
			.andExpect(content().string("hello"))
			.andExpect(header().string("Access-Control-Allow-Origin", "https://app.example.com"))
			.andExpect(header().string("Vary", "Origin"));
	}

	@Test
	void otherOriginIsRefused() throws Exception {
		this.mvc.perform(get("/api/greeting").header("Origin", "https://evil.example.net"))
			.andExpect(status().isForbidden())
			.andExpect(header().string("Content-Type", "application/problem+json"))
			.andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
	}

}
