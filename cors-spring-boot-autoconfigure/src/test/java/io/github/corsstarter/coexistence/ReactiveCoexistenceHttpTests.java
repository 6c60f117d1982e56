package io.github.corsstarter.coexistence;

/**
 * The starter beside Spring's own CORS configuration on WebFlux, without Spring Security.
 */
class ReactiveCoexistenceHttpTests extends AbstractCoexistenceHttpTests {

	ReactiveCoexistenceHttpTests() {
		super(new Setup("reactive", false, false));
	}

}
