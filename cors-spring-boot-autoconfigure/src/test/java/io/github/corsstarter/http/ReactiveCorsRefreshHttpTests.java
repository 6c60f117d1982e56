package io.github.corsstarter.http;

import org.springframework.test.context.TestPropertySource;

/**
 * Live reconfiguration on WebFlux.
 */
@TestPropertySource(properties = "spring.main.web-application-type=reactive")
class ReactiveCorsRefreshHttpTests extends AbstractCorsRefreshHttpTests {

}
