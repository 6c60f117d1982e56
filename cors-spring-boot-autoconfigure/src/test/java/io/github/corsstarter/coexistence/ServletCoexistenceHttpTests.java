package io.github.corsstarter.coexistence;

/**
 * The starter beside Spring's own CORS configuration on Spring MVC, without Spring
 * Security.
 */
class ServletCoexistenceHttpTests extends AbstractCoexistenceHttpTests {

	ServletCoexistenceHttpTests() {
		super(new Setup("servlet", false, false));
	}

}
