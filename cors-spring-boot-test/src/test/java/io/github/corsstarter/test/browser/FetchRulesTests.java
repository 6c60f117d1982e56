package io.github.corsstarter.test.browser;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request-side rules one by one: methods, forbidden headers, CORS-safelisted headers
 * (Fetch's and Chromium's), and the names a preflight asks for.
 */
class FetchRulesTests {

	@ParameterizedTest(name = "{0}: {1} -> {2}")
	@CsvSource(delimiter = '|', textBlock = """
			Accept                | application/json                 | true
			Accept                | text/(html                       | false
			Accept                | a\tb                             | true
			Accept                | a\u007fb                         | false
			Accept                | a\u0001b                         | false
			Accept                | a"b                              | false
			Accept                | a@b                              | false
			Accept-Language       | de-DE, en;q=0.5, *               | true
			Accept-Language       | en_US                            | false
			Content-Language      | fr                               | true
			Content-Language      | fr/ch                            | false
			Content-Type          | text/plain                       | true
			Content-Type          | TEXT/PLAIN; charset=utf-8        | true
			Content-Type          | multipart/form-data; boundary=x  | true
			Content-Type          | application/x-www-form-urlencoded | true
			Content-Type          | application/json                 | false
			Content-Type          | text/plain, application/json     | false
			Content-Type          | text/                            | false
			Content-Type          | /plain                           | false
			Content-Type          | text                             | false
			Content-Type          | text/plain; x="("                | false
			Content-Type          | ' text/plain '                   | true
			Range                 | bytes=0-1                        | true
			Range                 | BYTES=0-1                        | true
			Range                 | bytes=5-                         | true
			Range                 | bytes=10-9                       | false
			Range                 | bytes=9-10                       | true
			Range                 | bytes=010-9                      | false
			Range                 | bytes=009-10                     | true
			Range                 | bytes=-5                         | false
			Range                 | bytes=0-1,3-4                    | false
			Range                 | bytes=a-1                        | false
			Range                 | bytes=0-a                        | false
			Range                 | bytes=0                          | false
			Range                 | items=0-1                        | false
			Range                 | bytes=                           | false
			DPR                   | 2                                | true
			DPR                   | 2.5                              | true
			DPR                   | 2.                               | false
			DPR                   | .5                               | false
			DPR                   | x                                | false
			Device-Memory         | 4                                | true
			Downlink              | 1.5                              | true
			Width                 | 100                              | true
			Width                 | 1.5                              | false
			Viewport-Width        | 100                              | true
			RTT                   | 50                               | true
			ECT                   | 4g                               | true
			ECT                   | 5g                               | false
			Save-Data             | on                               | true
			Save-Data             | ON                               | true
			Save-Data             | off                              | false
			Intervention          | anything                         | true
			X-Custom              | 1                                | false
			Authorization         | Bearer t                         | false
			""")
	void safelisted(String name, String value, boolean safelisted) {
		assertThat(FetchRules.isSafelisted(name, value)).isEqualTo(safelisted);
	}

	@Test
	void valuesLongerThan128AreNotSafelisted() {
		assertThat(FetchRules.isSafelisted("Accept", "a".repeat(128))).isTrue();
		assertThat(FetchRules.isSafelisted("Accept", "a".repeat(129))).isFalse();
	}

	@Test
	void unsafeNamesAreLowercaseSortedAndDistinct() {
		assertThat(FetchRules.unsafeNames(List.of(new HttpHeader("X-B", "1"), new HttpHeader("x-a", "2"),
				new HttpHeader("Accept", "text/plain"), new HttpHeader("X-A", "3"))))
			.containsExactly("x-a", "x-b");
	}

	@Test
	void safelistedValuesOver1024BytesAreAllUnsafe() {
		List<HttpHeader> exactly1024 = List.of(new HttpHeader("Accept", "a".repeat(128)),
				new HttpHeader("Accept-Language", "b".repeat(128)), new HttpHeader("Content-Language", "c".repeat(128)),
				new HttpHeader("Intervention", "i".repeat(128)), new HttpHeader("Width", "1".repeat(128)),
				new HttpHeader("DPR", "2".repeat(128)), new HttpHeader("Viewport-Width", "3".repeat(128)),
				new HttpHeader("Downlink", "4".repeat(128)));
		assertThat(FetchRules.unsafeNames(exactly1024)).isEmpty();
		List<HttpHeader> over = new ArrayList<>(exactly1024);
		over.add(new HttpHeader("RTT", "5"));
		over.add(new HttpHeader("X-Custom", "1"));
		assertThat(FetchRules.unsafeNames(over)).containsExactly("accept", "accept-language", "content-language",
				"downlink", "dpr", "intervention", "rtt", "viewport-width", "width", "x-custom");
	}

	@ParameterizedTest
	@CsvSource({ "Cookie,x,true", "cookie2,x,true", "Host,x,true", "Origin,x,true", "Referer,x,true",
			"Sec-Fetch-Mode,x,true", "Proxy-Authorization,x,true", "User-Agent,x,true", "Content-Length,1,true",
			"Accept-Charset,x,true", "Access-Control-Request-Method,x,true", "Keep-Alive,x,true", "Via,x,true",
			"X-HTTP-Method-Override,TRACE,true", "X-Method-Override,'get, connect',true", "X-HTTP-Method,track,true",
			"X-HTTP-Method-Override,PUT,false", "X-Custom,TRACE,false", "Authorization,x,false",
			"Content-Transfer-Encoding,x,false" })
	void forbiddenHeaders(String name, String value, boolean forbidden) {
		assertThat(FetchRules.isForbiddenHeader(name, value)).isEqualTo(forbidden);
	}

	@ParameterizedTest
	@CsvSource({ "get,GET", "Put,PUT", "delete,DELETE", "options,OPTIONS", "head,HEAD", "post,POST", "patch,patch",
			"PATCH,PATCH", "Custom,Custom" })
	void methodsAreNormalizedAsFetchDoes(String method, String normalized) {
		assertThat(FetchRules.normalizeMethod(method)).isEqualTo(normalized);
	}

	@Test
	void safelistedAndForbiddenMethods() {
		assertThat(List.of("GET", "HEAD", "POST")).allMatch(FetchRules::isSafelistedMethod);
		assertThat(List.of("PUT", "get", "patch", "OPTIONS")).noneMatch(FetchRules::isSafelistedMethod);
		assertThat(List.of("CONNECT", "trace", "Track")).allMatch(FetchRules::isForbiddenMethod);
		assertThat(List.of("GET", "TRACES", "CONNECTS")).noneMatch(FetchRules::isForbiddenMethod);
	}

	@Test
	void tokensAndValues() {
		assertThat(FetchRules.isToken("X-Custom_1.!#$%&'*+^`|~")).isTrue();
		assertThat(List.of("", "X Foo", "X:Foo", "é", "a(b", "a\"b")).noneMatch(FetchRules::isToken);
		assertThat(FetchRules.normalizeValue(" \t a b \r\n")).isEqualTo("a b");
		assertThat(FetchRules.normalizeValue("   ")).isEmpty();
		assertThat(FetchRules.isValidValue("a b")).isTrue();
		assertThat(List.of("a\0b", "a\rb", "a\nb")).noneMatch(FetchRules::isValidValue);
		assertThat(FetchRules.isBeyondLatin1("é")).isFalse();
		assertThat(FetchRules.isBeyondLatin1("€")).isTrue();
	}

}
