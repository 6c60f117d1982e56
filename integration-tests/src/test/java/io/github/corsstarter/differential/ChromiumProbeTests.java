package io.github.corsstarter.differential;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.corsstarter.differential.ChromiumPage.ChromiumOutcome;
import io.github.corsstarter.differential.CorsLab.Header;
import io.github.corsstarter.differential.CorsLab.Received;
import io.github.corsstarter.differential.CorsLab.Reply;
import io.github.corsstarter.e2e.RequiresChromium;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Chromium does on the browser's side of CORS, as observed through {@link CorsLab}
 * and {@link ChromiumPage}: the facts that a model of the browser must reproduce, and the
 * ones where Chromium departs from the Fetch standard.
 */
@RequiresChromium
class ChromiumProbeTests {

	private static final String FAILED = "TypeError: Failed to fetch";

	private static final Reply NO_PREFLIGHT = Reply.of(404);

	private static final AtomicInteger cases = new AtomicInteger();

	private static CorsLab lab;

	private static ChromiumPage chromium;

	@BeforeAll
	static void start() {
		lab = CorsLab.start();
		chromium = ChromiumPage.open(lab);
	}

	@AfterAll
	static void stop() {
		try {
			chromium.close();
		}
		finally {
			lab.close();
		}
	}

	@Test
	void actualResponseWithoutAllowOriginIsBlocked() {
		Probe probe = probe(NO_PREFLIGHT, ok()).fetch("GET", List.of(), "omit", null);
		assertThat(probe.outcome().resolved()).isFalse();
		assertThat(probe.outcome().error()).isEqualTo(FAILED);
		assertThat(probe.outcome().console()).containsExactly(
				probe.blocked("No 'Access-Control-Allow-Origin' header is present on the requested resource."));
		assertThat(chromium.lastLog()).hasSize(2);
		assertThat(chromium.lastLog().get(0).getMessage()).startsWith(lab.pageUrl() + " - Access to fetch at '");
		assertThat(chromium.lastLog().get(1).getMessage())
			.isEqualTo(probe.url() + " - Failed to load resource: net::ERR_FAILED");
	}

	@Test
	void wildcardAllowOriginWithCredentialsIsBlocked() {
		Probe probe = probe(NO_PREFLIGHT, ok(allowOrigin("*"))).fetch("GET", List.of(), "include", null);
		assertThat(probe.outcome().console()).containsExactly(probe.blocked(
				"The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' "
						+ "when the request's credentials mode is 'include'."));
		assertThat(probe.received().get(0).value("Cookie")).isEqualTo(CorsLab.COOKIE);
	}

	@Test
	void allowOriginLinesAreJoinedBeforeTheyAreCompared() {
		String origin = lab.pageOrigin();
		Probe probe = probe(NO_PREFLIGHT, ok(allowOrigin(origin), allowOrigin(origin))).fetch("GET", List.of(), "omit",
				null);
		assertThat(probe.outcome().console()).containsExactly(probe
			.blocked("The 'Access-Control-Allow-Origin' header " + "contains multiple values '" + origin + ", " + origin
					+ "', but only one is allowed. " + "Have the server send the header with a valid value."));
	}

	@Test
	void allowOriginIsComparedCaseSensitively() {
		String upper = lab.pageOrigin().replace("http:", "HTTP:");
		Probe probe = probe(NO_PREFLIGHT, ok(allowOrigin(upper))).fetch("GET", List.of(), "omit", null);
		assertThat(probe.outcome().console()).containsExactly(probe.blocked("The 'Access-Control-Allow-Origin' header "
				+ "has a value '" + upper + "' that is not equal to the supplied origin. "
				+ "Have the server send the header with a valid value."));
	}

	@Test
	void preflightWithoutOkStatusIsBlockedOnlyAfterItsAllowOriginPasses() {
		Probe withOrigin = probe(Reply.of(403, allowOrigin(lab.pageOrigin()), allowMethods("PUT")), okCors())
			.fetch("PUT", List.of(), "omit", null);
		assertThat(withOrigin.outcome().console()).containsExactly(withOrigin.blocked(
				"Response to preflight request doesn't pass access control check: It does not have HTTP ok status."));
		Probe withoutOrigin = probe(Reply.of(403, allowMethods("PUT")), okCors()).fetch("PUT", List.of(), "omit", null);
		assertThat(withoutOrigin.outcome().console())
			.containsExactly(withoutOrigin.blocked("Response to preflight request doesn't pass access control check: "
					+ "No 'Access-Control-Allow-Origin' header is present on the requested resource."));
	}

	@Test
	void preflightIsNeverRedirected() {
		Probe probe = probe(Reply.of(301, allowOrigin(lab.pageOrigin()), allowMethods("PUT"), header("Location", "/")),
				okCors())
			.fetch("PUT", List.of(), "omit", null);
		assertThat(probe.outcome().console()).containsExactly(probe.blocked(
				"Response to preflight request doesn't pass access control check: Redirect is not allowed for a preflight request."));
		assertThat(probe.received()).extracting(Received::method).containsExactly("OPTIONS");
	}

	@Test
	void methodsAreMatchedCaseSensitivelyAndPatchIsNotNormalized() {
		Probe upper = probe(Reply.of(204, allowOrigin(lab.pageOrigin()), allowMethods("PATCH")), okCors())
			.fetch("patch", List.of(), "omit", null);
		assertThat(upper.received().get(0).value("Access-Control-Request-Method")).isEqualTo("patch");
		assertThat(upper.outcome().console()).containsExactly(
				upper.blocked("Method patch is not allowed by Access-Control-Allow-Methods in preflight response."));
		Probe lower = probe(Reply.of(204, allowOrigin(lab.pageOrigin()), allowMethods("patch")), okCors())
			.fetch("patch", List.of(), "omit", null);
		assertThat(lower.outcome().resolved()).isTrue();
		assertThat(lower.received()).extracting(Received::method).containsExactly("OPTIONS", "patch");
		Probe put = probe(Reply.of(204, allowOrigin(lab.pageOrigin()), allowMethods("put")), okCors()).fetch("put",
				List.of(), "omit", null);
		assertThat(put.received().get(0).value("Access-Control-Request-Method")).isEqualTo("PUT");
		assertThat(put.outcome().console()).containsExactly(
				put.blocked("Method PUT is not allowed by Access-Control-Allow-Methods in preflight response."));
	}

	@Test
	void preflightNamesRequestHeadersSortedInLowerCaseWithoutCredentials() {
		Probe probe = probe(allowAll(), okCors()).fetch("PUT",
				List.of(header("X-B", "1"), header("x-a", "2"), header("X-A", "3"),
						header("Content-Type", "application/json"), header("Authorization", "Bearer t"),
						header("Accept", "text/plain")),
				"include", "{}");
		assertThat(probe.outcome().resolved()).isTrue();
		Received preflight = probe.received().get(0);
		assertThat(preflight.method()).isEqualTo("OPTIONS");
		assertThat(preflight.value("Access-Control-Request-Headers")).isEqualTo("authorization,content-type,x-a,x-b");
		assertThat(preflight.value("Accept")).isEqualTo("*/*");
		assertThat(preflight.values("Cookie")).isEmpty();
		assertThat(preflight.values("Authorization")).isEmpty();
		assertThat(preflight.values("Sec-CH-UA")).isEmpty();
		Received actual = probe.received().get(1);
		assertThat(actual.value("X-A")).isEqualTo("2, 3");
		assertThat(actual.value("Cookie")).isEqualTo(CorsLab.COOKIE);
	}

	@Test
	void wildcardAllowHeadersCoversAuthorizationContraryToTheStandard() {
		Probe probe = probe(Reply.of(204, allowOrigin(lab.pageOrigin()), allowHeaders("*")), okCors()).fetch("GET",
				List.of(header("Authorization", "Bearer t")), "omit", null);
		assertThat(probe.outcome().resolved()).isTrue();
		assertThat(probe.outcome().console()).isEmpty();
		assertThat(probe.received().get(1).value("Authorization")).isEqualTo("Bearer t");
	}

	@Test
	void safelistedValuesMayTotalAtMost1024Bytes() {
		List<Header> headers = new ArrayList<>(List.of(header("Accept", "a".repeat(128)),
				header("Accept-Language", "l".repeat(128)), header("Content-Language", "l".repeat(128)),
				header("Content-Type", "text/plain;x=" + "c".repeat(115)), header("Intervention", "i".repeat(128)),
				header("Width", "1".repeat(128)), header("DPR", "1".repeat(128)),
				header("Viewport-Width", "1".repeat(128))));
		Probe atLimit = probe(allowAll(), okCors()).fetch("POST", headers, "omit", "x");
		assertThat(atLimit.received()).extracting(Received::method).containsExactly("POST");
		headers.add(header("Device-Memory", "4"));
		Probe overLimit = probe(allowAll(), okCors()).fetch("POST", headers, "omit", "x");
		assertThat(overLimit.received().get(0).value("Access-Control-Request-Headers")).isEqualTo(
				"accept,accept-language,content-language,content-type,device-memory,dpr,intervention,viewport-width,width");
	}

	@Test
	void forbiddenRequestHeadersAreDroppedSilently() {
		Probe probe = probe(allowAll(), okCors()).fetch("POST",
				List.of(header("Origin", "http://evil.example"), header("Cookie", "evil=1"),
						header("X-HTTP-Method-Override", "TRACE"), header("Sec-Foo", "1"), header("User-Agent", "lab")),
				"omit", "x");
		assertThat(probe.received()).singleElement().satisfies((received) -> {
			assertThat(received.value("Origin")).isEqualTo(lab.pageOrigin());
			assertThat(received.values("Cookie")).isEmpty();
			assertThat(received.values("X-HTTP-Method-Override")).isEmpty();
			assertThat(received.values("Sec-Foo")).isEmpty();
			assertThat(received.value("User-Agent")).contains("HeadlessChrome/");
		});
	}

	@Test
	void unsupportedMethodRejectsBeforeAnyRequest() {
		Probe probe = probe(allowAll(), okCors()).fetch("TRACE", List.of(), "omit", null);
		assertThat(probe.outcome().error())
			.isEqualTo("TypeError: Failed to execute 'fetch' on 'Window': 'TRACE' HTTP method is unsupported.");
		assertThat(probe.outcome().console()).isEmpty();
		assertThat(probe.received()).isEmpty();
	}

	@Test
	void exposedHeadersAndRepeatedResponseHeaders() {
		Reply reply = Reply.withBody(200, "body", allowOrigin("*"), header("X-Dup", "a"), header("X-Dup", "b"),
				header("Set-Cookie", "s=1"), header("Content-Type", "text/plain"),
				header("Access-Control-Expose-Headers", "*"));
		Probe probe = probe(NO_PREFLIGHT, reply).fetch("GET", List.of(), "omit", null);
		assertThat(probe.outcome().readableHeaders()).containsEntry("x-dup", "a, b")
			.containsEntry("content-type", "text/plain")
			.doesNotContainKey("set-cookie");
		Probe credentialed = probe(NO_PREFLIGHT, Reply.withBody(200, "body", allowOrigin(lab.pageOrigin()),
				allowCredentials(), header("X-Dup", "a"), header("Access-Control-Expose-Headers", "*")))
			.fetch("GET", List.of(), "include", null);
		assertThat(credentialed.outcome().readableHeaders()).containsOnlyKeys("content-length");
	}

	@Test
	void redirectTargetIsNamedWithTheAddressItWasRedirectedFrom() {
		String target = nextCase();
		lab.script(target, NO_PREFLIGHT, ok());
		Probe probe = probe(NO_PREFLIGHT,
				Reply.of(302, header("Location", CorsLab.path(target, "y")), allowOrigin(lab.pageOrigin())))
			.fetch("GET", List.of(), "omit", null);
		URI targetUrl = lab.url(target, "y");
		assertThat(probe.outcome().console()).containsExactly("Access to fetch at '" + targetUrl
				+ "' (redirected from '" + probe.url() + "') from origin '" + lab.pageOrigin()
				+ "' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.");
		assertThat(lab.received(target)).singleElement()
			.satisfies((received) -> assertThat(received.value("Origin")).isEqualTo(lab.pageOrigin()));
	}

	private static Probe probe(Reply preflight, Reply actual) {
		String id = nextCase();
		lab.script(id, preflight, actual);
		return new Probe(id, lab.url(id, "x"), null);
	}

	private static String nextCase() {
		return "probe" + cases.incrementAndGet();
	}

	private static Header header(String name, String value) {
		return new Header(name, value);
	}

	private static Header allowOrigin(String value) {
		return header("Access-Control-Allow-Origin", value);
	}

	private static Header allowCredentials() {
		return header("Access-Control-Allow-Credentials", "true");
	}

	private static Header allowMethods(String value) {
		return header("Access-Control-Allow-Methods", value);
	}

	private static Header allowHeaders(String value) {
		return header("Access-Control-Allow-Headers", value);
	}

	private static Reply ok(Header... headers) {
		return Reply.withBody(200, "ok", headers);
	}

	private static Reply okCors() {
		return ok(allowOrigin(lab.pageOrigin()), allowCredentials());
	}

	private static Reply allowAll() {
		return Reply.of(204, allowOrigin(lab.pageOrigin()), allowCredentials(),
				allowMethods("GET, POST, PUT, PATCH, DELETE"),
				allowHeaders("accept, accept-language, content-language, content-type, authorization, x-a, x-b, "
						+ "intervention, width, dpr, viewport-width, device-memory"));
	}

	/**
	 * One case: its address, and what Chromium made of it once fetched.
	 */
	private record Probe(String id, URI url, @Nullable ChromiumOutcome fetched) {

		Probe fetch(String method, List<Header> headers, String credentials, @Nullable String body) {
			return new Probe(this.id, this.url, chromium.fetch(this.url, method, headers, credentials, body));
		}

		ChromiumOutcome outcome() {
			return Objects.requireNonNull(this.fetched, "Not fetched yet");
		}

		List<Received> received() {
			return lab.received(this.id);
		}

		String blocked(String reason) {
			return "Access to fetch at '" + this.url + "' from origin '" + lab.pageOrigin()
					+ "' has been blocked by CORS policy: " + reason;
		}

	}

}
