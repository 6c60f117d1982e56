package io.github.corsstarter.http;

import java.io.IOException;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

/**
 * The disguised-path table on Spring MVC with Tomcat, the application under a context
 * path.
 */
@TestPropertySource(properties = { "spring.main.web-application-type=servlet", "server.servlet.context-path=/ctx" })
class ServletContextPathDisguisedPathHttpTests extends AbstractDisguisedPathHttpTests {

	@Override
	String contextPath() {
		return "/ctx";
	}

	@Test
	void contextPathSpeltAnotherWayNeverLoosensTheMapping() throws IOException {
		assertContextPathSpeltAnotherWayNeverLoosensTheMapping();
	}

	@Override
	Set<String> containerRefuses() {
		return TOMCAT_REFUSES;
	}

}
