package io.github.corsstarter.reactive;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaders;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the request side of {@link NettyCorsExchange}: Reactor Netty's own request is
 * read on Netty's headers, every CORS request header as Spring's headers show it, any
 * other request through Spring's API; the answer comes after the body as
 * {@link AnswerAfterBody} gives it.
 */
class NettyCorsExchangeRequestTests {

	@Test
	void readsWhatSpringsHeadersShowForEveryShapeOfHeader() {
		List<List<String[]>> shapes = List.of(List.of(), List.<String[]>of(line("Origin", "https://a.example")),
				List.of(line("origin", "https://a.example"), line("ORIGIN", "https://b.example")),
				List.of(line("Origin", "null"), line("Access-Control-Request-Method", "PUT"),
						line("Access-Control-Request-Headers", "x-a, x-b")),
				List.of(line("Origin", "https://a.example"), line("access-control-request-method", "patch"),
						line("Access-Control-Request-Headers", "x-a"), line("access-control-request-headers", "x-b"),
						line("Access-Control-Request-Headers", ""),
						line("Access-Control-Request-Private-Network", "true")),
				List.of(line("Access-Control-Request-Headers", ""), line("Access-Control-Request-Method", "")));
		for (List<String[]> shape : shapes) {
			HttpHeaders headers = new DefaultHttpHeaders();
			shape.forEach((line) -> headers.add(line[0], line[1]));
			ServerWebExchange exchange = NettyCorsExchangeResponseTests.exchange(
					ReactorNettyExchanges.request("OPTIONS", headers, Flux.empty()), ReactorNettyExchanges.response());
			ReactiveCorsExchange native_ = NettyCorsExchange.of(exchange);
			assertThat(native_).isNotNull();
			ReactiveCorsExchange spring = new ReactiveCorsExchange(exchange);
			String description = headers.toString();
			assertThat(native_.origin()).as(description).isEqualTo(spring.origin());
			assertThat(native_.hasSeveralOrigins()).as(description).isEqualTo(spring.hasSeveralOrigins());
			assertThat(native_.accessControlRequestMethod()).as(description)
				.isEqualTo(spring.accessControlRequestMethod());
			assertThat(native_.accessControlRequestHeaders()).as(description)
				.isEqualTo(spring.accessControlRequestHeaders());
			assertThat(native_.accessControlRequestPrivateNetwork()).as(description)
				.isEqualTo(spring.accessControlRequestPrivateNetwork());
		}
	}

	@Test
	void otherRequestsAndDecoratorsAreReadThroughSpringsApi() {
		HttpHeaders headers = new DefaultHttpHeaders().add("Origin", "https://a.example");
		ServerHttpRequest reactor = ReactorNettyExchanges.request("GET", headers, Flux.empty());
		// A request an earlier filter changed has headers of its own.
		org.springframework.http.HttpHeaders changedHeaders = new org.springframework.http.HttpHeaders();
		changedHeaders.set("Origin", "https://b.example");
		ServerHttpRequest changed = new ServerHttpRequestDecorator(reactor) {

			@Override
			public org.springframework.http.HttpHeaders getHeaders() {
				return changedHeaders;
			}

		};
		assertThat(netty(changed).origin()).isEqualTo("https://b.example");
		assertThat(netty(new ServerHttpRequestDecorator(reactor)).origin()).isEqualTo("https://a.example");
		assertThat(netty(reactor).origin()).isEqualTo("https://a.example");
	}

	@Test
	void answersOnceTheBodyHasEnded() {
		List<String> events = new ArrayList<>();
		Flux<HttpContent> body = Flux.just("ab", "cd")
			.<HttpContent>map((text) -> new DefaultHttpContent(Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII)))
			.doOnNext((buffer) -> events.add("buffer"))
			.doOnComplete(() -> events.add("end"));
		ReactiveCorsExchange request = netty(ReactorNettyExchanges.request("OPTIONS", new DefaultHttpHeaders(), body));
		request.answerAfterBody(() -> Mono.fromRunnable(() -> events.add("answer")), 100).block();
		assertThat(events).containsExactly("buffer", "buffer", "end", "answer");
	}

	@Test
	void answersAtOnceOncePastTheLimit() {
		AtomicInteger sent = new AtomicInteger();
		// The messages of Reactor Netty's inbound: HTTP content.
		Flux<HttpContent> endless = Flux
			.<HttpContent>generate((sink) -> sink.next(new DefaultHttpContent(Unpooled.wrappedBuffer(new byte[1024]))))
			.doOnNext((buffer) -> sent.incrementAndGet());
		ReactiveCorsExchange request = netty(ReactorNettyExchanges.request("POST", new DefaultHttpHeaders(), endless));
		AtomicReference<String> answered = new AtomicReference<>();
		request.answerAfterBody(() -> Mono.fromRunnable(() -> answered.set("answer")), 4 * 1024).block();
		assertThat(answered).hasValue("answer");
		assertThat(sent).hasValue(5);
	}

	@Test
	void reactorNettysRequestOnARealServerIsRecognisedAndReadAsSent() throws Exception {
		AtomicReference<List<Object>> read = new AtomicReference<>();
		DisposableServer server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.handle(new ReactorHttpHandlerAdapter((request, response) -> {
				NettyCorsExchange exchange = NettyCorsExchange
					.of(NettyCorsExchangeResponseTests.exchange(request, response));
				if (exchange != null) {
					read.set(List.of(String.valueOf(exchange.origin()), exchange.hasSeveralOrigins(),
							String.valueOf(exchange.accessControlRequestMethod()),
							String.valueOf(exchange.accessControlRequestHeaders())));
				}
				return response.setComplete();
			}))
			.bindNow();
		try (Socket socket = new Socket("127.0.0.1", server.port())) {
			socket.getOutputStream()
				.write(("OPTIONS /api HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: https://a.example\r\n"
						+ "Origin: https://b.example\r\nAccess-Control-Request-Method: PUT\r\n"
						+ "Access-Control-Request-Headers: x-a\r\naccess-control-request-headers: x-b\r\n"
						+ "Connection: close\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
			assertThat(answer).startsWith("HTTP/1.1 200");
		}
		finally {
			server.disposeNow();
		}
		assertThat(read.get()).containsExactly("https://a.example", true, "PUT", "x-a,x-b");
	}

	private static ReactiveCorsExchange netty(ServerHttpRequest request) {
		return NettyCorsExchange.of(NettyCorsExchangeResponseTests.exchange(request, ReactorNettyExchanges.response()));
	}

	private static String[] line(String name, String value) {
		return new String[] { name, value };
	}

}
