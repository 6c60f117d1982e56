package io.github.corsstarter.policy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.corsstarter.policy.CorsPolicyRequestTests.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static io.github.corsstarter.policy.ExampleRequests.preflight;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks what a decision tells an adapter that keeps a response's CORS headers its own,
 * on every row of {@link CorsPolicyRequestTests}: {@link CorsDecision#headerValue} is
 * what {@link CorsDecision#writeHeaders} writes, header by header, the same for any
 * request except {@link CorsHeaders#RESPONSE_HEADERS_FROM_REQUEST}, and
 * {@link CorsDecision#writeVary} adds the decision's {@code Vary} tokens to the
 * application's. Header names are written out literally, as there.
 */
class CorsDecisionHeadersTests {

	private static final List<String> RESPONSE_HEADERS = List.of("Access-Control-Allow-Origin",
			"Access-Control-Allow-Credentials", "Access-Control-Expose-Headers", "Access-Control-Allow-Methods",
			"Access-Control-Allow-Headers", "Access-Control-Max-Age", "Access-Control-Allow-Private-Network");

	static List<Row> rows() {
		return CorsPolicyRequestTests.rows().toList();
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("rows")
	void headerValueIsWhatWriteHeadersWrites(Row row) {
		CorsDecision decision = decide(row);
		InMemoryCorsResponse response = new InMemoryCorsResponse();
		decision.writeHeaders(row.request(), response);
		Map<String, String> written = WrittenHeaders.of(response);
		for (String name : RESPONSE_HEADERS) {
			assertThat(decision.headerValue(name, row.request())).as(name).isEqualTo(written.get(name));
			assertThat(decision.headerValue(name.toLowerCase(Locale.ROOT), row.request())).as(name + " in lower case")
				.isEqualTo(written.get(name));
		}
		assertThat(written.keySet()).as("every header written is Vary or one of the response headers")
			.allMatch((name) -> name.equals("Vary") || RESPONSE_HEADERS.contains(name));
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("rows")
	void writeVaryAddsTheDecisionsTokensToTheApplications(Row row) {
		CorsDecision decision = decide(row);
		InMemoryCorsResponse alone = new InMemoryCorsResponse();
		decision.writeVary(alone);
		String tokens = alone.getHeader("Vary");
		InMemoryCorsResponse response = new InMemoryCorsResponse().addHeader("Vary", "Accept-Encoding");
		decision.writeVary(response);
		String expected = (tokens != null) ? "Accept-Encoding, " + tokens : "Accept-Encoding";
		assertThat(WrittenHeaders.of(response)).containsExactly(Map.entry("Vary", expected));
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("rows")
	void onlyTheHeadersFromTheRequestDependOnIt(Row row) {
		CorsDecision decision = decide(row);
		PlainCorsRequest other = PlainCorsRequest.builder()
			.method("DELETE")
			.origin("https://other.example")
			.accessControlRequestMethod("PATCH")
			.accessControlRequestHeaders("x-other")
			.accessControlRequestPrivateNetwork("true")
			.build();
		for (String name : RESPONSE_HEADERS) {
			if (!CorsHeaders.RESPONSE_HEADERS_FROM_REQUEST.contains(name)) {
				assertThat(decision.headerValue(name, other)).as(name)
					.isEqualTo(decision.headerValue(name, row.request()));
			}
		}
		InMemoryCorsResponse response = new InMemoryCorsResponse();
		decision.writeHeaders(row.request(), response);
		assertThat(decision.vary()).isEqualTo(WrittenHeaders.of(response).get("Vary"));
	}

	@Test
	void responseHeadersAreTheProtocolsSeven() {
		assertThat(CorsHeaders.RESPONSE_HEADERS).containsExactlyInAnyOrderElementsOf(RESPONSE_HEADERS);
		assertThat(CorsHeaders.RESPONSE_HEADERS).containsAll(CorsHeaders.RESPONSE_HEADERS_FROM_REQUEST);
	}

	@Test
	void headerValueOfAnotherHeaderIsNull() {
		CorsDecision decision = CorsPolicy.compile(CorsSettings.builder().origins("https://app.example.com").build())
			.decide(preflight("https://app.example.com", "PUT").build());
		assertThat(decision.kind()).isEqualTo(CorsDecision.Kind.PREFLIGHT);
		for (String name : List.of("Vary", "Access-Control-Request-Method", "Access-Control-Allow", "X-Other", "")) {
			assertThat(decision.headerValue(name, preflight("https://app.example.com", "PUT").build())).as(name)
				.isNull();
		}
	}

	@Test
	void isCorsHeaderMatchesTheAccessControlPrefixInAnyCase() {
		for (String name : List.of("Access-Control-Allow-Origin", "access-control-max-age", "ACCESS-CONTROL-X",
				"Access-Control-Request-Method", "Access-Control-")) {
			assertThat(CorsHeaders.isCorsHeader(name)).as(name).isTrue();
		}
		for (String name : List.of("Vary", "Origin", "Access-Control", "X-Access-Control-Allow-Origin", "Access", "")) {
			assertThat(CorsHeaders.isCorsHeader(name)).as(name).isFalse();
		}
	}

	private static CorsDecision decide(Row row) {
		Set<String> tenants = row.policy().tenants();
		CorsPolicy policy = CorsPolicy.compile(row.policy().settings(),
				(tenants != null) ? new RecordingOriginDecider(tenants) : null);
		return policy.decide(row.request());
	}

}
