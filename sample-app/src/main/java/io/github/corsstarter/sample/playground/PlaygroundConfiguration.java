package io.github.corsstarter.sample.playground;

import java.net.InetAddress;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Connector;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Serves the playground page on a port of its own, {@code sample.frontend.port} (5173
 * unless set), so that the page and the API are two origins, as a Vite dev server and an
 * API are: {@code http://localhost:5173} calls {@code http://localhost:8080}.
 * <p>
 * One process plays both parts: a second Tomcat connector listens on the frontend port,
 * and requests are kept apart by the port they arrive on. The page ({@code static/}) and
 * its {@code config.json} answer on the frontend port only, {@code /api/**} on the API
 * port only.
 */
@Configuration(proxyBeanMethods = false)
class PlaygroundConfiguration {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> frontendConnector(
			@Value("${sample.frontend.port:5173}") int port) {
		return (factory) -> {
			Connector connector = new Connector();
			connector.setPort(port);
			// Listen where the API listens: server.address when set, every address
			// otherwise.
			InetAddress address = factory.getAddress();
			if (address != null) {
				connector.setProperty("address", address.getHostAddress());
			}
			factory.addAdditionalConnectors(connector);
		};
	}

	@Bean
	FilterRegistrationBean<Filter> frontendAndApiApart(Environment environment) {
		// The page served from the API port would be same-origin with the API: no CORS to
		// see there.
		Filter filter = (request, response, chain) -> {
			boolean onApiPort = request.getLocalPort() == PlaygroundController.apiPort(environment);
			boolean forApi = ((HttpServletRequest) request).getRequestURI().startsWith("/api/");
			if (onApiPort == forApi) {
				chain.doFilter(request, response);
			}
			else {
				((HttpServletResponse) response).sendError(HttpServletResponse.SC_NOT_FOUND);
			}
		};
		return new FilterRegistrationBean<>(filter);
	}

}
