package io.github.corsstarter.sample.playground;

import io.github.corsstarter.e2e.AbstractPlaygroundBrowserTests;
import io.github.corsstarter.sample.PlaygroundWebFluxApplication;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The playground in Chromium against {@link PlaygroundWebFluxApplication}: the same
 * scenarios as {@link PlaygroundBrowserTests}, with the sample's controllers and CORS
 * policy on WebFlux with Netty.
 */
@SpringBootTest(classes = PlaygroundWebFluxApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "server.address=127.0.0.1",
				// The sample's page is on the class path: off the API port, as in the
				// sample.
				"spring.web.resources.add-mappings=false" })
class WebFluxPlaygroundBrowserTests extends AbstractPlaygroundBrowserTests {

}
