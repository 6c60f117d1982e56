package io.github.corsstarter.e2e;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The part of the sample application's API that the playground calls, answering as the sample does, for
 * {@link PlaygroundWebFluxApplication}. A copy, since this module cannot depend on the sample.
 */
@RestController
@RequestMapping("/api")
class PlaygroundWebFluxApi {

	private static final int ITEM_COUNT = 7;

	private final AtomicLong ids = new AtomicLong(ITEM_COUNT);

	private final HandlerRuns handlerRuns;

	PlaygroundWebFluxApi(HandlerRuns handlerRuns) {
		this.handlerRuns = handlerRuns;
	}

	/**
	 * Runs before every handler method of this controller, and only then: a request that CORS refuses never gets
	 * here.
	 */
	@ModelAttribute
	void recordHandlerRun(ServerHttpRequest request) {
		this.handlerRuns.record(request.getHeaders().getOrigin());
	}

	@GetMapping("/data")
	Map<String, String> data() {
		return Map.of("message", "Hello from the API");
	}

	/**
	 * Answers the page's {@code GET /api/items?size=2} with the sample's first page.
	 */
	@GetMapping("/items")
	ResponseEntity<List<Item>> items() {
		return ResponseEntity.ok()
			.header("X-Total-Count", Integer.toString(ITEM_COUNT))
			.header(HttpHeaders.LINK, "</api/items?page=1&size=2>; rel=\"next\"")
			.body(List.of(new Item(1, "alpha"), new Item(2, "bravo")));
	}

	@PostMapping("/items")
	ResponseEntity<Item> create(@RequestBody ItemName item) {
		return ResponseEntity.status(HttpStatus.CREATED).body(new Item(this.ids.incrementAndGet(), item.name()));
	}

	@PutMapping("/items/{id}")
	Item replace(@PathVariable long id, @RequestBody ItemName item) {
		return new Item(id, item.name());
	}

	@PostMapping("/session")
	ResponseEntity<Map<String, String>> startSession() {
		ResponseCookie cookie = ResponseCookie.from("demo-session", "e2e")
			.httpOnly(true)
			.sameSite("Lax")
			.path("/api")
			.build();
		return ResponseEntity.ok().header(HttpHeaders.SET_COOKIE, cookie.toString()).body(Map.of("session", "started"));
	}

	@GetMapping("/session")
	Map<String, Boolean> session(@CookieValue(name = "demo-session", required = false) @Nullable String session) {
		return Map.of("cookie", session != null);
	}

	@GetMapping("/boom")
	String boom() {
		throw new IllegalStateException("The playground's failing endpoint failed, as it always does");
	}

	record Item(long id, String name) {
	}

	record ItemName(String name) {
	}

}
