package io.github.corsstarter.coexistence;

/**
 * The starter beside Spring's own CORS configuration on WebFlux, behind a Spring Security
 * chain that says nothing about CORS.
 */
class ReactiveSecuredCoexistenceHttpTests extends AbstractCoexistenceHttpTests {

	ReactiveSecuredCoexistenceHttpTests() {
		super(new Setup("reactive", true, false));
	}

}
