package io.github.corsstarter.benchmarks.e2e.mvc;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The endpoint under load: the sample application's greeting, a small JSON document.
 */
@RestController
class DataController {

	private static final Map<String, String> GREETING = Map.of("message", "Hello from the API");

	@GetMapping("/api/data")
	Map<String, String> data() {
		return GREETING;
	}

}
