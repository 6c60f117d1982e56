package io.github.corsstarter.policy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link PlainCorsRequest}.
 */
class PlainCorsRequestTests {

	private static final String APP = "https://app.example.com";

	@Test
	void requestBuiltWithoutValuesIsAGetToTheRootWithoutCorsHeaders() {
		PlainCorsRequest request = PlainCorsRequest.builder().build();
		assertThat(request.method()).isEqualTo("GET");
		assertThat(request.path()).isEqualTo("/");
		assertThat(request.origin()).isNull();
		assertThat(request.origins()).isEmpty();
		assertThat(request.hasSeveralOrigins()).isFalse();
		assertThat(request.scheme()).isEqualTo("https");
		assertThat(request.host()).isEqualTo("server.invalid");
		assertThat(request.port()).isEqualTo(-1);
		assertThat(request.accessControlRequestMethod()).isNull();
		assertThat(request.accessControlRequestHeaders()).isNull();
		assertThat(request.accessControlRequestPrivateNetwork()).isNull();
	}

	@Test
	void requestKeepsEveryValueAsGiven() {
		PlainCorsRequest request = PlainCorsRequest.builder()
			.method("patch")
			.path("/api/items;x=1/%61")
			.origin(APP)
			.scheme("http")
			.host("api.example.com")
			.port(8080)
			.accessControlRequestMethod("PUT")
			.accessControlRequestHeaders(" content-type ,x-a")
			.accessControlRequestPrivateNetwork("true")
			.build();
		assertThat(request.method()).isEqualTo("patch");
		assertThat(request.path()).isEqualTo("/api/items;x=1/%61");
		assertThat(request.origin()).isEqualTo(APP);
		assertThat(request.scheme()).isEqualTo("http");
		assertThat(request.host()).isEqualTo("api.example.com");
		assertThat(request.port()).isEqualTo(8080);
		assertThat(request.accessControlRequestMethod()).isEqualTo("PUT");
		assertThat(request.accessControlRequestHeaders()).isEqualTo(" content-type ,x-a");
		assertThat(request.accessControlRequestPrivateNetwork()).isEqualTo("true");
	}

	@Test
	void preflightIsAnOptionsRequestWithOriginAndRequestMethod() {
		PlainCorsRequest preflight = PlainCorsRequest.preflight(APP, "PUT").build();
		assertThat(preflight.method()).isEqualTo("OPTIONS");
		assertThat(preflight.origin()).isEqualTo(APP);
		assertThat(preflight.accessControlRequestMethod()).isEqualTo("PUT");
		assertThat(preflight.path()).isEqualTo("/");
	}

	@Test
	void severalOriginLinesAreSeveralOriginsAndTheFirstIsTheOrigin() {
		PlainCorsRequest request = PlainCorsRequest.builder().origins(APP, "https://evil.example.net").build();
		assertThat(request.origin()).isEqualTo(APP);
		assertThat(request.origins()).containsExactly(APP, "https://evil.example.net");
		assertThat(request.hasSeveralOrigins()).isTrue();
	}

	@Test
	void laterOriginReplacesEarlierOnes() {
		PlainCorsRequest.Builder builder = PlainCorsRequest.builder().origins(APP, "https://evil.example.net");
		assertThat(builder.origin("https://other.example.com").build().origins())
			.containsExactly("https://other.example.com");
		assertThat(builder.origin(null).build().origin()).isNull();
		assertThat(builder.origins().build().hasSeveralOrigins()).isFalse();
	}

	@Test
	void requestDoesNotChangeWhenItsBuilderGoesOn() {
		PlainCorsRequest.Builder builder = PlainCorsRequest.builder().origin(APP).path("/a");
		PlainCorsRequest first = builder.build();
		builder.path("/b").origins(APP, APP).method("POST").port(443);
		assertThat(first.path()).isEqualTo("/a");
		assertThat(first.method()).isEqualTo("GET");
		assertThat(first.port()).isEqualTo(-1);
		assertThat(first.hasSeveralOrigins()).isFalse();
	}

	@Test
	void originsCannotBeChangedThroughTheirList() {
		String[] lines = { APP, "https://evil.example.net" };
		PlainCorsRequest request = PlainCorsRequest.builder().origins(lines).build();
		lines[0] = "https://changed.example.com";
		assertThat(request.origin()).isEqualTo(APP);
		assertThat(request.origins()).isUnmodifiable();
	}

	@Test
	void requestsWithTheSameValuesAreEqual() {
		PlainCorsRequest one = PlainCorsRequest.preflight(APP, "PUT").path("/api").build();
		PlainCorsRequest same = PlainCorsRequest.builder()
			.method("OPTIONS")
			.path("/api")
			.origin(APP)
			.accessControlRequestMethod("PUT")
			.build();
		assertThat(one).isEqualTo(same).hasSameHashCodeAs(same);
		assertThat(one).isNotEqualTo(PlainCorsRequest.preflight(APP, "PUT").path("/api").port(443).build());
		assertThat(one).isNotEqualTo(PlainCorsRequest.preflight(APP, "PUT").path("/api").host("x.invalid").build());
		assertThat(one).isNotEqualTo(PlainCorsRequest.preflight(APP, "PUT").path("/api").scheme("http").build());
		assertThat(one).isNotEqualTo(PlainCorsRequest.preflight(APP, "GET").path("/api").build());
		assertThat(one)
			.isNotEqualTo(PlainCorsRequest.preflight(APP, "PUT").path("/api").accessControlRequestHeaders("x").build());
		assertThat(one).isNotEqualTo(
				PlainCorsRequest.preflight(APP, "PUT").path("/api").accessControlRequestPrivateNetwork("true").build());
		assertThat(one).isNotEqualTo(PlainCorsRequest.preflight(APP, "PUT").build());
		assertThat(one).isNotEqualTo(PlainCorsRequest.preflight(APP, "PUT").path("/api").method("GET").build());
		assertThat(one).isNotEqualTo(PlainCorsRequest.preflight("https://b.example.com", "PUT").path("/api").build());
		assertThat(one).isNotEqualTo("OPTIONS /api");
	}

	@Test
	void toStringShowsWhatTheEngineReads() {
		assertThat(PlainCorsRequest.builder().build()).hasToString("GET / to https://server.invalid");
		assertThat(PlainCorsRequest.preflight(APP, "PUT")
			.path("/api")
			.accessControlRequestHeaders("x-a")
			.accessControlRequestPrivateNetwork("true")
			.scheme("http")
			.host("api.example.com")
			.port(8080)
			.build())
			.hasToString("OPTIONS /api Origin=https://app.example.com ACRM=PUT ACRH=x-a ACRPN=true"
					+ " to http://api.example.com:8080");
		assertThat(PlainCorsRequest.builder().origin("x".repeat(81)).build().toString())
			.contains("Origin=" + "x".repeat(40) + "...(81 chars)")
			.doesNotContain("x".repeat(41));
	}

	@Test
	void nullWhereTheEngineExpectsAValueIsRefusedByName() {
		PlainCorsRequest.Builder builder = PlainCorsRequest.builder();
		assertThatIllegalArgumentException().isThrownBy(() -> builder.method(null))
			.withMessage("method must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.path(null)).withMessage("path must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.scheme(null))
			.withMessage("scheme must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.host(null)).withMessage("host must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.origins(APP, null))
			.withMessage("an origin must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.origins((String[]) null))
			.withMessage("origins must not be null");
		assertThat(builder.build()).isEqualTo(PlainCorsRequest.builder().build());
	}

	@Test
	void policyDecidesAPlainRequest() {
		CorsPolicy policy = CorsPolicy.compile(CorsSettings.builder().origins(APP).build());
		assertThat(policy.decide(PlainCorsRequest.builder().origin(APP).build()).kind())
			.isEqualTo(CorsDecision.Kind.ALLOWED);
		assertThat(policy.decide(PlainCorsRequest.preflight(APP, "PUT").build()).kind())
			.isEqualTo(CorsDecision.Kind.PREFLIGHT);
		assertThat(policy.decide(PlainCorsRequest.builder().origin("https://server.invalid").build()).kind())
			.isEqualTo(CorsDecision.Kind.SAME_ORIGIN);
		assertThat(policy.decide(PlainCorsRequest.builder().origins(APP, APP).build()).kind())
			.isEqualTo(CorsDecision.Kind.REJECTED);
	}

}
