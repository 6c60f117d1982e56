package io.github.corsstarter.http;

import org.springframework.test.context.TestPropertySource;

/**
 * The HTTP scenarios on WebFlux.
 */
@TestPropertySource(properties = "spring.main.web-application-type=reactive")
class ReactiveCorsHttpTests extends AbstractCorsHttpTests {

}
