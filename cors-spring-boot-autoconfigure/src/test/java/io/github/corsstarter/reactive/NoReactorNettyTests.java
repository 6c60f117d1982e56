package io.github.corsstarter.reactive;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests that the reactive filter runs where Reactor Netty is absent, as on WebFlux over
 * another server: the starter's classes are loaded by a class loader to which Netty and
 * Reactor Netty do not exist, and they answer a preflight, a refusal and an allowed
 * request without touching them.
 */
class NoReactorNettyTests {

	private static final String ORIGIN = "https://app.example.com";

	@Test
	void filterAnswersWithoutNetty() throws Exception {
		try (WithoutNetty loader = new WithoutNetty()) {
			assertThatExceptionOfType(ClassNotFoundException.class)
				.isThrownBy(() -> loader.loadClass("io.netty.handler.codec.http.HttpHeaders"));
			WebFilter filter = filter(loader);
			assertThat(filter.getClass().getClassLoader()).isSameAs(loader);

			MockServerWebExchange preflight = MockServerWebExchange.from(MockServerHttpRequest.options("/api/data")
				.header("Origin", ORIGIN)
				.header("Access-Control-Request-Method", "PUT"));
			filter.filter(preflight, (exchange) -> Mono.error(new AssertionError("passed on"))).block();
			assertThat(preflight.getResponse().getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
			assertThat(preflight.getResponse().getHeaders().getAccessControlAllowOrigin()).isEqualTo(ORIGIN);

			MockServerWebExchange refused = MockServerWebExchange
				.from(MockServerHttpRequest.get("/api/data").header("Origin", "https://other.example"));
			filter.filter(refused, (exchange) -> Mono.error(new AssertionError("passed on"))).block();
			assertThat(refused.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

			MockServerWebExchange allowed = MockServerWebExchange
				.from(MockServerHttpRequest.get("/api/data").header("Origin", ORIGIN));
			filter.filter(allowed, (exchange) -> {
				exchange.getResponse().getHeaders().set("Access-Control-Allow-Origin", "*");
				return exchange.getResponse().setComplete();
			}).block();
			assertThat(allowed.getResponse().getHeaders().get("Access-Control-Allow-Origin")).containsExactly(ORIGIN);
		}
	}

	private static WebFilter filter(ClassLoader loader) throws ReflectiveOperationException {
		Class<?> settingsType = loader.loadClass("io.github.corsstarter.policy.CorsSettings");
		Object builder = settingsType.getMethod("builder").invoke(null);
		builder.getClass().getMethod("origins", List.class).invoke(builder, List.of(ORIGIN));
		Object settings = builder.getClass().getMethod("build").invoke(builder);
		Class<?> policyType = loader.loadClass("io.github.corsstarter.policy.CorsPolicy");
		Object policy = policyType.getMethod("compile", settingsType).invoke(null, settings);
		Class<?> handlerType = loader.loadClass("io.github.corsstarter.reactive.CorsRejectionHandler");
		Object handler = loader.loadClass("io.github.corsstarter.reactive.ProblemDetailRejectionHandler")
			.getConstructor()
			.newInstance();
		return (WebFilter) loader.loadClass("io.github.corsstarter.reactive.CorsPolicyWebFilter")
			.getConstructor(policyType, handlerType)
			.newInstance(policy, handler);
	}

	/**
	 * Loads the starter's own classes itself, from where the test's class loader found
	 * them, and everything else from the test's class loader, except Netty and Reactor
	 * Netty, which it does not find.
	 */
	private static final class WithoutNetty extends URLClassLoader {

		WithoutNetty() {
			super(new URL[] { CorsPolicyWebFilterTests.class.getProtectionDomain().getCodeSource().getLocation(),
					io.github.corsstarter.policy.CorsPolicy.class.getProtectionDomain().getCodeSource().getLocation() },
					NoReactorNettyTests.class.getClassLoader());
		}

		@Override
		protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
			if (name.startsWith("io.netty.") || name.startsWith("reactor.netty.")) {
				throw new ClassNotFoundException(name + " is hidden from this test");
			}
			if (!name.startsWith("io.github.corsstarter.")) {
				return super.loadClass(name, resolve);
			}
			synchronized (getClassLoadingLock(name)) {
				Class<?> loaded = findLoadedClass(name);
				if (loaded == null) {
					loaded = findClass(name);
				}
				if (resolve) {
					resolveClass(loaded);
				}
				return loaded;
			}
		}

	}

}
