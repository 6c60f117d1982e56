package io.github.corsstarter.coexistence;

/**
 * The starter beside Spring's own CORS configuration on WebFlux, without Spring Security.
 */
class ReactiveCoexistenceHttpTests extends AbstractCoexistenceHttpTests {

	@Override
	String stack() {
		return "reactive";
	}

	@Override
	boolean secured() {
		return false;
	}

}
