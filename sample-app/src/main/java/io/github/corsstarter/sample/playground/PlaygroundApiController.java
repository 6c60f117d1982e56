package io.github.corsstarter.sample.playground;

import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * API endpoints that only the playground's scenarios call: a cookie session, to show
 * credentialed requests, and an endpoint that fails, to show that a 500 keeps its CORS
 * headers.
 */
@RestController
@RequestMapping("/api")
class PlaygroundApiController {

	private static final String SESSION_COOKIE = "demo-session";

	/**
	 * Starts a session. {@code localhost:5173} and {@code localhost:8080} are the same
	 * site (ports do not count), so a {@code SameSite=Lax} cookie set here comes back on
	 * the page's credentialed requests.
	 */
	@PostMapping("/session")
	ResponseEntity<Map<String, String>> startSession() {
		ResponseCookie cookie = ResponseCookie.from(SESSION_COOKIE, UUID.randomUUID().toString())
			.httpOnly(true)
			.sameSite("Lax")
			.path("/api")
			.build();
		return ResponseEntity.ok().header(HttpHeaders.SET_COOKIE, cookie.toString()).body(Map.of("session", "started"));
	}

	@GetMapping("/session")
	Map<String, Boolean> session(@CookieValue(name = SESSION_COOKIE, required = false) @Nullable String session) {
		return Map.of("cookie", session != null);
	}

	@GetMapping("/boom")
	String boom() {
		throw new IllegalStateException("The playground's failing endpoint failed, as it always does");
	}

}
