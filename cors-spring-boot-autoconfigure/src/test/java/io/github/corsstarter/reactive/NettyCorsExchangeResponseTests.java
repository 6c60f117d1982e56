package io.github.corsstarter.reactive;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import io.github.corsstarter.policy.CorsDecision;
import io.github.corsstarter.policy.CorsHeaders;
import io.github.corsstarter.policy.CorsPolicy;
import io.github.corsstarter.policy.CorsSettings;
import io.github.corsstarter.policy.IgnoredCorsHeaders;
import io.github.corsstarter.policy.RejectionReason;
import io.netty.handler.codec.http.HttpHeaders;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerResponse;

import org.springframework.http.ResponseCookie;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;

import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.adapter.DefaultServerWebExchange;
import org.springframework.web.server.i18n.AcceptHeaderLocaleContextResolver;
import org.springframework.web.server.session.DefaultWebSessionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the response side of {@link NettyCorsExchange}: it is used for Reactor
 * Netty's own response only, the one-walk check finds every way a handler can change the
 * CORS headers, which the response decorator then restores, and a problem body written in
 * one send is the response {@code writeWith} writes.
 */
class NettyCorsExchangeResponseTests {

	private static final String ORIGIN = "https://app.example.com";

	private final CorsPolicy policy = CorsPolicy.compile(CorsSettings.builder()
		.origins(List.of(ORIGIN))
		.allowCredentials(true)
		.exposedHeaders(List.of("X-Total"))
		.build());

	@Test
	void reactorNettysResponseOnARealServerIsRecognisedAndStartsWithoutHeaders() throws Exception {
		AtomicReference<NettyCorsExchange> found = new AtomicReference<>();
		AtomicReference<Boolean> empty = new AtomicReference<>();
		HttpResponse<Void> response = getOnARealServer((request, reactorResponse) -> {
			found.set(NettyCorsExchange.of(exchange(request, reactorResponse)));
			// Reactor Netty starts a response with Transfer-Encoding: chunked; the
			// filter's one-step write of a decision's headers needs no CORS header
			// there yet.
			empty.set(reactorResponse.getHeaders()
				.headerNames()
				.stream()
				.noneMatch((name) -> CorsHeaders.isCorsHeader(name) || name.equalsIgnoreCase("Vary")));
			return reactorResponse.setComplete();
		}, HttpResponse.BodyHandlers.discarding());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(found.get()).isNotNull();
		assertThat(empty.get()).isTrue();
	}

	@Test
	void otherResponsesAndDecoratorsAreNot() {
		MockServerHttpRequest request = MockServerHttpRequest.get("/").build();
		assertThat(NettyCorsExchange.of(exchange(request, new MockServerHttpResponse()))).isNull();
		assertThat(NettyCorsExchange
			.of(exchange(request, new ServerHttpResponseDecorator(ReactorNettyExchanges.response())))).isNull();
		assertThat(NettyCorsExchange.of(exchange(request, ReactorNettyExchanges.response()))).isNotNull();
		assertThat(ReactiveCorsExchange.of(exchange(request, ReactorNettyExchanges.response())))
			.isInstanceOf(NettyCorsExchange.class);
		assertThat(ReactiveCorsExchange.of(exchange(request, new MockServerHttpResponse())))
			.isNotInstanceOf(NettyCorsExchange.class);
	}

	@Test
	void writesWhatTheSpringHeadersShow() {
		ServerHttpResponse response = ReactorNettyExchanges.response();
		Exchange exchange = decide(response);
		assertThat(response.getHeaders().get("Access-Control-Allow-Origin")).containsExactly(ORIGIN);
		assertThat(response.getHeaders().get("Access-Control-Allow-Credentials")).containsExactly("true");
		assertThat(response.getHeaders().get("Access-Control-Expose-Headers")).containsExactly("X-Total");
		assertThat(response.getHeaders().get("Vary")).containsExactly("Origin");
		assertThat(exchange.cors().getHeaders("Vary")).containsExactly("Origin");
		assertThat(exchange.cors().getHeaders("Access-Control-Max-Age")).isEmpty();
	}

	@Test
	void untouchedOrUnrelatedHeadersNeedNoRestoring() {
		Exchange exchange = decide(ReactorNettyExchanges.response());
		assertThat(exchange.carries()).isTrue();
		HttpHeaders headers = exchange.nettyHeaders();
		headers.add("Content-Type", "application/json");
		headers.add("Access-Control-Other", "x");
		headers.add("Vari", "x");
		headers.add("A", "x");
		assertThat(exchange.carries()).isTrue();
	}

	static List<Named<Consumer<HttpHeaders>>> changes() {
		return List.of(
				Named.of("a second Access-Control-Allow-Origin", (h) -> h.add("Access-Control-Allow-Origin", "*")),
				Named.of("the same name in lower case", (h) -> h.add("access-control-allow-origin", ORIGIN)),
				Named.of("another origin", (h) -> h.set("Access-Control-Allow-Origin", "https://evil.example")),
				Named.of("the origin in other case", (h) -> h.set("Access-Control-Allow-Origin", ORIGIN.toUpperCase())),
				Named.of("credentials removed", (h) -> h.remove("Access-Control-Allow-Credentials")),
				Named.of("credentials false", (h) -> h.set("Access-Control-Allow-Credentials", "false")),
				Named.of("exposed headers widened", (h) -> h.set("Access-Control-Expose-Headers", "*")),
				Named.of("a max age", (h) -> h.set("ACCESS-CONTROL-MAX-AGE", "600")),
				Named.of("allowed methods", (h) -> h.set("Access-Control-Allow-Methods", "*")),
				Named.of("allowed headers", (h) -> h.set("Access-Control-Allow-Headers", "*")),
				Named.of("private network", (h) -> h.set("Access-Control-Allow-Private-Network", "true")),
				Named.of("Vary replaced", (h) -> h.set("Vary", "Accept-Encoding")),
				Named.of("a second Vary line", (h) -> h.add("vary", "Accept-Encoding")),
				Named.of("Vary removed", (h) -> h.remove("Vary")), Named.of("everything cleared", HttpHeaders::clear));
	}

	@ParameterizedTest
	@MethodSource("changes")
	void everyChangeIsFoundAndRestoredOnCommit(Consumer<HttpHeaders> change) {
		ServerHttpResponse response = ReactorNettyExchanges.response();
		Exchange exchange = decide(response);
		change.accept(exchange.nettyHeaders());
		assertThat(exchange.carries()).isFalse();
		CorsHeadersResponse.of(response, exchange.decision(), exchange.cors(), new IgnoredCorsHeaders())
			.setComplete()
			.block();
		HttpHeaders headers = exchange.nettyHeaders();
		assertThat(headers.getAll("Access-Control-Allow-Origin")).containsExactly(ORIGIN);
		assertThat(headers.getAll("Access-Control-Allow-Credentials")).containsExactly("true");
		assertThat(headers.getAll("Access-Control-Expose-Headers")).containsExactly("X-Total");
		for (String absent : List.of("Access-Control-Max-Age", "Access-Control-Allow-Methods",
				"Access-Control-Allow-Headers", "Access-Control-Allow-Private-Network")) {
			assertThat(headers.contains(absent)).as(absent).isFalse();
		}
		assertThat(headers.getAll("Vary")).hasSize(1);
		// The application's Vary tokens are kept: a response whose Vary was changed keeps
		// taking the restoring path.
		assertThat(headers.get("Vary")).contains("Origin");
	}

	@Test
	void decisionWithoutVaryIgnoresTheApplicationsVary() {
		CorsPolicy wildcard = CorsPolicy.compile(CorsSettings.builder().origins(List.of("*")).build());
		ServerHttpResponse response = ReactorNettyExchanges.response();
		NettyCorsExchange cors = NettyCorsExchange
			.of(exchange(MockServerHttpRequest.get("/api/data").build(), response));
		CorsDecision decision = wildcard.decide(cors);
		assertThat(decision.vary()).isNull();
		decision.writeHeaders(cors, cors);
		HttpHeaders headers = nettyHeaders(response);
		headers.add("Vary", "Accept-Encoding");
		headers.add("Vary", "Accept-Language");
		assertThat(cors.carries(decision)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void problemBodyOnARealServerIsTheSameWrittenInOneSendOrThroughWriteWith(boolean decorated) throws Exception {
		List<String> committed = new CopyOnWriteArrayList<>();
		HttpResponse<String> response = getOnARealServer((request, reactorResponse) -> {
			ServerHttpResponse written = decorated ? new ServerHttpResponseDecorator(reactorResponse) : reactorResponse;
			written.beforeCommit(() -> Mono.fromRunnable(() -> committed.add("commit action")));
			written.addCookie(ResponseCookie.from("seen", "1").build());
			return new ProblemDetailRejectionHandler().reject(exchange(request, written),
					RejectionReason.ORIGIN_NOT_ALLOWED);
		}, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body())
			.isEqualTo(new String(RejectionReason.ORIGIN_NOT_ALLOWED.problemJson(), StandardCharsets.UTF_8));
		assertThat(response.headers().allValues("Content-Length"))
			.containsExactly(Integer.toString(RejectionReason.ORIGIN_NOT_ALLOWED.problemJson().length));
		assertThat(response.headers().allValues("Content-Type")).containsExactly("application/problem+json");
		assertThat(response.headers().allValues("Transfer-Encoding")).isEmpty();
		assertThat(response.headers().allValues("Set-Cookie")).singleElement()
			.satisfies((cookie) -> assertThat(cookie).startsWith("seen=1"));
		assertThat(committed).containsExactly("commit action");
	}

	@Test
	void bodyIsWrittenInOneSendOnReactorNettysResponseNotCommittedYetOnly() {
		ServerHttpResponse response = ReactorNettyExchanges.response();
		assertThat(NettyCorsExchange.writeBody(new ServerHttpResponseDecorator(response), "text/plain", new byte[1]))
			.isNull();
		assertThat(NettyCorsExchange.writeBody(new MockServerHttpResponse(), "text/plain", new byte[1])).isNull();
		Mono<Void> written = NettyCorsExchange.writeBody(response, "text/plain", new byte[3]);
		assertThat(written).isNotNull();
		written.block();
		assertThat(response.isCommitted()).isTrue();
		assertThat(response.getHeaders().get("Content-Type")).containsExactly("text/plain");
		assertThat(response.getHeaders().get("Content-Length")).containsExactly("3");
		assertThat(NettyCorsExchange.writeBody(response, "text/plain", new byte[1])).isNull();
	}

	@Test
	void contentHeadersAreReplacedNotAddedTo() {
		byte[] body = new byte[5];
		ServerHttpResponse first = ReactorNettyExchanges.response();
		Objects.requireNonNull(NettyCorsExchange.writeBody(first, "text/plain", body)).block();
		ServerHttpResponse written = ReactorNettyExchanges.response();
		written.getHeaders().set("Content-Type", "text/html");
		written.getHeaders().set("content-length", "99");
		Objects.requireNonNull(NettyCorsExchange.writeBody(written, "text/plain", body)).block();
		assertThat(written.getHeaders().get("Content-Type")).containsExactly("text/plain");
		assertThat(written.getHeaders().get("Content-Length")).containsExactly("5");
		ServerHttpResponse otherType = ReactorNettyExchanges.response();
		Objects.requireNonNull(NettyCorsExchange.writeBody(otherType, "application/json", body)).block();
		assertThat(otherType.getHeaders().get("Content-Type")).containsExactly("application/json");
	}

	/**
	 * Serves a handler on Reactor Netty, on 127.0.0.1, for one {@code GET /}.
	 */
	private static <T> HttpResponse<T> getOnARealServer(HttpHandler handler, HttpResponse.BodyHandler<T> body)
			throws Exception {
		DisposableServer server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.handle(new ReactorHttpHandlerAdapter(handler))
			.bindNow();
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/")).build(), body);
		}
		finally {
			server.disposeNow();
		}
	}

	private Exchange decide(ServerHttpResponse response) {
		NettyCorsExchange cors = NettyCorsExchange
			.of(exchange(MockServerHttpRequest.get("/api/data").header("Origin", ORIGIN).build(), response));
		assertThat(cors).isNotNull();
		CorsDecision decision = this.policy.decide(cors);
		assertThat(decision.kind()).isEqualTo(CorsDecision.Kind.ALLOWED);
		decision.writeHeaders(cors, cors);
		return new Exchange(cors, decision, nettyHeaders(response));
	}

	private static HttpHeaders nettyHeaders(ServerHttpResponse response) {
		return ((HttpServerResponse) ServerHttpResponseDecorator.getNativeResponse(response)).responseHeaders();
	}

	static ServerWebExchange exchange(ServerHttpRequest request, ServerHttpResponse response) {
		return new DefaultServerWebExchange(request, response, new DefaultWebSessionManager(),
				ServerCodecConfigurer.create(), new AcceptHeaderLocaleContextResolver());
	}

	private record Exchange(NettyCorsExchange cors, CorsDecision decision, HttpHeaders nettyHeaders) {

		boolean carries() {
			return this.cors.carries(this.decision);
		}

	}

}
