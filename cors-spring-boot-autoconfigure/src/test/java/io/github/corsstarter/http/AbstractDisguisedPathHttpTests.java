package io.github.corsstarter.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests whose path is disguised (path parameters in any segment, {@code ;jsessionid=},
 * percent-encoded letters, double encoding, an encoded slash, {@code //}, {@code .} and
 * {@code ..}, a trailing slash) against a mapping, a narrowed {@code cors.paths} and an
 * exclusion, over real HTTP: the rule set is the one of the path the application routes,
 * or a cross-origin request is refused; never a looser one. The behaviour reference,
 * "Which request the policy decides on". A subclass per web stack, matching strategy and
 * context path runs the same table.
 * <p>
 * The policy: {@code https://app.example.com} with credentials on {@code /api/**} and
 * {@code /admin/**}, but only {@code https://admin.example.com} under the {@code admin}
 * mapping; {@code /**}{@code /*.css} excluded.
 */
@SpringBootTest(classes = { CorsTestApplication.class, PathTestController.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.address=127.0.0.1", "cors.origins=https://app.example.com",
				"cors.allow-credentials=true", "cors.paths=/api/**,/admin/**", "cors.exclude-paths=/**/*.css",
				"cors.mappings.admin.paths=/admin/**", "cors.mappings.admin.origins=https://admin.example.com" })
abstract class AbstractDisguisedPathHttpTests {

	static final String APP = "https://app.example.com";

	static final String ADMIN = "https://admin.example.com";

	static final String EVIL = "https://evil.example";

	/**
	 * What Tomcat answers with 400 before any filter runs: an encoded slash (its default
	 * {@code encodedSolidusHandling}), an escape of invalid UTF-8 and a broken escape.
	 */
	static final Set<String> TOMCAT_REFUSES = Set.of("/admin%2Fsecret", "/admin%2fsecret", "/admin/%C3%28",
			"/admin/secret%");

	/** What WebFlux answers with 400 before any web filter runs: a broken escape. */
	static final Set<String> NETTY_REFUSES = Set.of("/admin/secret%");

	/**
	 * The request's own origin, as the server sees it from the test client's
	 * {@code Host}.
	 */
	static final String SELF = "http://api.example.com";

	@LocalServerPort
	private int port;

	@Autowired
	private CorsTestApplication.HandlerInvocations invocations;

	static Stream<Row> rows() {
		return Stream.of(
				// The admin mapping, reached from the top level's origin through a
				// disguise.
				refused("GET", "/admin/secret", APP, "the mapping refuses the top level's origin"),
				refused("GET", "/admin;x/secret", APP, "behaviour 7.1: a parameter in the mapping's segment"),
				refused("GET", "/%61dmin/secret", APP, "behaviour 7.2: an encoded letter in the mapping's segment"),
				refused("OPTIONS", "/%61dmin/secret", APP, "behaviour 7.3: the disguised preflight"),
				passed("GET", "/ADMIN/secret", APP, 404, null, "another case is another path, which no rule covers"),
				refused("GET", "/admin/secret;jsessionid=1", APP, "a session id does not change the mapping"),
				refused("GET", "/admin/secret/", APP, "a trailing slash stays under the mapping"),
				refused("GET", "/admin/%73ecret", APP, "an encoded letter in the handler's segment"),
				refused("GET", "/%2561dmin/secret", APP, "double encoding is ambiguous"),
				refused("GET", "/admin%2Fsecret", APP, "an encoded slash is ambiguous"),
				refused("GET", "/admin%2fsecret", ADMIN,
						"an encoded slash is ambiguous, even from the mapping's origin"),
				refused("GET", "/x%3B/admin/secret", APP, "an encoded semicolon is ambiguous"),
				refused("GET", "//admin/secret", APP, "an empty first segment is ambiguous"),
				refused("GET", "/admin//secret", ADMIN, "an empty segment is ambiguous"),
				refused("GET", "/./admin/secret", APP, "a dot segment is ambiguous"),
				refused("GET", "/x/../admin/secret", APP, "a dot-dot segment is ambiguous"),
				refused("GET", "/x/%2e%2e/admin/secret", APP, "an encoded dot-dot segment is ambiguous"),
				refused("GET", "/;x/admin/secret", APP, "a segment of parameters only is ambiguous"),
				refused("GET", "/admin/%C3%28", APP, "an escape of invalid UTF-8 is ambiguous"),
				refused("GET", "/admin/secret%", APP, "a broken escape is ambiguous"),
				allowed("GET", "/admin/secret", ADMIN, 200, "/admin/secret", "the mapping's origin"),
				allowed("GET", "/admin/secret;jsessionid=1", ADMIN, 200, "/admin/secret",
						"behaviour 7.4: a session id after the last segment"),
				allowed("GET", "/admin;v=1/%73ecret", ADMIN, 200, "/admin/secret",
						"a parameter and an encoded letter, routed to the handler"),
				allowed("GET", "/admin/secret/", ADMIN, 404, null,
						"a trailing slash routes nowhere, with CORS headers"),
				// The narrowed cors.paths.
				refused("POST", "/api;x=1/data", EVIL, "behaviour 7.5: a parameter in the covered segment"),
				refused("POST", "/api/data;x=1", EVIL, "a parameter after the covered path"),
				refused("GET", "/%61pi/data", EVIL, "an encoded letter in the covered segment"),
				refused("GET", "/api/data/", EVIL, "a trailing slash stays covered"),
				allowed("GET", "/%61pi/data;x", APP, 200, "/api/data", "a disguised covered path from its origin"),
				passed("GET", "/other/data", EVIL, 200, "/other/data", "a path no rule covers"),
				passed("GET", "/%6Fther/data", EVIL, 200, "/other/data", "an encoded path no rule covers"),
				// The exclusion.
				refused("GET", "/api/data;.css", EVIL, "a parameter that looks like an excluded file"),
				passed("GET", "/api/style.css", EVIL, 200, "/api/style.css", "an excluded file"),
				passed("GET", "/api/style%2Ecss", EVIL, 200, "/api/style.css", "an excluded file, encoded"),
				passed("GET", "/api/style.css;v=2", EVIL, 200, "/api/style.css", "an excluded file with a parameter"),
				// Without Origin, or from the request's own origin, nothing is refused,
				// whatever the path.
				passed("GET", "/admin;x/secret", null, 200, "/admin/secret", "no Origin, a disguised path"),
				passed("POST", "/%61dmin/secret", SELF, 200, "/admin/secret", "same origin, a disguised path"),
				passed("GET", "/x/../admin/secret", SELF, null, null, "same origin, an ambiguous path"),
				passed("GET", "//admin/secret", null, null, null, "no Origin, an ambiguous path"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rows")
	void disguisedPath(Row row) throws IOException {
		String path = contextPath() + row.path();
		int before = this.invocations.total();
		int handlerBefore = (row.handler() != null) ? this.invocations.count(row.handler()) : 0;
		RawHttpClient.Response response = new RawHttpClient(this.port).send(row.method(), path, row.headers());
		int handlerRuns = this.invocations.total() - before;
		switch (row.outcome()) {
			case REFUSED -> {
				if (containerRefuses().contains(row.path())) {
					// The server refused it before any filter ran: no handler, no CORS
					// headers either.
					assertThat(response.status()).as("status of %s", path).isEqualTo(400);
				}
				else {
					assertThat(response.status()).as("status of %s", path).isEqualTo(403);
					assertThat(response.header("Content-Type")).startsWith("application/problem+json");
					assertThat(response.headerTokens("Vary")).contains("Origin");
				}
				assertThat(response.headers().keySet()).noneMatch((name) -> name.startsWith("access-control-allow"));
				assertThat(handlerRuns).as("handler runs for %s", path).isZero();
			}
			case ALLOWED -> {
				assertThat(response.status()).as("status of %s", path).isEqualTo(row.status());
				assertThat(response.headerValues("Access-Control-Allow-Origin")).containsExactly(row.origin());
				assertThat(response.headerValues("Access-Control-Allow-Credentials")).containsExactly("true");
				assertThat(response.headerTokens("Vary")).containsOnlyOnce("Origin");
				assertThat(handlerRuns).as("handler runs for %s", path).isEqualTo((row.handler() != null) ? 1 : 0);
			}
			case PASSED -> {
				if (row.status() != null) {
					assertThat(response.status()).as("status of %s", path).isEqualTo(row.status());
				}
				else {
					// Routed as the container and strategy see it: whatever it is, it is
					// not the starter's refusal.
					assertThat(response.status()).as("status of %s", path).isNotEqualTo(403);
				}
				assertThat(response.headers().keySet()).noneMatch((name) -> name.startsWith("access-control-"));
			}
		}
		if (row.handler() != null && row.outcome() != Outcome.REFUSED) {
			assertThat(this.invocations.count(row.handler()) - handlerBefore)
				.as("runs of %s for %s", row.handler(), path)
				.isOne();
		}
	}

	/**
	 * Asserts that the context path or base path {@code /ctx}, spelt another way, never
	 * loosens the mapping: the request is refused, or the server answers it without
	 * reaching a handler.
	 * @throws IOException if a request fails
	 */
	void assertContextPathSpeltAnotherWayNeverLoosensTheMapping() throws IOException {
		for (String path : List.of("/c%74x/admin/secret", "/ctx;x/admin/secret", "/ctx/./admin/secret",
				"//ctx/admin/secret")) {
			int before = this.invocations.total();
			RawHttpClient.Response response = new RawHttpClient(this.port).send("GET", path,
					List.<String[]>of(new String[] { "Origin", APP }));
			assertThat(response.headers().keySet()).as("headers for %s", path)
				.noneMatch((name) -> name.startsWith("access-control-allow"));
			assertThat(this.invocations.total() - before).as("handler runs for %s", path).isZero();
		}
	}

	/**
	 * Returns the context path (servlet) or base path (WebFlux) the application is served
	 * under.
	 * @return the path, empty for none
	 */
	String contextPath() {
		return "";
	}

	/**
	 * Returns the paths of the table that the server itself answers with 400 before any
	 * filter runs.
	 * @return the paths
	 */
	abstract Set<String> containerRefuses();

	private static Row refused(String method, String path, String origin, String description) {
		return new Row(description, method, path, origin, Outcome.REFUSED, 403, null);
	}

	private static Row allowed(String method, String path, String origin, int status, @Nullable String handler,
			String description) {
		return new Row(description, method, path, origin, Outcome.ALLOWED, status, handler);
	}

	private static Row passed(String method, String path, @Nullable String origin, @Nullable Integer status,
			@Nullable String handler, String description) {
		return new Row(description, method, path, origin, Outcome.PASSED, status, handler);
	}

	enum Outcome {

		REFUSED, ALLOWED, PASSED

	}

	/**
	 * One request and what must come of it.
	 */
	record Row(String description, String method, String path, @Nullable String origin, Outcome outcome,
			@Nullable Integer status, @Nullable String handler) {

		List<String[]> headers() {
			List<String[]> headers = new ArrayList<>();
			if (this.origin != null) {
				headers.add(new String[] { "Origin", this.origin });
			}
			if (this.method.equals("OPTIONS")) {
				headers.add(new String[] { "Access-Control-Request-Method", "PUT" });
			}
			return headers;
		}

		@Override
		public String toString() {
			return this.description + ": " + this.method + " " + this.path + " from " + this.origin;
		}

	}

}
