package io.github.corsstarter.benchmarks.doubles;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reactive doubles are Spring's own Reactor Netty request and response over the
 * stand-ins, so that what a filter reads and writes in the benchmark is what it reads and
 * writes on Reactor Netty: the Netty headers behind Spring's are the stand-ins', a status
 * reaches the stand-in, and a body written is read and released.
 */
class ReactorNettyDoublesTests {

	@Test
	void requestIsSpringsReactorNettyRequestOverTheDecodedHeaders() {
		HttpHeaders headers = new DefaultHttpHeaders().add("Origin", "https://app.example.com");
		ServerHttpRequest request = ReactorNettyRequests.create("OPTIONS", "https", "api.example.com", 443,
				"/api/data?x=1", headers);
		assertThat(request.getClass().getName())
			.isEqualTo("org.springframework.http.server.reactive.ReactorServerHttpRequest");
		assertThat(request.getMethod()).isEqualTo(HttpMethod.OPTIONS);
		assertThat(request.getURI()).isEqualTo(URI.create("https://api.example.com/api/data?x=1"));
		assertThat(request.getHeaders().getOrigin()).isEqualTo("https://app.example.com");
		HttpServerRequest nettyRequest = org.springframework.http.server.reactive.ServerHttpRequestDecorator
			.getNativeRequest(request);
		assertThat(nettyRequest.requestHeaders()).isSameAs(headers);
		assertThat(request.getBody().collectList().block()).isEmpty();
	}

	@Test
	void responseIsSpringsReactorNettyResponseOverNewHeaders() {
		ServerHttpResponse response = ReactorNettyResponses.create();
		assertThat(response.getClass().getName())
			.isEqualTo("org.springframework.http.server.reactive.ReactorServerHttpResponse");
		HttpServerResponse nettyResponse = ServerHttpResponseDecorator.getNativeResponse(response);
		response.getHeaders().set("Access-Control-Allow-Origin", "https://app.example.com");
		assertThat(nettyResponse.responseHeaders().get("access-control-allow-origin"))
			.isEqualTo("https://app.example.com");
		assertThat(ReactorNettyResponses.create().getHeaders().toSingleValueMap())
			.containsExactly(java.util.Map.entry("transfer-encoding", "chunked"));
	}

	@Test
	void writtenStatusReachesTheStandInAndTheBodyIsReleased() {
		ServerHttpResponse response = ReactorNettyResponses.create();
		ByteBuf body = Unpooled.copiedBuffer("{}", StandardCharsets.UTF_8);
		response.setStatusCode(HttpStatus.FORBIDDEN);
		response.writeWith(Mono.just(new NettyDataBufferFactory(body.alloc()).wrap(body))).block();
		assertThat(response.isCommitted()).isTrue();
		HttpServerResponse nettyResponse = ServerHttpResponseDecorator.getNativeResponse(response);
		assertThat(nettyResponse.status().code()).isEqualTo(403);
		assertThat(body.refCnt()).isZero();
	}

	@Test
	void aBodySentAsOneMessageIsReleasedToo() {
		ServerHttpResponse response = ReactorNettyResponses.create();
		ByteBuf body = Unpooled.copiedBuffer("{}", StandardCharsets.UTF_8);
		response.setStatusCode(HttpStatus.FORBIDDEN);
		HttpServerResponse nettyResponse = ServerHttpResponseDecorator.getNativeResponse(response);
		response.setComplete().then(nettyResponse.sendObject(body).then()).block();
		assertThat(nettyResponse.status().code()).isEqualTo(403);
		assertThat(body.refCnt()).isZero();
	}

}
