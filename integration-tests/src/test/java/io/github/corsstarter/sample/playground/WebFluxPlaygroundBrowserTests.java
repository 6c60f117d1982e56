package io.github.corsstarter.e2e;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The playground in Chromium against {@link PlaygroundWebFluxApplication}: the same scenarios as the sample
 * application's, on WebFlux with Netty.
 */
@SpringBootTest(classes = PlaygroundWebFluxApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "server.address=127.0.0.1",
				// The sample's CORS policy, copied to the test class path by this module's build.
				"spring.config.import=classpath:playground/application.yml" })
class WebFluxPlaygroundBrowserTests extends AbstractPlaygroundBrowserTests {

}
