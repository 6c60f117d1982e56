package io.github.corsstarter.benchmarks.e2e;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The endpoint under load: the sample application's greeting, a small JSON document. The
 * same controller serves both applications, each of which imports it.
 */
@RestController
public class DataController {

	private static final Map<String, String> GREETING = Map.of("message", "Hello from the API");

	@GetMapping("/api/data")
	Map<String, String> data() {
		return GREETING;
	}

}
