package io.github.corsstarter.http;

import java.util.Set;

import org.springframework.test.context.TestPropertySource;

/**
 * The disguised-path table on WebFlux with Netty, the application under a base path.
 */
@TestPropertySource(properties = { "spring.main.web-application-type=reactive", "spring.webflux.base-path=/ctx" })
class ReactiveBasePathDisguisedPathHttpTests extends AbstractContextPathDisguisedPathHttpTests {

	@Override
	Set<String> containerRefuses() {
		return NETTY_REFUSES;
	}

}
