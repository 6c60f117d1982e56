package io.github.corsstarter.http;

import org.springframework.test.context.TestPropertySource;

/**
 * The HTTP scenarios on Spring MVC with Tomcat.
 */
@TestPropertySource(properties = "spring.main.web-application-type=servlet")
class ServletCorsHttpTests extends AbstractCorsHttpTests {

}
