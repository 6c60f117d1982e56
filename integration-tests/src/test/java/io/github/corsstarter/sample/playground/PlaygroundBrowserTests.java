package io.github.corsstarter.sample.playground;

import io.github.corsstarter.e2e.AbstractPlaygroundBrowserTests;
import io.github.corsstarter.e2e.HandlerRuns;
import io.github.corsstarter.sample.SampleApplication;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The playground in Chromium against the sample application: Spring MVC on Tomcat, the
 * page on a second connector.
 */
@SpringBootTest(classes = { SampleApplication.class, PlaygroundBrowserTests.CountHandlerRuns.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
class PlaygroundBrowserTests extends AbstractPlaygroundBrowserTests {

	/**
	 * Counts the API's handler invocations with an interceptor, which runs just before a
	 * controller method does: the sample itself has no test code.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class CountHandlerRuns implements WebMvcConfigurer {

		private final HandlerRuns handlerRuns = new HandlerRuns();

		@Bean
		HandlerRuns handlerRuns() {
			return this.handlerRuns;
		}

		@Override
		public void addInterceptors(InterceptorRegistry registry) {
			registry.addInterceptor(new HandlerInterceptor() {

				@Override
				public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
					if (handler instanceof HandlerMethod) {
						CountHandlerRuns.this.handlerRuns.record(request.getHeader("Origin"));
					}
					return true;
				}

			}).addPathPatterns("/api/**");
		}

	}

}
