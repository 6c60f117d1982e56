package io.github.corsstarter.http;

import org.springframework.test.context.TestPropertySource;

/**
 * Live reconfiguration on Spring MVC with Tomcat.
 */
@TestPropertySource(properties = "spring.main.web-application-type=servlet")
class ServletCorsRefreshHttpTests extends AbstractCorsRefreshHttpTests {

}
