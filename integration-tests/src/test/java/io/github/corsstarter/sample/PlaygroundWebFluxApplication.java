package io.github.corsstarter.sample;

import io.github.corsstarter.e2e.HandlerRuns;
import io.github.corsstarter.sample.playground.WebFluxPlayground;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The sample application's API and playground on WebFlux: the sample's own controllers on
 * the main Netty server ({@link ApiController}, and the playground's through
 * {@link WebFluxPlayground}), the sample's page on a second one at
 * {@code sample.frontend.port}, and the sample's {@code application.yml}, which is on the
 * class path. Run it with {@code spring.main.web-application-type=reactive}.
 * <p>
 * A class of this package, although it is a test's, so that it can import the sample's
 * package-private controller; a {@link TestComponent}, so that the sample's component
 * scan leaves it (and its advice) out of
 * {@link io.github.corsstarter.sample.playground.PlaygroundBrowserTests}.
 */
@SpringBootConfiguration
@TestComponent
@EnableAutoConfiguration
@Import({ ApiController.class, WebFluxPlayground.class, PlaygroundWebFluxApplication.CountHandlerRuns.class })
public class PlaygroundWebFluxApplication {

	@Bean
	HandlerRuns handlerRuns() {
		return new HandlerRuns();
	}

	/**
	 * Counts the API's handler invocations: a model attribute method of an advice runs
	 * before every handler method of the sample's controllers, and only then, so a
	 * request that CORS refuses never gets here. The sample itself has no test code.
	 */
	@ControllerAdvice(basePackageClasses = ApiController.class)
	static class CountHandlerRuns {

		private final HandlerRuns handlerRuns;

		CountHandlerRuns(HandlerRuns handlerRuns) {
			this.handlerRuns = handlerRuns;
		}

		@ModelAttribute
		void recordHandlerRun(ServerHttpRequest request) {
			this.handlerRuns.record(request.getHeaders().getOrigin());
		}

	}

}
