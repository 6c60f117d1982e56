package io.github.corsstarter.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The application the HTTP tests run, on Spring MVC or on WebFlux: its annotated
 * controller works on both. Spring Security is on the test class path for the tests that
 * combine the two; here it stays out of the way.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = { "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration" })
@Import({ CorsTestApplication.TestController.class, HeaderWritingHandlers.class })
public class CorsTestApplication {

	@Bean
	HandlerInvocations handlerInvocations() {
		return new HandlerInvocations();
	}

	/**
	 * Counts handler invocations per path, so tests can tell whether a request reached a
	 * controller.
	 */
	public static class HandlerInvocations {

		private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

		void record(String path) {
			this.counts.computeIfAbsent(path, (key) -> new AtomicInteger()).incrementAndGet();
		}

		public int count(String path) {
			AtomicInteger count = this.counts.get(path);
			return (count != null) ? count.get() : 0;
		}

		public int total() {
			return this.counts.values().stream().mapToInt(AtomicInteger::get).sum();
		}

	}

	@RestController
	static class TestController {

		private final HandlerInvocations invocations;

		TestController(HandlerInvocations invocations) {
			this.invocations = invocations;
		}

		@RequestMapping("/api/data")
		ResponseEntity<String> data() {
			this.invocations.record("/api/data");
			return ResponseEntity.ok().header("X-Total-Count", "42").header("X-Secret", "s").body("{\"ok\":true}");
		}

		@GetMapping("/api/boom")
		String boom() {
			this.invocations.record("/api/boom");
			throw new IllegalStateException("boom");
		}

		@GetMapping("/api/teapot")
		ResponseEntity<String> teapot() {
			this.invocations.record("/api/teapot");
			return ResponseEntity.status(HttpStatus.I_AM_A_TEAPOT).body("teapot");
		}

		@GetMapping("/api/unauthorized")
		String unauthorized() {
			this.invocations.record("/api/unauthorized");
			throw new ResponseStatusException(HttpStatus.UNAUTHORIZED);
		}

		@GetMapping("/api/vary")
		ResponseEntity<String> vary() {
			this.invocations.record("/api/vary");
			return ResponseEntity.ok().header("Vary", "Accept-Encoding").body("vary");
		}

		@RequestMapping("/public/info")
		String publicInfo() {
			this.invocations.record("/public/info");
			return "public";
		}

		@RequestMapping("/internal/health")
		String internalHealth() {
			this.invocations.record("/internal/health");
			return "up";
		}

	}

}
