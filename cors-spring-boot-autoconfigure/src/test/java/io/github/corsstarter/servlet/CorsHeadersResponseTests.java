package io.github.corsstarter.servlet;

import java.io.IOException;
import java.util.List;
import java.util.function.BiConsumer;

import io.github.corsstarter.policy.CorsDecision;
import io.github.corsstarter.policy.CorsPolicy;
import io.github.corsstarter.policy.CorsSettings;
import io.github.corsstarter.policy.IgnoredCorsHeaders;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CorsHeadersResponse}: the application's {@code Access-Control-*}
 * headers are ignored whichever setter writes them, its {@code Vary} is merged with the
 * decision's into one line, a reset brings the decision's headers back, and Spring's own
 * CORS processing leaves the starter's headers alone.
 */
class CorsHeadersResponseTests {

	private static final String ORIGIN = "https://app.example.com";

	private final CorsPolicy policy = CorsPolicy
		.compile(CorsSettings.builder().origins(ORIGIN).allowCredentials(true).exposedHeaders("X-Total-Count").build());

	private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/data");

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	/**
	 * The six ways a servlet response takes a header: set and add, a string, an int and a
	 * date. Their values: {@code a}, {@code b}, {@code 3}, {@code 4} and the epoch twice.
	 */
	private static final List<BiConsumer<HttpServletResponse, String>> SETTERS = List.of(
			(response, name) -> response.setHeader(name, "a"), (response, name) -> response.addHeader(name, "b"),
			(response, name) -> response.setIntHeader(name, 3), (response, name) -> response.addIntHeader(name, 4),
			(response, name) -> response.setDateHeader(name, 0), (response, name) -> response.addDateHeader(name, 0));

	@Test
	void corsHeadersTheApplicationWritesAreIgnoredWhicheverSetterWritesThem() {
		CorsHeadersResponse wrapper = allowed();
		List<String> names = List.of("Access-Control-Allow-Origin", "access-control-allow-origin",
				"Access-Control-Allow-Credentials", "Access-Control-Expose-Headers", "Access-Control-Max-Age",
				"Access-Control-Allow-Methods", "ACCESS-CONTROL-ALLOW-HEADERS");
		for (String name : names) {
			SETTERS.forEach((setter) -> setter.accept(wrapper, name));
		}
		assertStartersHeaders();
		assertThat(this.response.getHeaderNames()).containsExactlyInAnyOrder("Access-Control-Allow-Origin",
				"Access-Control-Allow-Credentials", "Access-Control-Expose-Headers", "Vary");
	}

	@Test
	void otherHeadersGoThrough() {
		CorsHeadersResponse wrapper = allowed();
		List<String> names = List.of("X-Custom", "X-Custom", "X-Count", "X-Count", "Last-Modified", "Expires");
		for (int i = 0; i < SETTERS.size(); i++) {
			SETTERS.get(i).accept(wrapper, names.get(i));
		}
		assertThat(this.response.getHeaders("X-Custom")).containsExactly("a", "b");
		assertThat(this.response.getHeaders("X-Count")).containsExactly("3", "4");
		assertThat(this.response.getHeaders("Last-Modified")).containsExactly("Thu, 01 Jan 1970 00:00:00 GMT");
		assertThat(this.response.getHeaders("Expires")).containsExactly("Thu, 01 Jan 1970 00:00:00 GMT");
		assertStartersHeaders();
	}

	@Test
	void varySetByTheApplicationKeepsTheDecisionsTokens() {
		CorsHeadersResponse wrapper = allowed();
		wrapper.setHeader("Vary", "Accept-Encoding");
		assertThat(this.response.getHeaders("Vary")).containsExactly("Accept-Encoding, Origin");
	}

	@Test
	void varyAddedByTheApplicationIsMergedIntoOneLine() {
		CorsHeadersResponse wrapper = allowed();
		wrapper.addHeader("Vary", "Origin");
		assertThat(this.response.getHeaders("Vary")).containsExactly("Origin");
		wrapper.addHeader("vary", "Accept-Encoding");
		assertThat(this.response.getHeaders("Vary")).containsExactly("Origin, Accept-Encoding");
		wrapper.addHeader("Vary", "accept-encoding");
		assertThat(this.response.getHeaders("Vary")).containsExactly("Origin, Accept-Encoding");
	}

	@Test
	void varyWrittenAsANumberOrADateStillKeepsTheDecisionsTokens() {
		CorsHeadersResponse wrapper = allowed();
		wrapper.setIntHeader("Vary", 1);
		assertThat(this.response.getHeaders("Vary")).containsExactly("1, Origin");
		wrapper.setDateHeader("Vary", 0);
		assertThat(this.response.getHeaders("Vary")).containsExactly("Thu, 01 Jan 1970 00:00:00 GMT, Origin");
		wrapper.addIntHeader("Vary", 2);
		assertThat(this.response.getHeaders("Vary")).containsExactly("Thu, 01 Jan 1970 00:00:00 GMT, Origin, 2");
		wrapper.addDateHeader("Vary", 0);
		assertThat(this.response.getHeaders("Vary")).containsExactly("Thu, 01 Jan 1970 00:00:00 GMT, Origin, 2");
	}

	@Test
	void resetBringsTheDecisionsHeadersBack() {
		CorsHeadersResponse wrapper = allowed();
		wrapper.setHeader("Vary", "Accept-Encoding");
		wrapper.setHeader("X-Custom", "a");
		wrapper.setStatus(500);
		wrapper.reset();
		assertThat(this.response.getStatus()).isEqualTo(200);
		assertThat(this.response.getHeaderNames()).doesNotContain("X-Custom");
		assertStartersHeaders();
		assertThat(this.response.getHeaders("Vary")).containsExactly("Origin");
	}

	@Test
	void restoreHeadersWritesPastTheWrapper() {
		CorsHeadersResponse wrapper = allowed();
		this.response.reset();
		wrapper.restoreHeaders();
		assertStartersHeaders();
	}

	@Test
	void requestWithoutOriginKeepsNoCorsHeader() {
		CorsHeadersResponse wrapper = wrap(decide());
		wrapper.addHeader("Access-Control-Allow-Origin", "*");
		wrapper.setHeader("Vary", "Accept-Encoding");
		assertThat(this.response.getHeaderNames()).containsExactly("Vary");
		assertThat(this.response.getHeaders("Vary")).containsExactly("Accept-Encoding, Origin");
	}

	@Test
	void springsCorsProcessingLeavesTheStartersHeadersAlone() throws IOException {
		CorsHeadersResponse wrapper = allowed();
		// What a leftover @CrossOrigin("https://partner.example.com") gives the handler
		// mapping.
		CorsConfiguration crossOrigin = new CorsConfiguration().applyPermitDefaultValues();
		crossOrigin.setAllowedOrigins(List.of("https://partner.example.com"));
		assertThat(new DefaultCorsProcessor().processRequest(crossOrigin, this.request, wrapper)).isTrue();
		assertStartersHeaders();
		assertThat(this.response.getHeaders("Vary"))
			.containsExactly("Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
		assertThat(this.response.getStatus()).isEqualTo(200);
	}

	@Test
	void findLooksThroughOtherWrappers() {
		CorsHeadersResponse wrapper = allowed();
		assertThat(CorsHeadersResponse.find(wrapper)).isSameAs(wrapper);
		assertThat(CorsHeadersResponse.find(new HttpServletResponseWrapper(new HttpServletResponseWrapper(wrapper))))
			.isSameAs(wrapper);
		assertThat(CorsHeadersResponse.find(this.response)).isNull();
		assertThat(CorsHeadersResponse.find(new HttpServletResponseWrapper(this.response))).isNull();
	}

	private CorsHeadersResponse allowed() {
		this.request.addHeader("Origin", ORIGIN);
		CorsDecision decision = decide();
		assertThat(decision.kind()).isEqualTo(CorsDecision.Kind.ALLOWED);
		CorsHeadersResponse wrapper = wrap(decision);
		assertStartersHeaders();
		return wrapper;
	}

	private CorsDecision decide() {
		ServletCorsExchange exchange = new ServletCorsExchange(this.request, this.response);
		CorsDecision decision = this.policy.decide(exchange);
		decision.writeHeaders(exchange, exchange);
		return decision;
	}

	private CorsHeadersResponse wrap(CorsDecision decision) {
		return new CorsHeadersResponse(this.request, this.response, decision, new IgnoredCorsHeaders());
	}

	private void assertStartersHeaders() {
		assertThat(this.response.getHeaders("Access-Control-Allow-Origin")).containsExactly(ORIGIN);
		assertThat(this.response.getHeaders("Access-Control-Allow-Credentials")).containsExactly("true");
		assertThat(this.response.getHeaders("Access-Control-Expose-Headers")).containsExactly("X-Total-Count");
		assertThat(this.response.getHeaders("Access-Control-Max-Age")).isEmpty();
		assertThat(this.response.getHeaders("Access-Control-Allow-Methods")).isEmpty();
		assertThat(this.response.getHeaders("Access-Control-Allow-Headers")).isEmpty();
	}

}
