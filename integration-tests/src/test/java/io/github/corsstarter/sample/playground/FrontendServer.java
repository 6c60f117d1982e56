package io.github.corsstarter.sample.playground;

import java.net.URI;

import io.github.corsstarter.autoconfigure.CorsProperties;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The playground's frontend on WebFlux, where the sample's second Tomcat connector cannot
 * serve it: a Netty server of its own, on 127.0.0.1, that serves the sample's page
 * ({@code static/} in the sample's jar) and its {@code config.json}, which
 * {@link PlaygroundController} writes.
 */
class FrontendServer implements SmartLifecycle {

	private static final Resource PAGE = new ClassPathResource("static/");

	private static final Resource INDEX = new ClassPathResource("static/index.html");

	private final int port;

	private final Environment environment;

	private final CorsProperties cors;

	private @Nullable DisposableServer server;

	FrontendServer(int port, Environment environment, CorsProperties cors) {
		this.port = port;
		this.environment = environment;
		this.cors = cors;
	}

	@Override
	public void start() {
		RouterFunction<ServerResponse> routes = RouterFunctions.route()
			.GET("/", (request) -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(INDEX))
			.GET("/config.json", this::config)
			.resources("/**", PAGE)
			.build();
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(this.port)
			.handle(new ReactorHttpHandlerAdapter(RouterFunctions.toHttpHandler(routes)))
			.bindNow();
	}

	private Mono<ServerResponse> config(ServerRequest request) {
		URI page = request.uri();
		String pageOrigin = page.getScheme() + "://" + page.getHost() + ":" + page.getPort();
		return ServerResponse.ok().bodyValue(PlaygroundController.config(pageOrigin, this.environment, this.cors));
	}

	@Override
	public void stop() {
		if (this.server != null) {
			this.server.disposeNow();
			this.server = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.server != null;
	}

}
