package io.github.corsstarter.test.browser;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * How the browser reads a script's call before sending it.
 */
class FetchCallTests {

	private static FetchCall.Builder call(String method) {
		return FetchCall.builder("https://app.example.com", method, URI.create("https://api.example.com/a"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "app.example.com", "https://app.example.com/", "https://app.example.com/path",
			"https://app.example.com?q", "https://app.example.com#f", "ftp://app.example.com",
			"https://u@app.example.com", "https://", "not an origin" })
	void pageOriginsMustBeOrigins(String origin) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FetchCall.builder(origin, "GET", URI.create("https://api.example.com/")).build())
			.withMessageContaining("is not an origin");
	}

	@Test
	void originsAreSerializedWithoutDefaultPorts() {
		assertThat(FetchCall.builder("HTTPS://App.Example.com:443", "GET", URI.create("https://a.example/"))
			.build()
			.origin()).isEqualTo("https://app.example.com");
		assertThat(FetchCall.builder("http://localhost:80", "GET", URI.create("https://a.example/")).build().origin())
			.isEqualTo("http://localhost");
		assertThat(FetchCall.builder("http://localhost:5173", "GET", URI.create("https://a.example/")).build().origin())
			.isEqualTo("http://localhost:5173");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/relative", "mailto:a@example.com", "ftp://files.example.com/a" })
	void urlsMustBeAbsoluteHttp(String url) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FetchCall.builder("https://app.example.com", "GET", URI.create(url)).build());
	}

	@Test
	void anEmptyPathIsTheRoot() {
		assertThat(FetchCall.builder("https://app.example.com", "GET", URI.create("https://api.example.com"))
			.build()
			.url()).hasToString("https://api.example.com/");
	}

	@Test
	void problemsInChromiumsOrder() {
		assertThat(call("TRACE").header("X", "€").build().problem())
			.isEqualTo("Failed to read the 'headers' property from 'RequestInit': String contains non ISO-8859-1"
					+ " code point.");
		assertThat(call("FOO BAR").header("X Y", "1").build().problem())
			.isEqualTo("'FOO BAR' is not a valid HTTP method.");
		assertThat(call("").build().problem()).isEqualTo("'' is not a valid HTTP method.");
		assertThat(call("connect").header("X Y", "1").build().problem())
			.isEqualTo("'connect' HTTP method is unsupported.");
		assertThat(call("GET").header("X Y", "1").header("X", "a\nb").body("x").build().problem())
			.isEqualTo("Invalid name");
		assertThat(call("GET").header("X", "a\u0000b").header("X Y", "1").body("x").build().problem())
			.isEqualTo("Invalid value");
		assertThat(call("HEAD").body("x").build().problem())
			.isEqualTo("Request with GET/HEAD method cannot have body.");
		assertThat(call("POST").header("X", "é").body("x").build().problem()).isNull();
	}

	@Test
	void headersAreCombinedTrimmedAndFiltered() {
		FetchCall call = call("POST").header("X-A", " 1 ")
			.header("x-a", "2")
			.header("Cookie", "c=1")
			.header("DPR", "2")
			.body("text")
			.build();
		assertThat(call.headers()).containsExactly(new HttpHeader("X-A", "1, 2"), new HttpHeader("DPR", "2"),
				new HttpHeader("Content-Type", "text/plain;charset=UTF-8"));
		assertThat(call.warnings()).hasSize(2)
			.anySatisfy((warning) -> assertThat(warning).startsWith("The browser drops the header 'Cookie'"))
			.anySatisfy((warning) -> assertThat(warning).startsWith("Chromium sends 'DPR' without a preflight"));
		assertThat(call.unsafeNames()).containsExactly("x-a");
		assertThat(call.needsPreflight()).isTrue();
		assertThat(call.isSameOrigin()).isFalse();
		assertThat(call.toString()).isEqualTo("fetch('https://api.example.com/a', {method: 'POST', credentials:"
				+ " 'same-origin'}) from https://app.example.com with [X-A: 1, 2, DPR: 2, Content-Type: text/plain;charset=UTF-8]");
	}

	@Test
	void anExplicitContentTypeWins() {
		assertThat(call("POST").header("Content-Type", "application/json").body("{}").build().headers())
			.containsExactly(new HttpHeader("Content-Type", "application/json"));
	}

	@Test
	void userAgentIsDroppedByChromiumOnly() {
		assertThat(call("GET").header("User-Agent", "x").build().warnings()).singleElement()
			.asString()
			.contains("in Chromium (the Fetch standard allows it)");
	}

	@Test
	void simpleCallsNeedNoPreflight() {
		assertThat(call("GET").header("Accept", "text/plain").build().needsPreflight()).isFalse();
		assertThat(call("post").build().needsPreflight()).isFalse();
		assertThat(call("patch").build().needsPreflight()).isTrue();
		assertThat(FetchCall.builder("https://app.example.com", "GET", URI.create("https://app.example.com/x"))
			.build()
			.isSameOrigin()).isTrue();
	}

}
