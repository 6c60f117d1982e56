package io.github.corsstarter.http;

import java.io.IOException;

import org.junit.jupiter.api.Test;

/**
 * The disguised-path table with the application under {@code /ctx}: a servlet context
 * path or a WebFlux base path, which a subclass sets; and that path spelt another way.
 */
abstract class AbstractContextPathDisguisedPathHttpTests extends AbstractDisguisedPathHttpTests {

	@Override
	String contextPath() {
		return "/ctx";
	}

	@Test
	void contextPathSpeltAnotherWayNeverLoosensTheMapping() throws IOException {
		assertContextPathSpeltAnotherWayNeverLoosensTheMapping();
	}

}
