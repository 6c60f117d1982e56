package io.github.corsstarter.test.browser;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * What the tables do not show: same-origin fetches, redirects across origins, the limits
 * of redirects, cookies between fetches, and the result's own views.
 */
class ChromiumFetchTests {

	private static final String PAGE = "https://app.example.com";

	private static final String API = "https://api.example.com";

	private final List<BrowserRequest> received = new ArrayList<>();

	private BrowserTransport server(Function<BrowserRequest, ServerResponse> answer) {
		return (request) -> {
			this.received.add(request);
			return answer.apply(request);
		};
	}

	private static ServerResponse response(int status, String... headers) {
		List<HttpHeader> lines = new ArrayList<>();
		for (int i = 0; i < headers.length; i += 2) {
			lines.add(new HttpHeader(headers[i], headers[i + 1]));
		}
		return new ServerResponse(status, lines, "body".getBytes(StandardCharsets.UTF_8));
	}

	private static FetchCall.Builder fetch(String method, String url) {
		return FetchCall.builder(PAGE, method, URI.create(url));
	}

	@Test
	void sameOriginNeedsNoCorsAndReadsEverything() {
		FetchResult result = ChromiumFetch.run(fetch("PUT", PAGE + "/api").header("X-Custom", "1").build(),
				server((request) -> response(200, "X-Secret", "s", "Set-Cookie", "a=1")));
		assertThat(result.isAllowed()).isTrue();
		assertThat(result.isPreflightSent()).isFalse();
		assertThat(result.readableHeaders()).containsExactlyEntriesOf(Map.of("x-secret", "s"));
		assertThat(result.body()).isEqualTo("body");
		// Same-origin PUT carries Origin, a GET does not.
		assertThat(this.received.get(0).header("Origin")).isEqualTo(PAGE);
		ChromiumFetch.run(fetch("GET", PAGE + "/api").build(), server((request) -> response(200)));
		assertThat(this.received.get(1).header("Origin")).isNull();
	}

	@Test
	void sameOriginModeSendsCookiesToThePagesOriginOnly() {
		BrowserTransport server = server((request) -> response(200, "Access-Control-Allow-Origin", "*"));
		ChromiumFetch.run(fetch("GET", PAGE + "/a").cookies("sid=1").build(), server);
		ChromiumFetch.run(fetch("GET", API + "/a").cookies("sid=1").build(), server);
		ChromiumFetch.run(fetch("GET", API + "/a").cookies("sid=1").credentials(Credentials.OMIT).build(), server);
		ChromiumFetch.run(fetch("GET", PAGE + "/a").cookies("sid=1").credentials(Credentials.OMIT).build(), server);
		assertThat(this.received).extracting((request) -> request.header("Cookie"))
			.containsExactly("sid=1", null, null, null);
	}

	@Test
	void redirectToAnotherOriginTaintsTheOrigin() {
		FetchResult result = ChromiumFetch.run(fetch("GET", API + "/start").build(), server((request) -> {
			if (request.url().getHost().equals("api.example.com")) {
				return response(302, "Location", "https://cdn.example.net/file", "Access-Control-Allow-Origin", PAGE);
			}
			return response(200, "Access-Control-Allow-Origin", "null");
		}));
		assertThat(result.isAllowed()).as(result.describe()).isTrue();
		assertThat(this.received.get(1).header("Origin")).isEqualTo("null");
		assertThat(result.requests()).hasSize(2);
	}

	@Test
	void redirectBackToThePageStaysCrossOrigin() {
		FetchResult result = ChromiumFetch.run(fetch("GET", API + "/start").build(),
				server((request) -> request.url().getHost().equals("api.example.com")
						? response(307, "Location", PAGE + "/here", "Access-Control-Allow-Origin", PAGE)
						: response(200)));
		assertThat(result.error()).hasValueSatisfying((error) -> {
			assertThat(error.step()).isEqualTo(FetchStep.ALLOW_ORIGIN);
			assertThat(error.consoleMessage()).isEqualTo("Access to fetch at '" + PAGE + "/here' (redirected from '"
					+ API + "/start') from origin '" + PAGE + "' has been blocked by CORS policy: No"
					+ " 'Access-Control-Allow-Origin' header is present on the requested resource.");
		});
	}

	@Test
	void redirect303TurnsAPutIntoAGetWithoutItsBody() {
		FetchResult result = ChromiumFetch.run(
				fetch("PUT", API + "/start").header("Content-Type", "application/json").body("{}").build(),
				server((request) -> {
					if (request.method().equals("OPTIONS")) {
						return response(204, "Access-Control-Allow-Origin", PAGE, "Access-Control-Allow-Methods", "PUT",
								"Access-Control-Allow-Headers", "content-type");
					}
					return request.url().getPath().equals("/start")
							? response(303, "Location", "/done", "Access-Control-Allow-Origin", PAGE)
							: response(200, "Access-Control-Allow-Origin", PAGE);
				}));
		assertThat(result.isAllowed()).as(result.describe()).isTrue();
		BrowserRequest redirected = result.requests().get(1).request();
		assertThat(redirected.method()).isEqualTo("GET");
		assertThat(redirected.body()).isEmpty();
		assertThat(redirected.header("Content-Type")).isNull();
		assertThat(result.preflights()).hasSize(1);
	}

	@Test
	void redirectsStopAfterTwenty() {
		FetchResult result = ChromiumFetch.run(fetch("GET", API + "/loop").build(),
				server((request) -> response(302, "Location", "/loop", "Access-Control-Allow-Origin", PAGE)));
		assertThat(result.error()).hasValueSatisfying((error) -> {
			assertThat(error.step()).isEqualTo(FetchStep.REDIRECT);
			assertThat(error.consoleMessage()).contains("ERR_TOO_MANY_REDIRECTS");
			assertThat(error.hint()).isEqualTo("The redirect was refused: more than 20 redirects.");
		});
		assertThat(result.requests()).hasSize(ChromiumFetch.MAX_REDIRECTS + 1);
	}

	@Test
	void redirectToALocationWithCredentialsIsRefused() {
		FetchResult result = ChromiumFetch.run(fetch("GET", API + "/a").build(), server((request) -> response(302,
				"Location", "https://user:pw@api.example.com/b", "Access-Control-Allow-Origin", PAGE)));
		assertThat(result.error()).hasValueSatisfying((error) -> {
			assertThat(error.step()).isEqualTo(FetchStep.REDIRECT);
			assertThat(error.consoleMessage())
				.endsWith("Redirect location '' contains a username and password, which is"
						+ " disallowed for cross-origin requests.");
		});
		assertThat(result.requests()).hasSize(1);
	}

	@Test
	void theJarKeepsWhatCredentialedResponsesSet() {
		CookieJar jar = new CookieJar();
		BrowserTransport server = server((request) -> response(200, "Access-Control-Allow-Origin", PAGE,
				"Access-Control-Allow-Credentials", "true", "Set-Cookie", "sid=42; Path=/; Secure; SameSite=Lax"));
		ChromiumFetch.run(fetch("GET", API + "/login").credentials(Credentials.OMIT).build(), server, jar);
		ChromiumFetch.run(fetch("GET", API + "/login").credentials(Credentials.INCLUDE).build(), server, jar);
		ChromiumFetch.run(fetch("GET", API + "/me").credentials(Credentials.INCLUDE).build(), server, jar);
		ChromiumFetch.run(fetch("GET", API + "/me").build(), server, jar);
		assertThat(this.received).extracting((request) -> request.header("Cookie"))
			.containsExactly(null, null, "sid=42", null);
	}

	@Test
	void aBlockedResultHasNoStatusOrBody() {
		FetchResult result = ChromiumFetch.run(fetch("GET", API + "/a").build(), server((request) -> response(200)));
		assertThat(result.isBlocked()).isTrue();
		assertThat(result.isAllowed()).isFalse();
		assertThat(result.readableHeaders()).isEmpty();
		assertThatIllegalStateException().isThrownBy(result::status).withMessageContaining("blocked");
		assertThatIllegalStateException().isThrownBy(result::body);
		assertThat(result.call().method()).isEqualTo("GET");
		assertThat(result.toString()).isEqualTo(result.describe())
			.contains("request GET https://api.example.com/a")
			.contains("blocked at ALLOW_ORIGIN: Access to fetch at")
			.contains("hint: ");
	}

	@Test
	void describeShowsEveryExchangeAndTheWarnings() {
		FetchResult result = ChromiumFetch.run(
				fetch("GET", API + "/a").header("Authorization", "t").header("Cookie", "x").build(),
				server((request) -> request.method().equals("OPTIONS")
						? response(204, "Access-Control-Allow-Origin", PAGE, "Access-Control-Allow-Headers", "*")
						: response(200, "Access-Control-Allow-Origin", PAGE)));
		assertThat(result.describe()).contains("preflight OPTIONS https://api.example.com/a")
			.contains("allowed: status 200")
			.contains("warning: The browser drops the header 'Cookie'")
			.contains("warning: Authorization is allowed only by 'Access-Control-Allow-Headers: *'");
		assertThat(result.preflight()).isPresent();
	}

}
