package io.github.corsstarter.reactive;

import java.nio.file.Path;
import java.util.List;

import io.github.corsstarter.policy.CorsDecision;
import io.github.corsstarter.policy.CorsPolicy;
import io.github.corsstarter.policy.CorsSettings;
import io.github.corsstarter.policy.IgnoredCorsHeaders;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ZeroCopyHttpOutputMessage;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CorsHeadersResponse}: every way of committing makes the CORS headers
 * the decision's again (the application's removed, {@code Vary} merged, an untouched
 * response only read), zero-copy responses stay zero-copy, and a committed response is
 * left alone.
 */
class CorsHeadersResponseTests {

	private static final String ORIGIN = "https://app.example.com";

	private final CorsPolicy policy = CorsPolicy
		.compile(CorsSettings.builder().origins(List.of(ORIGIN)).allowCredentials(true).build());

	@Test
	void setCompleteWritesTheHeadersAgain() {
		MockServerHttpResponse response = new MockServerHttpResponse();
		ServerHttpResponse decorated = decorate(response);
		assertThat(decorated).isNotInstanceOf(ZeroCopyHttpOutputMessage.class);
		replaceHeaders(response.getHeaders());
		decorated.setComplete().block();
		assertCorsHeaders(response.getHeaders());
	}

	@Test
	void writeWithWritesTheHeadersAgain() {
		MockServerHttpResponse response = new MockServerHttpResponse();
		ServerHttpResponse decorated = decorate(response);
		replaceHeaders(response.getHeaders());
		decorated.writeWith(Mono.just(response.bufferFactory().wrap(new byte[] { 'x' }))).block();
		assertCorsHeaders(response.getHeaders());
		assertThat(response.getBodyAsString().block()).isEqualTo("x");
	}

	@Test
	void writeAndFlushWithWritesTheHeadersAgain() {
		MockServerHttpResponse response = new MockServerHttpResponse();
		ServerHttpResponse decorated = decorate(response);
		replaceHeaders(response.getHeaders());
		decorated.writeAndFlushWith(Flux.just(Mono.just(response.bufferFactory().wrap(new byte[] { 'y' })))).block();
		assertCorsHeaders(response.getHeaders());
	}

	@Test
	void zeroCopyResponseStaysZeroCopyAndWritesTheHeadersAgain() {
		ZeroCopyResponse response = new ZeroCopyResponse();
		ServerHttpResponse decorated = decorate(response);
		assertThat(decorated).isInstanceOf(ZeroCopyHttpOutputMessage.class);
		replaceHeaders(response.getHeaders());
		((ZeroCopyHttpOutputMessage) decorated).writeWith(Path.of("file.txt"), 2, 5).block();
		assertCorsHeaders(response.getHeaders());
		assertThat(response.written).isEqualTo("file.txt 2 5");
	}

	@Test
	void corsHeadersTheApplicationWroteAreRemovedOnCommit() {
		MockServerHttpResponse response = new MockServerHttpResponse();
		ServerHttpResponse decorated = decorate(response);
		HttpHeaders headers = decorated.getHeaders();
		headers.add("Access-Control-Allow-Origin", "*");
		headers.set("Access-Control-Allow-Credentials", "false");
		headers.add("Access-Control-Expose-Headers", "X-Secret");
		headers.set("Access-Control-Max-Age", "600");
		headers.set("access-control-allow-methods", "*");
		headers.set("Access-Control-Allow-Headers", "*");
		headers.set("Access-Control-Allow-Private-Network", "true");
		decorated.setComplete().block();
		assertCorsHeaders(response.getHeaders());
		assertThat(response.getHeaders().headerNames()).containsExactlyInAnyOrder("Access-Control-Allow-Origin",
				"Access-Control-Allow-Credentials", "Vary");
	}

	@Test
	void untouchedResponseIsOnlyRead() {
		MockServerHttpResponse response = new MockServerHttpResponse();
		ServerHttpResponse decorated = decorate(response);
		// The map itself: once committed, the response hands out a read-only view, which
		// copies what it is asked.
		HttpHeaders headers = response.getHeaders();
		List<String> allowOrigin = headers.get("Access-Control-Allow-Origin");
		List<String> allowCredentials = headers.get("Access-Control-Allow-Credentials");
		List<String> vary = headers.get("Vary");
		decorated.setComplete().block();
		assertThat(response.isCommitted()).isTrue();
		assertThat(headers.get("Access-Control-Allow-Origin")).isSameAs(allowOrigin);
		assertThat(headers.get("Access-Control-Allow-Credentials")).isSameAs(allowCredentials);
		assertThat(headers.get("Vary")).isSameAs(vary);
	}

	@Test
	void varyTheApplicationAddedToIsMergedIntoOneLine() {
		MockServerHttpResponse response = new MockServerHttpResponse();
		ServerHttpResponse decorated = decorate(response);
		// As Spring's CORS processing does for a leftover @CrossOrigin: one line per
		// token missing.
		decorated.getHeaders().add("Vary", "Access-Control-Request-Method");
		decorated.getHeaders().add("Vary", "Origin");
		decorated.setComplete().block();
		assertThat(response.getHeaders().get("Vary")).containsExactly("Origin, Access-Control-Request-Method");
	}

	@Test
	void restoreHeadersBeforeAnErrorResponseIsRendered() {
		MockServerHttpResponse response = new MockServerHttpResponse();
		CorsHeadersResponse decorated = decorate(response);
		replaceHeaders(response.getHeaders());
		decorated.getHeaders().add("Access-Control-Allow-Origin", "*");
		decorated.restoreHeaders();
		assertCorsHeaders(response.getHeaders());
		assertThat(response.isCommitted()).isFalse();
	}

	@Test
	void committedResponseIsLeftAlone() {
		MockServerHttpResponse response = new MockServerHttpResponse();
		ServerHttpResponse decorated = decorate(response);
		response.setComplete().block();
		assertThat(response.isCommitted()).isTrue();
		decorated.setComplete().block();
		assertCorsHeaders(response.getHeaders());
	}

	private CorsHeadersResponse decorate(ServerHttpResponse response) {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("/api/data").header("Origin", ORIGIN));
		ReactiveCorsExchange cors = new ReactiveCorsExchange(exchange.mutate().response(response).build());
		CorsDecision decision = this.policy.decide(cors);
		assertThat(decision.kind()).isEqualTo(CorsDecision.Kind.ALLOWED);
		decision.writeHeaders(cors, cors);
		assertCorsHeaders(response.getHeaders());
		return CorsHeadersResponse.of(response, decision, cors, new IgnoredCorsHeaders());
	}

	/**
	 * What a handler might do: its own {@code Vary}, and a header of the starter's gone.
	 */
	private static void replaceHeaders(HttpHeaders headers) {
		headers.put("Vary", List.of("Accept-Encoding"));
		headers.remove("Access-Control-Allow-Origin");
	}

	private static void assertCorsHeaders(HttpHeaders headers) {
		assertThat(headers.get("Access-Control-Allow-Origin")).containsExactly(ORIGIN);
		assertThat(headers.get("Access-Control-Allow-Credentials")).containsExactly("true");
		assertThat(String.join(",", headers.get("Vary")).split(",\\s*")).containsOnlyOnce("Origin");
	}

	/** A response that sends files without copying them, as Reactor Netty's does. */
	private static final class ZeroCopyResponse extends MockServerHttpResponse implements ZeroCopyHttpOutputMessage {

		private String written = "";

		@Override
		public Mono<Void> writeWith(Path file, long position, long count) {
			this.written = file + " " + position + " " + count;
			return setComplete();
		}

	}

}
