package io.github.corsstarter.benchmarks;

import io.github.corsstarter.benchmarks.doubles.ReactorNettyRequests;
import io.github.corsstarter.benchmarks.doubles.ReactorNettyResponses;
import io.github.corsstarter.reactive.CorsPolicyWebFilter;
import io.github.corsstarter.reactive.ProblemDetailRejectionHandler;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.adapter.DefaultServerWebExchange;
import org.springframework.web.server.i18n.AcceptHeaderLocaleContextResolver;
import org.springframework.web.server.i18n.LocaleContextResolver;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionManager;

/**
 * The whole reactive filter: the starter's {@link CorsPolicyWebFilter} against Spring's
 * {@link CorsWebFilter} with a {@link UrlBasedCorsConfigurationSource} mapping
 * {@code /**} to the same policy. Each operation runs a new exchange to a committed
 * response, as WebFlux's {@code HttpWebHandlerAdapter} does for each request on Reactor
 * Netty: a {@link DefaultServerWebExchange} with shared codecs, session manager and
 * locale resolver, over Spring's own request and response classes for Reactor Netty: a
 * new {@code ReactorServerHttpRequest} ({@link ReactorNettyRequests}: its URI built and
 * the scenario's headers, decoded once into Netty's {@code DefaultHttpHeaders}, seen
 * through Spring's adapter, as on a server) and a new {@code ReactorServerHttpResponse}
 * over new Netty headers ({@link ReactorNettyResponses}). (A
 * {@code MockServerWebExchange} creates its codecs anew for each exchange, some 46 KB per
 * operation, and a {@code MockServerHttpResponse} an exception with its stack trace:
 * either would drown both filters.) The exchange still allocates and takes time of its
 * own: {@link #withoutCors()} measures it, and a filter's own cost is its score minus
 * that one.
 */
public class ReactiveFilterBenchmark extends JmhSettings {

	/**
	 * The case measured: the request shapes, and one large allow-list and the patterns.
	 */
	@Param({ "NO_ORIGIN", "SAME_ORIGIN", "ALLOWED_SIMPLE", "PREFLIGHT", "PREFLIGHT_WITH_HEADERS", "REJECTED_ORIGIN",
			"REJECTED_PREFLIGHT", "ORIGINS_10000_LAST", "PATTERNS_100" })
	public Scenario scenario;

	private WebFilter starterFilter;

	private WebFilter springFilter;

	private WebFilter starterFilterEmpty403;

	private final WebFilter noFilter = (exchange, chain) -> chain.filter(exchange);

	private BenchmarkRequest request;

	private io.netty.handler.codec.http.HttpHeaders requestHeaders;

	private final ServerCodecConfigurer codecs = ServerCodecConfigurer.create();

	private final WebSessionManager sessions = new DefaultWebSessionManager();

	private final LocaleContextResolver locales = new AcceptHeaderLocaleContextResolver();

	private long handlerCalls;

	private @Nullable ServerHttpResponse handlerResponse;

	/**
	 * The application: it completes the response, as a handler returning nothing would.
	 */
	private final WebFilterChain handler = (exchange) -> {
		this.handlerCalls++;
		this.handlerResponse = exchange.getResponse();
		return exchange.getResponse().setComplete();
	};

	/**
	 * Builds both filters for the scenario and checks that they answer alike.
	 */
	@Setup
	public void setUp() {
		BenchmarkPolicy policy = this.scenario.policy();
		this.starterFilter = new CorsPolicyWebFilter(policy.starterPolicy(), new ProblemDetailRejectionHandler());
		this.starterFilterEmpty403 = new CorsPolicyWebFilter(policy.starterPolicy(), (exchange, reason) -> {
			exchange.getResponse().setStatusCode(HttpStatus.FORBIDDEN);
			return exchange.getResponse().setComplete();
		});
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/**", policy.springConfiguration());
		this.springFilter = new CorsWebFilter(source);
		this.request = this.scenario.request();
		this.requestHeaders = this.request.toNettyHeaders();
		Equivalence.require(this.scenario, "reactive filter", outcomeOf(this.starterFilter),
				outcomeOf(this.springFilter));
		Equivalence.require(this.scenario, "reactive filter, empty 403", outcomeOf(this.starterFilterEmpty403),
				outcomeOf(this.springFilter));
		requireDecoratorWherePassedOn();
	}

	/**
	 * Fails unless the starter hands a request it passes on to the application with its
	 * response decorator, which keeps the starter's CORS headers when the application
	 * commits: that is the path measured, as on a server.
	 */
	private void requireDecoratorWherePassedOn() {
		long callsBefore = this.handlerCalls;
		ServerHttpResponse response = handle(this.starterFilter).getResponse();
		if (this.handlerCalls > callsBefore && !(this.handlerResponse instanceof ServerHttpResponseDecorator decorator
				&& decorator.getDelegate() == response)) {
			throw new IllegalStateException(this.scenario + ": the starter passed the request on without its "
					+ "response decorator, but with " + this.handlerResponse);
		}
	}

	private Outcome outcomeOf(WebFilter filter) {
		long callsBefore = this.handlerCalls;
		ServerHttpResponse response = handle(filter).getResponse();
		HttpStatusCode status = response.getStatusCode();
		return Outcome.ofFilter((status != null) ? status.value() : 200, this.handlerCalls > callsBefore,
				response.getHeaders().getAccessControlAllowOrigin());
	}

	private ServerWebExchange handle(WebFilter filter) {
		ServerHttpResponse response = ReactorNettyResponses.create();
		ServerWebExchange exchange = new DefaultServerWebExchange(this.request.toReactiveRequest(this.requestHeaders),
				response, this.sessions, this.codecs, this.locales);
		filter.filter(exchange, this.handler).then(Mono.defer(response::setComplete)).block();
		return exchange;
	}

	/**
	 * The starter's filter.
	 * @return the exchange, for JMH to consume
	 */
	@Benchmark
	public ServerWebExchange starter() {
		return handle(this.starterFilter);
	}

	/**
	 * The starter's filter with a rejection handler that answers an empty 403, as
	 * Spring's filter does, instead of the default RFC 9457 body: what the body costs on
	 * a refusal. On other requests it is {@link #starter()} again.
	 * @return the exchange, for JMH to consume
	 */
	@Benchmark
	public ServerWebExchange starterEmpty403() {
		return handle(this.starterFilterEmpty403);
	}

	/**
	 * Spring's filter.
	 * @return the exchange, for JMH to consume
	 */
	@Benchmark
	public ServerWebExchange spring() {
		return handle(this.springFilter);
	}

	/**
	 * A filter that only passes the exchange on: the cost of the exchange itself, under
	 * both filters.
	 * @return the exchange, for JMH to consume
	 */
	@Benchmark
	public ServerWebExchange withoutCors() {
		return handle(this.noFilter);
	}

}
