package io.github.corsstarter.reactive;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.github.corsstarter.IgnoredHeaderWarnings;
import io.github.corsstarter.policy.CorsPolicy;
import io.github.corsstarter.policy.CorsSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link CorsPolicyWebFilter} and {@link CorsErrorHeadersHandler} owning the
 * CORS headers of covered responses: what the rest of the chain writes is removed when
 * the response commits, or before an error response is rendered, and reported once per
 * header name, while uncovered paths are left to the application.
 */
@ExtendWith(OutputCaptureExtension.class)
class CorsPolicyWebFilterTests {

	private static final String ORIGIN = "https://app.example.com";

	private final CorsPolicyWebFilter filter = new CorsPolicyWebFilter(
			CorsPolicy.compile(CorsSettings.builder().origins(ORIGIN).paths("/api/**").build()),
			new ProblemDetailRejectionHandler());

	private final List<ServerWebExchange> chainExchanges = new ArrayList<>();

	@Test
	void corsHeaderTheApplicationWritesIsLoggedOncePerNameWithThePath(CapturedOutput output) {
		MockServerWebExchange first = filter(get("/api/data", ORIGIN), (headers) -> {
			headers.add("Access-Control-Allow-Origin", "*");
			headers.set("Access-Control-Max-Age", "600");
		});
		assertThat(first.getResponse().getHeaders().get("Access-Control-Allow-Origin")).containsExactly(ORIGIN);
		assertThat(first.getResponse().getHeaders().get("Access-Control-Max-Age")).isNull();
		MockServerWebExchange second = filter(get("/api/other", ORIGIN), (headers) -> {
			headers.add("access-control-allow-origin", "*");
			headers.set("Access-Control-Allow-Credentials", "true");
		});
		assertThat(second.getResponse().getHeaders().get("Access-Control-Allow-Origin")).containsExactly(ORIGIN);
		assertThat(second.getResponse().getHeaders().get("Access-Control-Allow-Credentials")).isNull();
		IgnoredHeaderWarnings.assertOncePerNameWithThePath(output);
	}

	@Test
	void requestWithoutOriginKeepsNoCorsHeaderOfTheApplications() {
		MockServerWebExchange exchange = filter(get("/api/data", null), (headers) -> {
			headers.add("Access-Control-Allow-Origin", "*");
			headers.set("Vary", "Accept-Encoding");
		});
		assertThat(exchange.getResponse().getHeaders().headerNames()).containsExactly("Vary");
		assertThat(exchange.getResponse().getHeaders().get("Vary")).containsExactly("Accept-Encoding, Origin");
	}

	@Test
	void uncoveredPathIsLeftToTheApplication(CapturedOutput output) {
		MockServerWebExchange exchange = filter(get("/static/app.js", ORIGIN),
				(headers) -> headers.add("Access-Control-Allow-Origin", "*"));
		assertThat(this.chainExchanges).containsExactly(exchange);
		assertThat(exchange.getResponse().getHeaders().get("Access-Control-Allow-Origin")).containsExactly("*");
		assertThat(warnings(output)).isEmpty();
	}

	@Test
	void errorHeadersHandlerRestoresTheDecisionsHeadersBeforeTheErrorResponseIsRendered(CapturedOutput output) {
		MockServerWebExchange exchange = MockServerWebExchange.from(get("/api/data", ORIGIN));
		IllegalStateException failure = new IllegalStateException("boom");
		WebFilterChain chain = (chained) -> {
			chained.getResponse().getHeaders().add("Access-Control-Allow-Origin", "*");
			chained.getResponse().getHeaders().set("Vary", "Accept-Encoding");
			return Mono.error(failure);
		};
		// As WebFlux does: the exception handlers get the exchange's own response,
		// outside the filter chain.
		Mono<Void> handled = this.filter.filter(exchange, chain)
			.onErrorResume((ex) -> new CorsErrorHeadersHandler(this.filter).handle(exchange, ex));
		assertThatIllegalStateException().isThrownBy(handled::block).isSameAs(failure);
		HttpHeaders headers = exchange.getResponse().getHeaders();
		assertThat(exchange.getResponse().isCommitted()).isFalse();
		assertThat(headers.get("Access-Control-Allow-Origin")).containsExactly(ORIGIN);
		assertThat(headers.get("Vary")).containsExactly("Accept-Encoding, Origin");
		assertThat(warnings(output)).singleElement()
			.satisfies((line) -> assertThat(line).contains("Access-Control-Allow-Origin", "/api/data"));
	}

	@Test
	void errorHeadersHandlerLeavesUncoveredPathsAndCommittedResponsesAlone() {
		CorsErrorHeadersHandler handler = new CorsErrorHeadersHandler(this.filter);
		MockServerWebExchange uncovered = MockServerWebExchange.from(get("/static/app.js", ORIGIN));
		uncovered.getResponse().getHeaders().add("Access-Control-Allow-Origin", "*");
		handler.handle(uncovered, new IllegalStateException()).onErrorComplete().block();
		assertThat(uncovered.getResponse().getHeaders().get("Access-Control-Allow-Origin")).containsExactly("*");
		MockServerWebExchange committed = MockServerWebExchange.from(get("/api/data", ORIGIN));
		committed.getResponse().getHeaders().add("Access-Control-Allow-Origin", "*");
		committed.getResponse().setComplete().block();
		handler.handle(committed, new IllegalStateException()).onErrorComplete().block();
		assertThat(committed.getResponse().getHeaders().get("Access-Control-Allow-Origin")).containsExactly("*");
	}

	@Test
	void errorHeadersHandlerComesBeforeTheHandlersThatRenderErrors() {
		assertThat(new CorsErrorHeadersHandler(this.filter).getOrder()).isLessThan(-1);
	}

	private MockServerWebExchange filter(MockServerHttpRequest request, Consumer<HttpHeaders> writes) {
		MockServerWebExchange exchange = MockServerWebExchange.from(request);
		WebFilterChain chain = (chained) -> {
			this.chainExchanges.add(chained);
			writes.accept(chained.getResponse().getHeaders());
			return chained.getResponse().setComplete();
		};
		this.filter.filter(exchange, chain).block();
		return exchange;
	}

	private static MockServerHttpRequest get(String path, String origin) {
		MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("http://api.example.com" + path);
		if (origin != null) {
			request.header("Origin", origin);
		}
		return request.build();
	}

	private static List<String> warnings(CapturedOutput output) {
		return IgnoredHeaderWarnings.of(output);
	}

}
