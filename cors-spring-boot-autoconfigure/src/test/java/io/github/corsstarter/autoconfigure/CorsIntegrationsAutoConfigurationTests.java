package io.github.corsstarter.autoconfigure;

import io.github.corsstarter.policy.CorsDecision.Kind;
import io.github.corsstarter.policy.CorsPolicy;
import io.github.corsstarter.policy.CorsPolicyHolder;
import io.github.corsstarter.policy.PlainCorsRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.assertj.core.api.MapAssert;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The integrations' conditions: no Spring CORS source, the holder, the Actuator endpoint
 * and the metrics.
 */
class CorsIntegrationsAutoConfigurationTests {

	private static final AutoConfigurations CORS = AutoConfigurations.of(CorsServletAutoConfiguration.class,
			CorsReactiveAutoConfiguration.class, CorsMetricsAutoConfiguration.class,
			CorsEndpointAutoConfiguration.class, EndpointAutoConfiguration.class);

	private final WebApplicationContextRunner servlet = new WebApplicationContextRunner().withConfiguration(CORS)
		.withPropertyValues("cors.origins=https://app.example.com", "cors.origin-patterns=http://localhost:*",
				"cors.exclude-paths=/internal/**", "cors.mappings.open.paths=/open/**", "cors.mappings.open.origins=*",
				"management.endpoints.web.exposure.include=cors");

	private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
		.withConfiguration(CORS)
		.withPropertyValues("cors.origins=https://app.example.com");

	@Test
	void noServletCorsConfigurationSourceIsPublished() {
		// Spring Security would switch its own CorsFilter on, which ends the chain on
		// every preflight.
		this.servlet.run((context) -> assertThat(context)
			.doesNotHaveBean(org.springframework.web.cors.CorsConfigurationSource.class));
	}

	@Test
	void noReactiveCorsConfigurationSourceIsPublished() {
		this.reactive.run((context) -> assertThat(context)
			.doesNotHaveBean(org.springframework.web.cors.reactive.CorsConfigurationSource.class));
	}

	@Test
	void holderStartsWithThePolicyBean() {
		this.reactive.run((context) -> assertThat(context.getBean(CorsPolicyHolder.class).get())
			.isSameAs(context.getBean(CorsPolicy.class)));
	}

	@Test
	void userHolderReplacesOurs() {
		CorsPolicyHolder own = new CorsPolicyHolder(CorsPolicy.passThrough(), null);
		this.servlet.withBean(CorsPolicyHolder.class, () -> own).run((context) -> {
			assertThat(context.getBean(CorsPolicyHolder.class)).isSameAs(own);
			assertThat(context.getBean(CorsEndpoint.class).cors("https://app.example.com", null, null, "/api"))
				.asInstanceOf(InstanceOfAssertFactories.MAP)
				.containsEntry("rules", "none (path excluded or not covered)");
		});
	}

	@Test
	void endpointNeedsToBeExposed() {
		new WebApplicationContextRunner().withConfiguration(CORS)
			.withPropertyValues("cors.origins=https://app.example.com")
			.run((context) -> assertThat(context).doesNotHaveBean(CorsEndpoint.class));
	}

	@Test
	void endpointIsLeftOutWithoutActuator() {
		new WebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(CorsServletAutoConfiguration.class, CorsEndpointAutoConfiguration.class))
			.withPropertyValues("cors.origins=https://app.example.com",
					"management.endpoints.web.exposure.include=cors")
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
			.run((context) -> assertThat(context).doesNotHaveBean(CorsEndpoint.class).hasSingleBean(CorsPolicy.class));
	}

	@Test
	void endpointTellsTheDecisionAndItsReason() {
		this.servlet.run((context) -> {
			CorsEndpoint endpoint = context.getBean(CorsEndpoint.class);
			assertThatSection(endpoint.cors("https://evil.example.net", "GET", null, "/api"), "actual")
				.containsEntry("outcome", "rejected")
				.containsEntry("status", 403)
				.containsEntry("reason", "The request's origin is not allowed by the CORS policy.");
			assertThatSection(endpoint.cors("https://app.example.com", "PROPFIND", "x-custom", "/api"), "preflight")
				.containsEntry("outcome", "rejected")
				.containsEntry("reason", "The request method is not allowed by the CORS policy.");
			assertThatSection(endpoint.cors("https://app.example.com", "PUT", "x-custom", "/api"), "preflight")
				.containsEntry("outcome", "preflight")
				.containsEntry("status", 204);
			assertThatSection(endpoint.cors("https://app.example.com", null, null, "/internal/health"), "actual")
				.containsEntry("outcome", "not_covered");
		});
	}

	@Test
	void metricsNeedAMeterRegistry() {
		this.servlet.run((context) -> assertThat(context).doesNotHaveBean(CorsMetrics.class));
		this.servlet.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run((context) -> {
			assertThat(context).hasSingleBean(CorsMetrics.class);
			// allowed, preflight and passed, then one rejected counter per reason, six of
			// them.
			assertThat(context.getBean(MeterRegistry.class).find("cors.requests").counters()).hasSize(9);
		});
	}

	@Test
	void metricsAreLeftOutWithoutMicrometer() {
		this.servlet.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(CorsMetrics.class).hasSingleBean(CorsPolicy.class));
	}

	@Test
	void decisionsReachTheCounters() {
		this.reactive.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run((context) -> {
			CorsMetrics metrics = context.getBean(CorsMetrics.class);
			CorsPolicy policy = context.getBean(CorsPolicy.class);
			PlainCorsRequest refused = PlainCorsRequest.builder().origin("https://evil.example.net").build();
			metrics.onDecision(refused, policy.decide(refused));
			PlainCorsRequest malformed = PlainCorsRequest.builder().origin("null").build();
			metrics.onDecision(malformed, policy.decide(malformed));
			PlainCorsRequest allowed = PlainCorsRequest.builder().origin("https://app.example.com").build();
			assertThat(policy.decide(allowed).kind()).isEqualTo(Kind.ALLOWED);
			metrics.onDecision(allowed, policy.decide(allowed));
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("cors.requests")
				.tag("outcome", "rejected")
				.tag("reason", "origin_not_allowed")
				.counter()
				.count()).isEqualTo(1);
			assertThat(registry.get("cors.requests")
				.tag("outcome", "rejected")
				.tag("reason", "malformed_origin")
				.counter()
				.count()).isEqualTo(1);
			assertThat(registry.get("cors.requests").tag("outcome", "allowed").counter().count()).isEqualTo(1);
		});
	}

	private static MapAssert<Object, Object> assertThatSection(Object answer, String section) {
		return assertThat(answer).asInstanceOf(InstanceOfAssertFactories.MAP)
			.extractingByKey(section)
			.asInstanceOf(InstanceOfAssertFactories.MAP);
	}

}
