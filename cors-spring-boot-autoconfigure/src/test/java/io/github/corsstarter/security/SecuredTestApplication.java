package io.github.corsstarter.security;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application secured by Spring Security with HTTP Basic, on Spring MVC or WebFlux.
 * The servlet chain says nothing about CORS; the reactive chain asks for {@code cors()},
 * as WebFlux guides tell applications to. Either way the starter's filter has decided
 * CORS before Security runs.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ SecuredTestApplication.ServletSecurity.class, SecuredTestApplication.ReactiveSecurity.class,
		SecuredTestApplication.SecuredController.class })
public class SecuredTestApplication {

	static final String USER = "user";

	static final String PASSWORD = "secret";

	@Bean
	AtomicInteger securedInvocations() {
		return new AtomicInteger();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	static class ServletSecurity {

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.httpBasic(Customizer.withDefaults())
				.csrf((csrf) -> csrf.disable())
				.build();
		}

		@Bean
		InMemoryUserDetailsManager users() {
			return new InMemoryUserDetailsManager(user());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	static class ReactiveSecurity {

		@Bean
		SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
			return http.authorizeExchange((exchanges) -> exchanges.anyExchange().authenticated())
				.httpBasic(Customizer.withDefaults())
				.cors(Customizer.withDefaults())
				.csrf((csrf) -> csrf.disable())
				.build();
		}

		@Bean
		MapReactiveUserDetailsService users() {
			return new MapReactiveUserDetailsService(user());
		}

	}

	private static UserDetails user() {
		return User.withUsername(USER).password("{noop}" + PASSWORD).roles("USER").build();
	}

	@RestController
	static class SecuredController {

		private final AtomicInteger invocations;

		SecuredController(AtomicInteger securedInvocations) {
			this.invocations = securedInvocations;
		}

		@GetMapping("/api/secure")
		String secure() {
			this.invocations.incrementAndGet();
			return "secret data";
		}

	}

}
