package io.github.corsstarter.slices;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The application the test-slice tests start a slice of.
 */
@SpringBootApplication
public class SliceTestApplication {

	@RestController
	static class GreetingController {

		@GetMapping("/api/greeting")
		String greeting() {
			return "hello";
		}

	}

}
