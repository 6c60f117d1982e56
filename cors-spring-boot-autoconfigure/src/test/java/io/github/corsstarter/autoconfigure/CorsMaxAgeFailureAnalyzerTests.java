package io.github.corsstarter.autoconfigure;

import java.util.Map;

import io.github.corsstarter.http.CorsTestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * How a max-age that is not a duration is reported: analyzed on the exception Boot's
 * binder really throws, and as a user sees it when the application fails to start, where
 * Boot's own analysis of binding failures would otherwise win.
 */
@ExtendWith(OutputCaptureExtension.class)
class CorsMaxAgeFailureAnalyzerTests {

	private static final String NL = System.lineSeparator();

	private final CorsMaxAgeFailureAnalyzer analyzer = new CorsMaxAgeFailureAnalyzer();

	@Test
	void namesThePropertyAndValueAndListsTheAcceptedForms() {
		BindException failure = bindFailure("cors.max-age", "forever");
		FailureAnalysis analysis = this.analyzer.analyze(new IllegalStateException("wrapped", failure));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription())
			.isEqualTo("The CORS max-age is not a duration:" + NL + NL + "    Property: cors.max-age" + NL
					+ "    Value: \"forever\"" + NL + "    Origin: \"cors.max-age\" from property source \"test\"" + NL
					+ "    Reason: \"forever\" is not in a form the duration binder accepts" + NL);
		assertThat(analysis.getAction()).isEqualTo("Update your application's configuration: write cors.max-age as"
				+ " a duration in one of these forms:" + NL + "    30m or 24h (a number and a unit: ms, s, m, h or d)"
				+ NL + "    3600 (a number alone means seconds)" + NL + "    PT1H (ISO-8601)");
		assertThat(analysis.getCause()).isSameAs(failure);
	}

	@Test
	void namesAMappingsMaxAge() {
		FailureAnalysis analysis = this.analyzer.analyze(bindFailure("cors.mappings.api.max-age", "1 hour"));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains("    Property: cors.mappings.api.max-age" + NL,
				"    Value: \"1 hour\"" + NL);
		assertThat(analysis.getAction()).startsWith("Update your application's configuration: write"
				+ " cors.mappings.api.max-age as a duration in one of these forms:" + NL);
	}

	@Test
	void leavesOtherBindingFailuresToSpringBoot() {
		assertThat(this.analyzer.analyze(bindFailure("cors.allow-credentials", "maybe"))).isNull();
		assertThat(this.analyzer.analyze(bindFailure("cors.preflight-status", "ok"))).isNull();
	}

	@Test
	void applicationFailsToStartWithTheAcceptedForms(CapturedOutput output) {
		SpringApplicationBuilder application = new SpringApplicationBuilder(CorsTestApplication.class).properties(
				"server.port=0", "server.address=127.0.0.1", "spring.main.web-application-type=servlet",
				"cors.origins=https://app.example.com", "cors.max-age=forever");
		assertThatException().isThrownBy(application::run);
		assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START",
				"The CORS max-age is not a duration:", "    Property: cors.max-age", "    Value: \"forever\"",
				"    PT1H (ISO-8601)");
	}

	/**
	 * Binds the properties the way Boot does, to get the exception it throws.
	 */
	private static BindException bindFailure(String name, String value) {
		Binder binder = new Binder(ConfigurationPropertySources
			.from(new MapPropertySource("test", Map.of(name, value, "cors.mappings.api.paths", "/api/**"))));
		BindException failure = catchThrowableOfType(BindException.class,
				() -> binder.bind("cors", Bindable.of(CorsProperties.class)));
		assertThat(failure).as("binding %s=%s", name, value).isNotNull();
		return failure;
	}

}
