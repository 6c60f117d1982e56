package io.github.corsstarter.http;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.github.corsstarter.http.CorsTestApplication.HandlerInvocations;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.WebFilter;

/**
 * Handlers and a filter that write CORS headers themselves, as an application that
 * handled CORS before the starter did: the same paths and the same writes on each web
 * stack, through the stack's own response API (a servlet response's
 * {@code setHeader}/{@code addHeader}, a reactive response's header map), and a leftover
 * {@code @CrossOrigin}, which works on both.
 */
@Configuration(proxyBeanMethods = false)
class HeaderWritingHandlers {

	/**
	 * The origin a leftover {@code @CrossOrigin} allows, and the starter's policy does
	 * not.
	 */
	static final String PARTNER = "https://partner.example.com";

	/**
	 * The paths whose handlers write headers, each after {@code /api/writes/} or
	 * {@code /public/writes/}.
	 */
	enum Writes {

		/** {@code Vary: Accept-Encoding}, replacing the response's {@code Vary}. */
		VARY,

		/** {@code Access-Control-Allow-Origin: *}, added. */
		ALLOW_ORIGIN,

		/** {@code Access-Control-Allow-Credentials: true}, set. */
		CREDENTIALS,

		/**
		 * {@code Access-Control-Max-Age}, set, and {@code Access-Control-Expose-Headers},
		 * added.
		 */
		EXPOSED_AND_MAX_AGE,

		/** All of the above and the preflight's headers. */
		EVERYTHING;

		/**
		 * Returns the writes a path segment names: {@code allow-origin} for
		 * {@link #ALLOW_ORIGIN}.
		 */
		static Writes of(String segment) {
			return valueOf(segment.toUpperCase(Locale.ROOT).replace('-', '_'));
		}

	}

	/**
	 * Writes headers on a response, whichever the web stack.
	 */
	interface HeaderWriter {

		void set(String name, String value);

		void add(String name, String value);

	}

	static void write(Writes writes, HeaderWriter writer) {
		if (writes == Writes.VARY || writes == Writes.EVERYTHING) {
			writer.set("Vary", "Accept-Encoding");
		}
		if (writes == Writes.ALLOW_ORIGIN || writes == Writes.EVERYTHING) {
			writer.add("Access-Control-Allow-Origin", "*");
		}
		if (writes == Writes.CREDENTIALS || writes == Writes.EVERYTHING) {
			writer.set("Access-Control-Allow-Credentials", "true");
		}
		if (writes == Writes.EXPOSED_AND_MAX_AGE || writes == Writes.EVERYTHING) {
			writer.set("Access-Control-Max-Age", "86400");
			writer.add("Access-Control-Expose-Headers", "X-Secret");
		}
		if (writes == Writes.EVERYTHING) {
			// In lower case, as some code writes them: header names are case-insensitive.
			writer.set("access-control-allow-methods", "*");
			writer.set("Access-Control-Allow-Headers", "*");
			writer.set("Access-Control-Allow-Private-Network", "true");
		}
	}

	/**
	 * Handlers that are the same on both stacks: one that still carries the
	 * {@code @CrossOrigin} it had before the starter, naming an origin the starter's
	 * policy does not allow, and one behind the filter that writes CORS headers.
	 */
	@RestController
	static class CrossOriginController {

		private final HandlerInvocations invocations;

		CrossOriginController(HandlerInvocations invocations) {
			this.invocations = invocations;
		}

		@CrossOrigin(PARTNER)
		@GetMapping("/api/partner")
		String partner() {
			this.invocations.record("/api/partner");
			return "partner";
		}

		@GetMapping("/api/filtered")
		String filtered() {
			this.invocations.record("/api/filtered");
			return "filtered";
		}

	}

	// One configuration per web stack: their handlers and filters write through that
	// stack's own API.
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	static class Servlet {

		/**
		 * A filter after the starter's that adds its own CORS header and replaces
		 * {@code Vary}.
		 */
		@Bean
		FilterRegistrationBean<OncePerRequestFilter> headerWritingFilter() {
			return new FilterRegistrationBean<>(new OncePerRequestFilter() {

				@Override
				protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
						FilterChain chain) throws ServletException, IOException {
					if (request.getRequestURI().equals("/api/filtered")) {
						response.addHeader("Access-Control-Allow-Origin", "*");
						response.setHeader("Vary", "Accept-Encoding");
					}
					chain.doFilter(request, response);
				}

			});
		}

		@RestController
		static class ServletController {

			private final HandlerInvocations invocations;

			ServletController(HandlerInvocations invocations) {
				this.invocations = invocations;
			}

			@GetMapping({ "/api/writes/{writes}", "/public/writes/{writes}" })
			String writes(HttpServletRequest request, HttpServletResponse response,
					@PathVariable("writes") String writes) {
				this.invocations.record(request.getRequestURI());
				write(Writes.of(writes), writer(response));
				return writes;
			}

			/**
			 * Writes on an async dispatch, which goes on with the response the request
			 * dispatch saw.
			 */
			@GetMapping("/api/writes/{writes}/async")
			Callable<String> async(HttpServletRequest request, HttpServletResponse response,
					@PathVariable("writes") String writes) {
				this.invocations.record(request.getRequestURI());
				return () -> {
					write(Writes.of(writes), writer(response));
					return writes;
				};
			}

			@GetMapping("/api/writes/{writes}/unauthorized")
			String unauthorized(HttpServletRequest request, HttpServletResponse response,
					@PathVariable("writes") String writes) {
				this.invocations.record(request.getRequestURI());
				write(Writes.of(writes), writer(response));
				throw new ResponseStatusException(HttpStatus.UNAUTHORIZED);
			}

			@GetMapping("/api/writes/{writes}/boom")
			String boom(HttpServletRequest request, HttpServletResponse response,
					@PathVariable("writes") String writes) {
				this.invocations.record(request.getRequestURI());
				write(Writes.of(writes), writer(response));
				throw new IllegalStateException("boom");
			}

			private static HeaderWriter writer(HttpServletResponse response) {
				return new HeaderWriter() {

					@Override
					public void set(String name, String value) {
						// The typed setters too: they are other ways into the response's
						// headers.
						if (name.equals("Access-Control-Max-Age")) {
							response.setIntHeader(name, Integer.parseInt(value));
						}
						else {
							response.setHeader(name, value);
						}
					}

					@Override
					public void add(String name, String value) {
						response.addHeader(name, value);
					}

				};
			}

		}

	}

	// One configuration per web stack: their handlers and filters write through that
	// stack's own API.
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	static class Reactive {

		/**
		 * A web filter after the starter's that adds its own CORS header and replaces
		 * {@code Vary}.
		 */
		@Bean
		WebFilter headerWritingWebFilter() {
			return (exchange, chain) -> {
				if (exchange.getRequest().getPath().value().equals("/api/filtered")) {
					HttpHeaders headers = exchange.getResponse().getHeaders();
					headers.add("Access-Control-Allow-Origin", "*");
					headers.set("Vary", "Accept-Encoding");
				}
				return chain.filter(exchange);
			};
		}

		@RestController
		static class ReactiveController {

			private final HandlerInvocations invocations;

			ReactiveController(HandlerInvocations invocations) {
				this.invocations = invocations;
			}

			@GetMapping({ "/api/writes/{writes}", "/public/writes/{writes}" })
			Mono<String> writes(ServerHttpRequest request, ServerHttpResponse response,
					@PathVariable("writes") String writes) {
				this.invocations.record(request.getPath().value());
				write(Writes.of(writes), writer(response.getHeaders()));
				return Mono.just(writes);
			}

			@GetMapping("/api/writes/{writes}/async")
			Mono<String> async(ServerHttpRequest request, ServerHttpResponse response,
					@PathVariable("writes") String writes) {
				this.invocations.record(request.getPath().value());
				return Mono.fromCallable(() -> {
					write(Writes.of(writes), writer(response.getHeaders()));
					return writes;
				}).subscribeOn(Schedulers.boundedElastic());
			}

			@GetMapping("/api/writes/{writes}/unauthorized")
			Mono<String> unauthorized(ServerHttpRequest request, ServerHttpResponse response,
					@PathVariable("writes") String writes) {
				this.invocations.record(request.getPath().value());
				write(Writes.of(writes), writer(response.getHeaders()));
				return Mono.error(new ResponseStatusException(HttpStatus.UNAUTHORIZED));
			}

			@GetMapping("/api/writes/{writes}/boom")
			Mono<String> boom(ServerHttpRequest request, ServerHttpResponse response,
					@PathVariable("writes") String writes) {
				this.invocations.record(request.getPath().value());
				write(Writes.of(writes), writer(response.getHeaders()));
				return Mono.error(new IllegalStateException("boom"));
			}

			private static HeaderWriter writer(HttpHeaders headers) {
				return new HeaderWriter() {

					@Override
					public void set(String name, String value) {
						headers.set(name, value);
					}

					@Override
					public void add(String name, String value) {
						headers.add(name, value);
					}

				};
			}

		}

	}

}
