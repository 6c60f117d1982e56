package io.github.corsstarter.benchmarks.e2e.mvc;

import io.github.corsstarter.autoconfigure.CorsProperties;
import io.github.corsstarter.autoconfigure.SpringCorsConfigurations;
import io.github.corsstarter.benchmarks.e2e.DataController;
import io.github.corsstarter.benchmarks.e2e.EchoedCorsHeaders;
import io.github.corsstarter.policy.CorsPolicy;
import io.github.corsstarter.servlet.CorsPolicyFilter;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * The Spring MVC API of the end-to-end benchmark, on Tomcat. With
 * {@code bench.cors=starter} CORS comes from the starter's auto-configuration; with
 * {@code bench.cors=spring} from Spring's {@link CorsFilter}, at the starter's place in
 * the filter chain, with the policy the starter compiles from the same {@code cors.*}
 * properties; with {@code bench.cors=headers} no CORS but {@link EchoedCorsHeaders}, at
 * the same place; with {@code bench.cors=none} there is none. {@code e2e.sh} sets
 * {@code cors.enabled=false} in all modes but {@code starter}.
 */
@SpringBootApplication
// The starter binds its properties only when enabled; Spring's filter reads them in the
// other modes.
@EnableConfigurationProperties(CorsProperties.class)
@Import(DataController.class)
public class MvcBenchmarkApplication {

	/**
	 * Starts the application.
	 * @param args Spring Boot's command line
	 */
	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(MvcBenchmarkApplication.class);
		// WebFlux is on the class path too, for the other application.
		application.setWebApplicationType(WebApplicationType.SERVLET);
		application.run(args);
	}

	@Bean
	@ConditionalOnProperty(name = "bench.cors", havingValue = "spring")
	FilterRegistrationBean<CorsFilter> springCorsFilter(CorsProperties properties) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source
			.setCorsConfigurations(SpringCorsConfigurations.byPathPattern(CorsPolicy.compile(properties.toSettings())));
		FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(new CorsFilter(source));
		registration.setOrder(CorsPolicyFilter.DEFAULT_ORDER);
		return registration;
	}

	@Bean
	@ConditionalOnProperty(name = "bench.cors", havingValue = "headers")
	FilterRegistrationBean<Filter> echoedCorsHeaders() {
		Filter filter = (request, response, chain) -> {
			EchoedCorsHeaders.write(((HttpServletRequest) request).getHeader("Origin"),
					((HttpServletResponse) response)::setHeader);
			chain.doFilter(request, response);
		};
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(CorsPolicyFilter.DEFAULT_ORDER);
		return registration;
	}

}
