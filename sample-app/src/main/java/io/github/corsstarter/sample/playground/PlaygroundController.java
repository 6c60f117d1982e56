package io.github.corsstarter.sample.playground;

import java.util.Map;

import io.github.corsstarter.autoconfigure.CorsProperties;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tells the playground page where the API is and whether the page's origin is one that
 * {@code cors.origins} allows, so that the page knows what to expect of each scenario.
 * Answered on the frontend port only.
 */
@RestController
class PlaygroundController {

	private final Environment environment;

	private final CorsProperties cors;

	PlaygroundController(Environment environment, CorsProperties cors) {
		this.environment = environment;
		this.cors = cors;
	}

	/**
	 * Returns the API's port, known once the server has started (it may be random).
	 */
	static int apiPort(Environment environment) {
		return environment.getRequiredProperty("local.server.port", Integer.class);
	}

	@GetMapping("/config.json")
	Map<String, Object> config(HttpServletRequest request) {
		String pageOrigin = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
		return config(pageOrigin, this.environment, this.cors);
	}

	/**
	 * Returns the page's {@code config.json} for a page served from an origin, on
	 * whichever server serves it.
	 */
	static Map<String, Object> config(String pageOrigin, Environment environment, CorsProperties cors) {
		// Always localhost: from http://localhost:5173 that is the allowed frontend
		// calling its API, from
		// http://127.0.0.1:5173 the same page on an origin that cors.origins does not
		// list.
		return Map.of("apiBase", "http://localhost:" + apiPort(environment), "allowed",
				cors.getOrigins().contains(pageOrigin));
	}

}
