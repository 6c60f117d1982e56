package io.github.corsstarter.test.browser;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The model's smaller parts: value types, MIME types, the character classes of tokens and
 * language values, the origin values Chromium calls invalid, and the methods of
 * redirected requests.
 */
class ModelDetailsTests {

	private static final String PAGE = "https://app.example.com";

	@Test
	void requestsAndResponsesAreValues() {
		BrowserRequest request = new BrowserRequest("GET", URI.create("https://a.example/"),
				List.of(new HttpHeader("A", "1")), new byte[] { 1 });
		assertThat(request)
			.isEqualTo(new BrowserRequest("GET", URI.create("https://a.example/"), List.of(new HttpHeader("A", "1")),
					new byte[] { 1 }))
			.hasSameHashCodeAs(new BrowserRequest("GET", URI.create("https://a.example/"),
					List.of(new HttpHeader("A", "1")), new byte[] { 1 }))
			.isNotEqualTo(new BrowserRequest("PUT", URI.create("https://a.example/"), List.of(new HttpHeader("A", "1")),
					new byte[] { 1 }))
			.isNotEqualTo(new BrowserRequest("GET", URI.create("https://b.example/"), List.of(new HttpHeader("A", "1")),
					new byte[] { 1 }))
			.isNotEqualTo(new BrowserRequest("GET", URI.create("https://a.example/"), List.of(), new byte[] { 1 }))
			.isNotEqualTo(new BrowserRequest("GET", URI.create("https://a.example/"), List.of(new HttpHeader("A", "1")),
					new byte[] { 2 }))
			.isNotEqualTo("GET");
		assertThat(request).hasToString("GET https://a.example/ [A: 1]");
		ServerResponse response = new ServerResponse(200, List.of(new HttpHeader("A", "1")), new byte[] { 1 });
		assertThat(response).isEqualTo(new ServerResponse(200, List.of(new HttpHeader("A", "1")), new byte[] { 1 }))
			.hasSameHashCodeAs(new ServerResponse(200, List.of(new HttpHeader("A", "1")), new byte[] { 1 }))
			.isNotEqualTo(new ServerResponse(201, List.of(new HttpHeader("A", "1")), new byte[] { 1 }))
			.isNotEqualTo(new ServerResponse(200, List.of(), new byte[] { 1 }))
			.isNotEqualTo(new ServerResponse(200, List.of(new HttpHeader("A", "1")), new byte[] { 2 }))
			.isNotEqualTo(request);
		assertThat(response).hasToString("200 [A: 1]");
		assertThat(new HttpHeader("Content-Type", "x")).hasToString("Content-Type: x");
		assertThat(new CorsError(FetchStep.ALLOW_ORIGIN, "message", "hint"))
			.hasToString("ALLOW_ORIGIN: message (hint)");
	}

	@Test
	void stepsSayWhetherTheRequestWentOut() {
		assertThat(FetchStep.values()).filteredOn(FetchStep::isAfterRequest)
			.containsExactly(FetchStep.REDIRECT, FetchStep.ALLOW_ORIGIN, FetchStep.ALLOW_CREDENTIALS);
	}

	@ParameterizedTest
	@CsvSource(nullValues = "null",
			value = { "text/plain,text/plain", "text/plain;,text/plain", "'Text/Plain ; charset=x',text/plain",
					"a/b,a/b", "/plain,null", "text/,null", "text,null", "'text/pl ain',null", "'te xt/plain',null",
					"'',null" })
	void mimeTypeEssence(String value, String essence) {
		assertThat(MimeTypes.essence(value)).isEqualTo(essence);
	}

	@ParameterizedTest
	@ValueSource(chars = { '/', ':', '@', '[', '{', '(', ')', ',', '\u007f' })
	void charactersJustOutsideTokens(char outside) {
		assertThat(FetchRules.isToken("a" + outside)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(chars = { '/', ':', '@', '[', '`', '{', '_' })
	void charactersJustOutsideLanguageValues(char outside) {
		assertThat(FetchRules.isSafelisted("Accept-Language", "a" + outside)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(chars = { '0', '9', 'A', 'Z', 'a', 'z' })
	void charactersAtTheEdgesOfTokensAndLanguageValues(char inside) {
		assertThat(FetchRules.isToken(String.valueOf(inside))).isTrue();
		assertThat(FetchRules.isSafelisted("Content-Language", String.valueOf(inside))).isTrue();
	}

	@Test
	void valuesAtTheEdges() {
		assertThat(FetchRules.isValidValue("\0a")).isFalse();
		assertThat(FetchRules.isBeyondLatin1("\u00ff")).isFalse();
		assertThat(FetchRules.isBeyondLatin1("\u0100")).isTrue();
		assertThat(FetchRules.isSafelisted("Range", "bytes=5-5")).isTrue();
		assertThat(FetchRules.isSafelisted("DPR", "1.25")).isTrue();
	}

	@ParameterizedTest
	@CsvSource({ "https://other.example,ALLOW_ORIGIN_MISMATCH", "http:other,ALLOW_ORIGIN_MISMATCH",
			"mailto:someone,ALLOW_ORIGIN_MISMATCH", "file:///x,ALLOW_ORIGIN_MISMATCH",
			"custom://x,ALLOW_ORIGIN_MISMATCH", "https:,INVALID_ALLOW_ORIGIN", "https://,INVALID_ALLOW_ORIGIN",
			"https:///x,ALLOW_ORIGIN_MISMATCH", "https:?x,INVALID_ALLOW_ORIGIN", "1https://x,INVALID_ALLOW_ORIGIN",
			"app.example.com,INVALID_ALLOW_ORIGIN", "null,ALLOW_ORIGIN_MISMATCH", "'a,b',MULTIPLE_ALLOW_ORIGIN",
			"',https://x',MULTIPLE_ALLOW_ORIGIN" })
	void allowOriginValues(String value, CorsChecks.Problem problem) {
		ServerResponse response = new ServerResponse(200, List.of(new HttpHeader("Access-Control-Allow-Origin", value)),
				new byte[0]);
		assertThat(CorsChecks.corsCheck(response, PAGE, false)).extracting(CorsChecks.Failure::problem)
			.isEqualTo(problem);
	}

	@Test
	void allowListsAndExposedNames() {
		assertThat(CorsChecks.allowList(null, true)).isEmpty();
		assertThat(CorsChecks.allowList(" PUT , ,Get ", false)).containsExactly("PUT", "Get");
		assertThat(CorsChecks.allowList("X-A, x-b", true)).containsExactly("x-a", "x-b");
		assertThat(CorsChecks.allowList("PUT;", false)).isNull();
		assertThat(CorsChecks.exposedNames("X-A, X-B")).containsExactly("x-a", "x-b");
		assertThat(CorsChecks.exposedNames("x-a;, x-b")).isEmpty();
		assertThat(CorsChecks.exposedNames(null)).isEmpty();
		assertThat(CorsChecks.isReadable("Set-Cookie", Set.of("*", "set-cookie"), false)).isFalse();
		assertThat(CorsChecks.isReadable("X-A", Set.of("*"), true)).isFalse();
		assertThat(CorsChecks.isReadable("X-A", Set.of("*"), false)).isTrue();
		assertThat(CorsChecks.isReadable("Pragma", Set.of(), true)).isTrue();
	}

	@ParameterizedTest
	@CsvSource({ "301,POST,GET", "302,POST,GET", "303,POST,GET", "303,PUT,GET", "303,GET,GET", "303,HEAD,HEAD",
			"301,PUT,PUT", "302,PUT,PUT", "307,POST,POST", "308,POST,POST", "301,GET,GET" })
	void redirectedMethods(int status, String method, String redirected) {
		List<BrowserRequest> received = new ArrayList<>();
		FetchCall.Builder call = FetchCall.builder(PAGE, method, URI.create(PAGE + "/start"));
		if (!method.equals("GET") && !method.equals("HEAD")) {
			call.body("x");
		}
		FetchResult result = ChromiumFetch.run(call.build(), (request) -> {
			received.add(request);
			return request.url().getPath().equals("/start")
					? new ServerResponse(status, List.of(new HttpHeader("Location", "/end")), new byte[0])
					: new ServerResponse(200, List.of(), new byte[0]);
		});
		assertThat(result.isAllowed()).isTrue();
		assertThat(result.isBlocked()).isFalse();
		assertThat(received).extracting(BrowserRequest::method).containsExactly(method, redirected);
		boolean keepsBody = redirected.equals(method) && !method.equals("GET") && !method.equals("HEAD");
		assertThat(new String(received.get(1).body(), StandardCharsets.UTF_8)).isEqualTo(keepsBody ? "x" : "");
		assertThat(received.get(1).header("Content-Type")).isEqualTo(keepsBody ? "text/plain;charset=UTF-8" : null);
	}

	@Test
	void bodiesAreSentAsUtf8() {
		List<BrowserRequest> received = new ArrayList<>();
		ChromiumFetch.run(FetchCall.builder(PAGE, "POST", URI.create(PAGE + "/a")).body("é").build(), (request) -> {
			received.add(request);
			return new ServerResponse(200, List.of(), new byte[0]);
		});
		assertThat(received.get(0).body()).isEqualTo("é".getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void sameOriginHeadSendsNoOriginAndAnAcceptOfItsOwnIsKept() {
		List<BrowserRequest> received = new ArrayList<>();
		ChromiumFetch.run(FetchCall.builder(PAGE, "HEAD", URI.create(PAGE + "/a")).header("Accept", "text/csv").build(),
				(request) -> {
					received.add(request);
					return new ServerResponse(200, List.of(new HttpHeader("Set-Cookie", "a=1")), new byte[0]);
				});
		assertThat(received.get(0).header("Origin")).isNull();
		assertThat(received.get(0).header("Accept")).isEqualTo("text/csv");
	}

	@Test
	void readableValuesAreTrimmedAndJoined() {
		FetchResult result = ChromiumFetch.run(FetchCall.builder(PAGE, "GET", URI.create(PAGE + "/a")).build(),
				(request) -> new ServerResponse(200, List.of(new HttpHeader("X-A", " 1 "), new HttpHeader("x-a", "2"),
						new HttpHeader("Set-Cookie", "c")), new byte[0]));
		assertThat(result.readableHeaders()).isEqualTo(Map.of("x-a", "1, 2"));
	}

}
