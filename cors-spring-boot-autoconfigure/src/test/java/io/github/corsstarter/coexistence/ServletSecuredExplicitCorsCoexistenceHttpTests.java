package io.github.corsstarter.coexistence;

/**
 * The starter beside Spring's own CORS configuration on Spring MVC, behind a Spring
 * Security chain with {@code cors(withDefaults())}.
 */
class ServletSecuredExplicitCorsCoexistenceHttpTests extends AbstractCoexistenceHttpTests {

	ServletSecuredExplicitCorsCoexistenceHttpTests() {
		super(new Setup("servlet", true, true));
	}

}
