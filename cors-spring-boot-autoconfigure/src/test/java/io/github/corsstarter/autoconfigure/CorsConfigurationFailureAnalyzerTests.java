package io.github.corsstarter.autoconfigure;

import java.util.List;

import io.github.corsstarter.http.CorsTestApplication;
import io.github.corsstarter.policy.ConfigurationViolation;
import io.github.corsstarter.policy.CorsConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * How an invalid configuration is reported: by the analyzer, and as a user sees it when
 * the application fails to start.
 */
@ExtendWith(OutputCaptureExtension.class)
class CorsConfigurationFailureAnalyzerTests {

	@Test
	void describesEveryViolationAndItsFix() {
		CorsConfigurationException exception = new CorsConfigurationException(List.of(
				new ConfigurationViolation("cors.origins[0]", "*", "cannot be combined with credentials",
						"list the exact origins"),
				new ConfigurationViolation("cors.methods[1]", "TRACE", "is a forbidden method", "remove it")));
		FailureAnalysis analysis = new CorsConfigurationFailureAnalyzer(new StandardEnvironment())
			.analyze(new IllegalStateException("wrapped", exception));
		assertThat(analysis.getDescription()).contains("(2 problems)", "Property: cors.origins[0]", "Value: \"*\"",
				"Reason: cannot be combined with credentials", "Property: cors.methods[1]", "Value: \"TRACE\"",
				"Reason: is a forbidden method");
		assertThat(analysis.getAction()).contains("cors.origins[0]: list the exact origins",
				"cors.methods[1]: remove it");
		assertThat(analysis.getCause()).isSameAs(exception);
	}

	@ParameterizedTest
	@ValueSource(strings = { "servlet", "reactive" })
	void applicationFailsToStartListingEveryMistake(String webApplicationType, CapturedOutput output) {
		SpringApplicationBuilder application = new SpringApplicationBuilder(CorsTestApplication.class).properties(
				"server.port=0", "server.address=127.0.0.1", "spring.main.web-application-type=" + webApplicationType,
				"spring.config.location=classpath:invalid-cors.properties");
		assertThatException().isThrownBy(application::run);
		assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START",
				"The CORS configuration is not valid (5 problems)", "Property: cors.origins[0]", "Value: \"*\"",
				"Property: cors.origins[1]", "Value: \"myapp.example.com\"", "has no scheme",
				"Property: cors.origins[2]", "ends with '/'", "Property: cors.origin-patterns[0]",
				"Value: \"https://*.com\"", "Property: cors.max-age", "is negative",
				"Origin: class path resource [invalid-cors.properties]", "Action:",
				"cors.origins[1]: write https://myapp.example.com", "cors.origins[2]: write https://app.example.com");
	}

}
