package io.github.corsstarter.http;

import java.util.Set;

import org.springframework.test.context.TestPropertySource;

/**
 * The disguised-path table on Spring MVC with Tomcat, routing with the
 * {@code AntPathMatcher} strategy, which decodes the whole path and removes parameters
 * before matching.
 */
@TestPropertySource(properties = { "spring.main.web-application-type=servlet",
		"spring.mvc.pathmatch.matching-strategy=ant_path_matcher" })
class ServletAntMatcherDisguisedPathHttpTests extends AbstractDisguisedPathHttpTests {

	@Override
	Set<String> containerRefuses() {
		return TOMCAT_REFUSES;
	}

}
