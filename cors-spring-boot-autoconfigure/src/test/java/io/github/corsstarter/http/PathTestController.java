package io.github.corsstarter.http;

import io.github.corsstarter.http.CorsTestApplication.HandlerInvocations;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Handlers for the disguised-path tests: a narrower mapping's path, an excluded file, and
 * a path no rule covers. Each records its run under its own mapping, whatever the request
 * path looked like.
 */
@RestController
class PathTestController {

	private final HandlerInvocations invocations;

	PathTestController(HandlerInvocations invocations) {
		this.invocations = invocations;
	}

	@RequestMapping("/admin/secret")
	String adminSecret() {
		this.invocations.record("/admin/secret");
		return "secret";
	}

	@RequestMapping("/api/style.css")
	String stylesheet() {
		this.invocations.record("/api/style.css");
		return "body{}";
	}

	@RequestMapping("/other/data")
	String other() {
		this.invocations.record("/other/data");
		return "other";
	}

}
