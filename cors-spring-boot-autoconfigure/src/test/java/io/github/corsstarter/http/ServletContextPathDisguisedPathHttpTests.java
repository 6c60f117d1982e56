package io.github.corsstarter.http;

import java.util.Set;

import org.springframework.test.context.TestPropertySource;

/**
 * The disguised-path table on Spring MVC with Tomcat, the application under a context
 * path.
 */
@TestPropertySource(properties = { "spring.main.web-application-type=servlet", "server.servlet.context-path=/ctx" })
class ServletContextPathDisguisedPathHttpTests extends AbstractContextPathDisguisedPathHttpTests {

	@Override
	Set<String> containerRefuses() {
		return TOMCAT_REFUSES;
	}

}
