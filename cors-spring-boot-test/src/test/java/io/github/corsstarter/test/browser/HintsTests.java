package io.github.corsstarter.test.browser;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hints: the starter's refusals read from its problem documents, and the usual mistakes
 * of other servers.
 */
class HintsTests {

	private static final String PAGE = "https://app.example.com";

	private static FetchResult fetchFrom(ServerResponse preflight, ServerResponse response, String method,
			String... headers) {
		FetchCall.Builder call = FetchCall.builder(PAGE, method, URI.create("https://api.example.com/a"));
		for (int i = 0; i < headers.length; i += 2) {
			call.header(headers[i], headers[i + 1]);
		}
		return ChromiumFetch.run(call.build(), (request) -> request.method().equals("OPTIONS") ? preflight : response);
	}

	private static ServerResponse problem(String title) {
		return new ServerResponse(403, List.of(new HttpHeader("Content-Type", "application/problem+json")),
				("{\"type\":\"about:blank\",\"title\": \"" + title + "\",\"status\":403}")
					.getBytes(StandardCharsets.UTF_8));
	}

	private static ServerResponse plain(int status, String... headers) {
		List<HttpHeader> lines = new ArrayList<>();
		for (int i = 0; i < headers.length; i += 2) {
			lines.add(new HttpHeader(headers[i], headers[i + 1]));
		}
		return new ServerResponse(status, lines, new byte[0]);
	}

	private static String hint(FetchResult result) {
		return result.error().orElseThrow().hint();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Origin not allowed                 | add 'https://app.example.com' to cors.origins, or a pattern
			Method not allowed                 | add PUT to cors.methods
			Header not allowed                 | add the request's headers (x-custom) to cors.allowed-headers
			Private network access not allowed | set cors.allow-private-network=true.
			Ambiguous path                     | no property allows it
			Malformed origin                   | the Origin header was not one serialized origin.
			""")
	void starterRefusalsNameTheProperty(String title, String hint) {
		FetchResult result = fetchFrom(problem(title), plain(200), "PUT", "X-Custom", "1");
		assertThat(hint(result)).startsWith("cors-spring-boot-starter refused the preflight (" + title + "): ")
			.contains(hint);
		FetchResult actual = fetchFrom(plain(404), problem(title), "GET");
		assertThat(hint(actual)).startsWith("cors-spring-boot-starter refused the request (" + title + "): ");
	}

	@Test
	void otherProblemsAreNotTheStarters() {
		ServerResponse otherTitle = new ServerResponse(403,
				List.of(new HttpHeader("Content-Type", "application/problem+json")),
				"{\"title\":\"Forbidden\"}".getBytes(StandardCharsets.UTF_8));
		ServerResponse notProblem = new ServerResponse(403, List.of(new HttpHeader("Content-Type", "application/json")),
				"{\"title\":\"Origin not allowed\"}".getBytes(StandardCharsets.UTF_8));
		ServerResponse noTitle = new ServerResponse(403,
				List.of(new HttpHeader("Content-Type", "application/problem+json")),
				"{}".getBytes(StandardCharsets.UTF_8));
		ServerResponse notForbidden = new ServerResponse(400,
				List.of(new HttpHeader("Content-Type", "application/problem+json")),
				"{\"title\":\"Origin not allowed\"}".getBytes(StandardCharsets.UTF_8));
		ServerResponse noType = new ServerResponse(403, List.of(), new byte[0]);
		for (ServerResponse response : List.of(otherTitle, notProblem, noTitle, notForbidden, noType)) {
			assertThat(hint(fetchFrom(plain(404), response, "GET"))).doesNotContain("cors-spring-boot-starter refused");
		}
	}

	@Test
	void authenticationBeforeCors() {
		assertThat(hint(fetchFrom(plain(401), plain(200), "PUT")))
			.startsWith("The preflight was answered 401 without CORS headers: authentication");
		assertThat(hint(fetchFrom(plain(200), plain(403), "GET"))).startsWith("The request was answered 403");
	}

	@Test
	void nothingHandlesThePath() {
		assertThat(hint(fetchFrom(plain(404), plain(200), "PUT")))
			.startsWith("The preflight was answered 404 without CORS headers: nothing that does CORS handles this"
					+ " path and method OPTIONS.");
		assertThat(hint(fetchFrom(plain(200), plain(405), "GET"))).contains("handles this path. Check the URL");
	}

	@Test
	void originNotAllowed() {
		assertThat(hint(fetchFrom(plain(200), plain(200), "GET")))
			.startsWith("The server does not allow the origin 'https://app.example.com'");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			HTTPS://APP.EXAMPLE.COM       | differs from the page's origin 'https://app.example.com' in case only
			https://app.example.com/      | has a trailing slash
			https://admin.example.com     | The server allows 'https://admin.example.com', not the page's origin
			app.example.com               | is not an origin: Access-Control-Allow-Origin must be the page's origin
			https://a.example, https://b.example | more than one Access-Control-Allow-Origin value
			*                             | which browsers refuse for a request with credentials
			""")
	void allowOriginMistakes(String value, String hint) {
		FetchCall call = FetchCall.builder(PAGE, "GET", URI.create("https://api.example.com/a"))
			.credentials(Credentials.INCLUDE)
			.build();
		FetchResult result = ChromiumFetch.run(call, (request) -> plain(200, "Access-Control-Allow-Origin", value));
		assertThat(hint(result)).contains(hint);
	}

	@Test
	void credentialsNotAllowed() {
		FetchCall call = FetchCall.builder(PAGE, "GET", URI.create("https://api.example.com/a"))
			.credentials(Credentials.INCLUDE)
			.build();
		FetchResult result = ChromiumFetch.run(call, (request) -> plain(200, "Access-Control-Allow-Origin", PAGE));
		assertThat(hint(result)).contains("cors.allow-credentials=true");
	}

	@Test
	void preflightMistakes() {
		assertThat(hint(fetchFrom(plain(500, "Access-Control-Allow-Origin", PAGE), plain(200), "PUT")))
			.startsWith("The preflight was answered 500: browsers need a 2xx");
		assertThat(hint(fetchFrom(plain(301, "Location", "/b/"), plain(200), "PUT")))
			.startsWith("The preflight was answered 301 to '/b/': a preflight is never redirected.");
		assertThat(hint(fetchFrom(plain(204, "Access-Control-Allow-Origin", PAGE), plain(200), "PUT")))
			.isEqualTo("Access-Control-Allow-Methods does not list PUT (cors-spring-boot-starter: cors.methods).");
		assertThat(hint(fetchFrom(plain(204, "Access-Control-Allow-Origin", PAGE, "Access-Control-Allow-Methods", "P;"),
				plain(200), "PUT")))
			.startsWith("Access-Control-Allow-Methods is not a comma-separated list of tokens");
		assertThat(
				hint(fetchFrom(plain(204, "Access-Control-Allow-Origin", PAGE, "Access-Control-Allow-Headers", "\"a\""),
						plain(200), "GET", "X-A", "1")))
			.startsWith("Access-Control-Allow-Headers is not a comma-separated list of tokens");
		assertThat(hint(fetchFrom(plain(204, "Access-Control-Allow-Origin", PAGE), plain(200), "GET", "X-A", "1")))
			.isEqualTo("Access-Control-Allow-Headers does not list 'x-a' (cors-spring-boot-starter: add it to"
					+ " cors.allowed-headers).");
	}

	@Test
	void fetchCallProblems() {
		assertThat(hint(fetchFrom(plain(200), plain(200), "TRACE")))
			.isEqualTo("fetch() rejects this call before sending anything ('TRACE' HTTP method is unsupported.): fix"
					+ " the call; the server is not involved.");
	}

}
