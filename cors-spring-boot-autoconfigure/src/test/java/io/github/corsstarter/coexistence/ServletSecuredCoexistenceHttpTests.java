package io.github.corsstarter.coexistence;

/**
 * The starter beside Spring's own CORS configuration on Spring MVC, behind a Spring
 * Security chain that says nothing about CORS.
 */
class ServletSecuredCoexistenceHttpTests extends AbstractCoexistenceHttpTests {

	ServletSecuredCoexistenceHttpTests() {
		super(new Setup("servlet", true, false));
	}

}
