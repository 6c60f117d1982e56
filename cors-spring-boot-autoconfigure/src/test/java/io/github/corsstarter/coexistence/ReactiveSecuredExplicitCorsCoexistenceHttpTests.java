package io.github.corsstarter.coexistence;

/**
 * The starter beside Spring's own CORS configuration on WebFlux, behind a Spring Security
 * chain with {@code cors(withDefaults())}.
 */
class ReactiveSecuredExplicitCorsCoexistenceHttpTests extends AbstractCoexistenceHttpTests {

	ReactiveSecuredExplicitCorsCoexistenceHttpTests() {
		super(new Setup("reactive", true, true));
	}

}
