package io.github.corsstarter.http;

import java.util.Set;

import org.springframework.test.context.TestPropertySource;

/**
 * The disguised-path table on Spring MVC with Tomcat, routing with {@code PathPattern}
 * (the default).
 */
@TestPropertySource(properties = "spring.main.web-application-type=servlet")
class ServletDisguisedPathHttpTests extends AbstractDisguisedPathHttpTests {

	@Override
	Set<String> containerRefuses() {
		return TOMCAT_REFUSES;
	}

}
