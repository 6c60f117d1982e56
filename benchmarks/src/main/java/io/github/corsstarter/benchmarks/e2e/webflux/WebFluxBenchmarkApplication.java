package io.github.corsstarter.benchmarks.e2e.webflux;

import io.github.corsstarter.autoconfigure.CorsProperties;
import io.github.corsstarter.autoconfigure.SpringCorsConfigurations;
import io.github.corsstarter.benchmarks.e2e.DataController;
import io.github.corsstarter.benchmarks.e2e.EchoedCorsHeaders;
import io.github.corsstarter.policy.CorsPolicy;
import io.github.corsstarter.reactive.CorsPolicyWebFilter;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.autoconfigure.reactive.TomcatReactiveWebServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.WebFilter;

/**
 * The WebFlux API of the end-to-end benchmark, on Reactor Netty. With
 * {@code bench.cors=starter} CORS comes from the starter's auto-configuration; with
 * {@code bench.cors=spring} from Spring's {@link CorsWebFilter}, first of the web filters
 * like the starter's, with the policy the starter compiles from the same {@code cors.*}
 * properties; with {@code bench.cors=headers} no CORS but {@link EchoedCorsHeaders},
 * first of the web filters; with {@code bench.cors=none} there is none. {@code e2e.sh}
 * sets {@code cors.enabled=false} in all modes but {@code starter}.
 */
// Tomcat is on the class path for the MVC application; WebFlux applications usually run
// on Netty.
@SpringBootApplication(exclude = TomcatReactiveWebServerAutoConfiguration.class)
// The starter binds its properties only when enabled; Spring's filter reads them in the
// other modes.
@EnableConfigurationProperties(CorsProperties.class)
@Import(DataController.class)
public class WebFluxBenchmarkApplication {

	/**
	 * Starts the application.
	 * @param args Spring Boot's command line
	 */
	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(WebFluxBenchmarkApplication.class);
		application.setWebApplicationType(WebApplicationType.REACTIVE);
		application.run(args);
	}

	@Bean
	@Order(CorsPolicyWebFilter.DEFAULT_ORDER)
	@ConditionalOnProperty(name = "bench.cors", havingValue = "spring")
	CorsWebFilter springCorsWebFilter(CorsProperties properties) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source
			.setCorsConfigurations(SpringCorsConfigurations.byPathPattern(CorsPolicy.compile(properties.toSettings())));
		return new CorsWebFilter(source);
	}

	@Bean
	@Order(CorsPolicyWebFilter.DEFAULT_ORDER)
	@ConditionalOnProperty(name = "bench.cors", havingValue = "headers")
	WebFilter echoedCorsHeaders() {
		return (exchange, chain) -> {
			EchoedCorsHeaders.write(exchange.getRequest().getHeaders().getOrigin(),
					exchange.getResponse().getHeaders()::set);
			return chain.filter(exchange);
		};
	}

}
