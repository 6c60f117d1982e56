package io.github.corsstarter.http;

import java.util.Set;

import org.springframework.test.context.TestPropertySource;

/**
 * The disguised-path table on WebFlux with Netty.
 */
@TestPropertySource(properties = "spring.main.web-application-type=reactive")
class ReactiveDisguisedPathHttpTests extends AbstractDisguisedPathHttpTests {

	@Override
	Set<String> containerRefuses() {
		return NETTY_REFUSES;
	}

}
