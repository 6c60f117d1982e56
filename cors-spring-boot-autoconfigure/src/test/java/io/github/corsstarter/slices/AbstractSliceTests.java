package io.github.corsstarter.slices;

import io.github.corsstarter.policy.CorsPolicy;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a test slice of either web stack holds whatever its requests: the starter's
 * policy, allowing {@code https://app.example.com}. The subclasses add the requests, each
 * through its stack's test client.
 */
@TestPropertySource(properties = "cors.origins=https://app.example.com")
abstract class AbstractSliceTests {

	@Autowired
	private ApplicationContext context;

	@Test
	void sliceHasThePolicy() {
		assertThat(this.context.getBeansOfType(CorsPolicy.class)).hasSize(1);
	}

}
