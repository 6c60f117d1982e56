package io.github.corsstarter.policy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link InMemoryCorsResponse}.
 */
class InMemoryCorsResponseTests {

	@Test
	void newResponseHasNoHeaders() {
		InMemoryCorsResponse response = new InMemoryCorsResponse();
		assertThat(response.headers()).isEmpty();
		assertThat(response.getHeader("Vary")).isNull();
		assertThat(response.getHeaders("Vary")).isEmpty();
	}

	@Test
	void namesCompareIgnoringCaseAndKeepTheirFirstSpelling() {
		InMemoryCorsResponse response = new InMemoryCorsResponse().addHeader("Vary", "Accept-Encoding");
		response.setHeader("VARY", "Origin");
		assertThat(response.getHeader("vary")).isEqualTo("Origin");
		assertThat(response.headers()).containsExactly(Map.entry("Vary", List.of("Origin")));
	}

	@Test
	void addKeepsEveryLineAndSetReplacesThem() {
		InMemoryCorsResponse response = new InMemoryCorsResponse().addHeader("Vary", "Accept-Encoding")
			.addHeader("vary", "Origin");
		assertThat(response.getHeaders("Vary")).containsExactly("Accept-Encoding", "Origin");
		assertThat(response.getHeader("Vary")).isEqualTo("Accept-Encoding");
		response.setHeader("Vary", "Origin");
		assertThat(response.getHeaders("Vary")).containsExactly("Origin");
	}

	@Test
	void headersAreInTheOrderFirstWrittenAndCannotBeChangedFromOutside() {
		InMemoryCorsResponse response = new InMemoryCorsResponse();
		response.setHeader("Access-Control-Allow-Origin", "https://app.example.com");
		response.addHeader("Vary", "Origin");
		Map<String, List<String>> headers = response.headers();
		assertThat(headers.keySet()).containsExactly("Access-Control-Allow-Origin", "Vary");
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(headers::clear);
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> headers.get("Vary").add("Accept"));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> response.getHeaders("Vary").add("Accept"));
		assertThat(response.getHeaders("Vary")).containsExactly("Origin");
		assertThat(response).hasToString("{Access-Control-Allow-Origin=[https://app.example.com], Vary=[Origin]}");
	}

	@Test
	void decisionWritesItsHeadersToTheResponse() {
		CorsPolicy policy = CorsPolicy.compile(CorsSettings.builder().origins("https://app.example.com").build());
		PlainCorsRequest request = PlainCorsRequest.builder().origin("https://app.example.com").build();
		InMemoryCorsResponse response = new InMemoryCorsResponse().addHeader("Vary", "Accept-Encoding");
		policy.decide(request).writeHeaders(request, response);
		assertThat(response.getHeader("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
		assertThat(response.getHeaders("Vary")).containsExactly("Accept-Encoding, Origin");
	}

}
