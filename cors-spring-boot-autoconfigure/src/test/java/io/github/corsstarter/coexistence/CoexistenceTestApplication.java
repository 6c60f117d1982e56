package io.github.corsstarter.coexistence;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.CorsConfigurer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * An application that declares CORS to Spring itself, on Spring MVC or WebFlux, with or
 * without Spring Security: {@code @CrossOrigin} for a partner on {@code /api/legacy} and
 * {@code /partners/data}, {@code addCorsMappings} for {@code /registered/**}, nothing on
 * {@code /api/data} and {@code /other/data}. {@code test.security} chooses the security:
 * {@code none} (Security's auto-configuration excluded by the test) or {@code chain}
 * (HTTP Basic on every request), whose CORS {@code test.security-cors=true} turns on with
 * {@code cors(withDefaults())}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ CoexistenceTestApplication.Controllers.class, CoexistenceTestApplication.LegacyController.class,
		CoexistenceTestApplication.PartnerController.class, CoexistenceTestApplication.MvcCors.class,
		CoexistenceTestApplication.WebFluxCors.class, CoexistenceTestApplication.Security.class })
public class CoexistenceTestApplication {

	static final String PARTNER = "https://partner.example.com";

	static final String USER = "user";

	static final String PASSWORD = "secret";

	@RestController
	static class Controllers {

		@GetMapping("/api/data")
		String api() {
			return "api";
		}

		@GetMapping("/registered/data")
		String registered() {
			return "registered";
		}

		@GetMapping("/other/data")
		String other() {
			return "other";
		}

	}

	@RestController
	@CrossOrigin(PARTNER)
	static class LegacyController {

		@GetMapping("/api/legacy")
		String legacy() {
			return "legacy";
		}

	}

	@RestController
	@CrossOrigin(origins = PARTNER, allowedHeaders = "Authorization", allowCredentials = "true")
	static class PartnerController {

		@GetMapping("/partners/data")
		String partners() {
			return "partners";
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	static class MvcCors implements WebMvcConfigurer {

		@Override
		public void addCorsMappings(CorsRegistry registry) {
			registry.addMapping("/registered/**").allowedOrigins(PARTNER);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	static class WebFluxCors implements WebFluxConfigurer {

		@Override
		public void addCorsMappings(org.springframework.web.reactive.config.CorsRegistry registry) {
			registry.addMapping("/registered/**").allowedOrigins(PARTNER);
		}

	}

	/**
	 * HTTP Basic on every request, for the stack that runs; {@code cors(withDefaults())}
	 * when {@code test.security-cors=true}, {@code cors().disable()} otherwise, which is
	 * what Spring Security does without a {@code CorsConfigurationSource} bean.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "test.security", havingValue = "chain")
	static class Security {

		@Bean
		@ConditionalOnWebApplication(type = Type.SERVLET)
		SecurityFilterChain securityFilterChain(HttpSecurity http, Environment environment) {
			Customizer<CorsConfigurer<HttpSecurity>> cors = explicitCors(environment) ? Customizer.withDefaults()
					: AbstractHttpConfigurer::disable;
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.httpBasic(Customizer.withDefaults())
				.csrf(AbstractHttpConfigurer::disable)
				.cors(cors)
				.build();
		}

		@Bean
		@ConditionalOnWebApplication(type = Type.SERVLET)
		InMemoryUserDetailsManager users() {
			return new InMemoryUserDetailsManager(user());
		}

		@Bean
		@ConditionalOnWebApplication(type = Type.REACTIVE)
		SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, Environment environment) {
			Customizer<ServerHttpSecurity.CorsSpec> cors = explicitCors(environment) ? Customizer.withDefaults()
					: ServerHttpSecurity.CorsSpec::disable;
			return http.authorizeExchange((exchanges) -> exchanges.anyExchange().authenticated())
				.httpBasic(Customizer.withDefaults())
				.csrf(ServerHttpSecurity.CsrfSpec::disable)
				.cors(cors)
				.build();
		}

		@Bean
		@ConditionalOnWebApplication(type = Type.REACTIVE)
		MapReactiveUserDetailsService reactiveUsers() {
			return new MapReactiveUserDetailsService(user());
		}

		private static boolean explicitCors(Environment environment) {
			return environment.getProperty("test.security-cors", Boolean.class, false);
		}

	}

	private static UserDetails user() {
		return User.withUsername(USER).password("{noop}" + PASSWORD).roles("USER").build();
	}

}
