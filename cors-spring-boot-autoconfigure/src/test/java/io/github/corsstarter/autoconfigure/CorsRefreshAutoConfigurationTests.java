package io.github.corsstarter.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.github.corsstarter.policy.ConfigurationViolation;
import io.github.corsstarter.policy.CorsDecision.Kind;
import io.github.corsstarter.policy.CorsPolicy;
import io.github.corsstarter.policy.CorsPolicyHolder;
import io.github.corsstarter.policy.CorsSettings;
import io.github.corsstarter.policy.EffectiveRules;
import io.github.corsstarter.policy.OriginDecider;
import io.github.corsstarter.policy.PlainCorsRequest;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.ConfigurationPropertiesBindException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.ApplicationContextAssertProvider;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.autoconfigure.ConfigurationPropertiesRebinderAutoConfiguration;
import org.springframework.cloud.autoconfigure.RefreshAutoConfiguration;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Live reconfiguration: the refresher's conditions, and what a change to {@code cors.*}
 * in the environment does to the policy in force. Changes are made as Spring Cloud makes
 * them: the environment first, then an {@link EnvironmentChangeEvent} naming the changed
 * keys.
 */
@ExtendWith(OutputCaptureExtension.class)
class CorsRefreshAutoConfigurationTests {

	private static final AutoConfigurations CORS = AutoConfigurations.of(CorsServletAutoConfiguration.class,
			CorsReactiveAutoConfiguration.class, CorsEndpointAutoConfiguration.class,
			CorsRefreshAutoConfiguration.class, EndpointAutoConfiguration.class);

	private static final String APP = "https://app.example.com";

	private static final String NEW = "https://new.example.com";

	private final WebApplicationContextRunner servlet = new WebApplicationContextRunner().withConfiguration(CORS)
		.withPropertyValues("cors.origins=" + APP, "management.endpoints.web.exposure.include=cors");

	@Test
	void refresherIsRegisteredWhenSpringCloudContextIsPresent() {
		this.servlet.run((context) -> assertThat(context).hasSingleBean(CorsPolicyRefresher.class)
			.hasSingleBean(CorsPolicyChanges.class));
	}

	@Test
	void withoutSpringCloudContextThereIsNoRefresherAndCorsStillWorks() {
		this.servlet.withClassLoader(new FilteredClassLoader("org.springframework.cloud")).run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(CorsPolicyRefresher.class)
				.doesNotHaveBean(CorsPolicyChanges.class)
				.hasSingleBean(FilterRegistrationBean.class);
			assertThat(decide(context, APP)).isEqualTo(Kind.ALLOWED);
			assertThat(decide(context, NEW)).isEqualTo(Kind.REJECTED);
			CorsEndpoint.PolicyDescriptor description = policy(context);
			assertThat(description.rules()).isNotNull();
			assertThat(description.lastAppliedChange()).isNull();
			assertThat(description.lastRejectedChange()).isNull();
		});
	}

	@Test
	void disabledAtStartupThereIsNothingToRefresh() {
		this.servlet.withPropertyValues("cors.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(CorsPolicyRefresher.class));
	}

	@Test
	void changedOriginsReplaceThePolicy(CapturedOutput output) {
		this.servlet.run((context) -> {
			change(context, Map.of("cors.origins", APP + "," + NEW));
			assertThat(decide(context, NEW)).isEqualTo(Kind.ALLOWED);
			assertThat(decide(context, APP)).isEqualTo(Kind.ALLOWED);
			change(context, Map.of("cors.origins", NEW));
			assertThat(decide(context, NEW)).isEqualTo(Kind.ALLOWED);
			assertThat(decide(context, APP)).isEqualTo(Kind.REJECTED);
			CorsPolicyChanges.Applied applied = context.getBean(CorsPolicyChanges.class).lastApplied();
			assertThat(applied).isNotNull();
			assertThat(applied.keys()).containsExactly("cors.origins");
			assertThat(applied.policy()).isEqualTo(context.getBean(CorsPolicyHolder.class).get().toString());
		});
		assertThat(output.getOut()
			.lines()
			.filter((line) -> line.contains("INFO") && line.contains("CORS policy changed ([cors.origins]): paths=")))
			.hasSize(2);
	}

	@Test
	void removedKeyTakesItsDefaultAgain() {
		this.servlet.run((context) -> {
			change(context, Map.of("cors.max-age", "10m", "cors.methods", "GET"));
			assertThat(topRules(context).maxAge()).hasMinutes(10);
			assertThat(topRules(context).methods()).containsExactly("GET");
			remove(context, "cors.max-age", "cors.methods");
			assertThat(topRules(context).maxAge()).isEqualTo(CorsSettings.DEFAULT_MAX_AGE);
			assertThat(topRules(context).methods()).containsExactlyElementsOf(CorsSettings.DEFAULT_METHODS);
		});
	}

	@Test
	void invalidChangeKeepsThePolicyAndIsReportedUntilAValidOne(CapturedOutput output) {
		this.servlet.run((context) -> {
			CorsPolicy before = context.getBean(CorsPolicyHolder.class).get();
			change(context, Map.of("cors.origins", "app.example.com,https://new.example.com/"));
			assertThat(context.getBean(CorsPolicyHolder.class).get()).isSameAs(before);
			assertThat(decide(context, APP)).isEqualTo(Kind.ALLOWED);
			CorsPolicyChanges.Rejected rejected = context.getBean(CorsPolicyChanges.class).lastRejected();
			assertThat(rejected).isNotNull();
			assertThat(rejected.keys()).containsExactly("cors.origins");
			assertThat(rejected.violations()).extracting(ConfigurationViolation::property)
				.containsExactly("cors.origins[0]", "cors.origins[1]");
			assertThat(rejected.violations()).extracting(ConfigurationViolation::value)
				.containsExactly("app.example.com", "https://new.example.com/");
			CorsEndpoint.PolicyDescriptor description = policy(context);
			CorsEndpoint.RejectedChangeDescriptor rejectedChange = description.lastRejectedChange();
			assertThat(rejectedChange).isNotNull();
			assertThat(rejectedChange.keys()).isEqualTo(Set.of("cors.origins"));
			assertThat(rejectedChange.violations()).first().satisfies((violation) -> {
				assertThat(violation.property()).isEqualTo("cors.origins[0]");
				assertThat(violation.value()).isEqualTo("app.example.com");
				assertThat(violation.reason()).isNotNull();
				assertThat(violation.hint()).isNotNull();
			});
			assertThat(description.lastAppliedChange()).isNull();

			change(context, Map.of("cors.origins", NEW));
			assertThat(decide(context, NEW)).isEqualTo(Kind.ALLOWED);
			assertThat(context.getBean(CorsPolicyChanges.class).lastRejected()).isNull();
			assertThat(policy(context).lastRejectedChange()).isNull();
			assertThat(policy(context).lastAppliedChange()).isNotNull();
		});
		assertThat(output.getOut()
			.lines()
			.filter((line) -> line.contains("ERROR")
					&& line.contains("CORS configuration change [cors.origins] rejected, the policy in force stays.")))
			.singleElement()
			.asString()
			.contains("(2 violations)");
		assertThat(output.getOut()).contains(" - cors.origins[0]=app.example.com: ")
			.contains(" - cors.origins[1]=https://new.example.com/: ");
	}

	@Test
	void valueThatCannotBeBoundIsARejectedChange(CapturedOutput output) {
		this.servlet.run((context) -> {
			CorsPolicy before = context.getBean(CorsPolicyHolder.class).get();
			change(context, Map.of("cors.max-age", "forever", "cors.origins", NEW));
			assertThat(context.getBean(CorsPolicyHolder.class).get()).isSameAs(before);
			assertThat(decide(context, NEW)).isEqualTo(Kind.REJECTED);
			CorsPolicyChanges.Rejected rejected = context.getBean(CorsPolicyChanges.class).lastRejected();
			assertThat(rejected).isNotNull();
			assertThat(rejected.keys()).containsExactly("cors.max-age", "cors.origins");
			assertThat(rejected.violations()).singleElement()
				.isEqualTo(new ConfigurationViolation("cors.max-age", "forever", "is not a duration",
						"write a duration such as 30m, 24h, 3600 or PT1H; a number alone is seconds"));
		});
		assertThat(output.getOut()).contains("ERROR")
			.contains("CORS configuration change [cors.max-age, cors.origins] rejected")
			.contains(" - cors.max-age=forever: is not a duration");
	}

	@Test
	void otherValueThatCannotBeBoundIsARejectedChange() {
		this.servlet.run((context) -> {
			change(context, Map.of("cors.preflight-status", "ok"));
			CorsPolicyChanges.Rejected rejected = context.getBean(CorsPolicyChanges.class).lastRejected();
			assertThat(rejected).isNotNull();
			assertThat(rejected.violations()).singleElement().satisfies((violation) -> {
				assertThat(violation.property()).isEqualTo("cors.preflight-status");
				assertThat(violation.value()).isEqualTo("ok");
				assertThat(violation.reason()).startsWith("cannot be bound: ");
			});
		});
	}

	@Test
	void bindingFailureIsReportedBeforeSpringCloudsRebinderFails() {
		// Spring Cloud rebinds CorsProperties in place too, and throws when it cannot:
		// the refresher runs first, by
		// its order, even when the rebinder's bean is registered before it, as a user
		// configuration's is.
		this.servlet
			.withUserConfiguration(RefreshAutoConfiguration.class,
					ConfigurationPropertiesRebinderAutoConfiguration.class)
			.run((context) -> {
				CorsPolicy before = context.getBean(CorsPolicyHolder.class).get();
				assertThatExceptionOfType(ConfigurationPropertiesBindException.class)
					.isThrownBy(() -> change(context, Map.of("cors.max-age", "forever")))
					.withMessageContaining("CorsProperties");
				assertThat(context.getBean(CorsPolicyHolder.class).get()).isSameAs(before);
				assertThat(context.getBean(CorsPolicyChanges.class).lastRejected()).isNotNull()
					.extracting(CorsPolicyChanges.Rejected::violations)
					.asInstanceOf(InstanceOfAssertFactories.LIST)
					.singleElement()
					.extracting("property")
					.isEqualTo("cors.max-age");
			});
	}

	@Test
	void eventWithoutCorsKeysChangesNothing() {
		this.servlet.run((context) -> {
			CorsPolicy before = context.getBean(CorsPolicyHolder.class).get();
			properties(context).put("cors.origins", NEW);
			publish(context, Set.of("spring.application.name"));
			assertThat(context.getBean(CorsPolicyHolder.class).get()).isSameAs(before);
			assertThat(context.getBean(CorsPolicyChanges.class).lastApplied()).isNull();
		});
	}

	@Test
	void environmentVariableIsACorsKey() {
		this.servlet.run((context) -> {
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource("reloaded", Map.of("CORS_ORIGINS", NEW)));
			publish(context, Set.of("CORS_ORIGINS"));
			assertThat(decide(context, NEW)).isEqualTo(Kind.ALLOWED);
			assertThat(decide(context, APP)).isEqualTo(Kind.REJECTED);
		});
	}

	@Test
	void userCorsPolicyBeanIsNotReplaced(CapturedOutput output) {
		CorsPolicy own = CorsPolicy.compile(CorsSettings.builder().origins("https://own.example.com").build());
		this.servlet.withBean(CorsPolicy.class, () -> own).run((context) -> {
			change(context, Map.of("cors.origins", NEW));
			change(context, Map.of("cors.origins", NEW + "," + APP));
			assertThat(context.getBean(CorsPolicyHolder.class).get()).isSameAs(own);
			assertThat(context.getBean(CorsPolicyChanges.class).lastApplied()).isNull();
		});
		assertThat(output.getOut()
			.lines()
			.filter((line) -> line.contains("WARN") && line.contains("declares its own CorsPolicy"))).hasSize(1);
		assertThat(output.getOut()).doesNotContain("CORS policy changed");
	}

	@Test
	void userHolderOfAnotherPolicyIsNotReplaced() {
		CorsPolicy passThrough = CorsPolicy.passThrough();
		CorsPolicyHolder own = new CorsPolicyHolder(passThrough, null);
		this.servlet.withBean(CorsPolicyHolder.class, () -> own).run((context) -> {
			change(context, Map.of("cors.origins", NEW));
			assertThat(own.get()).isSameAs(passThrough);
			assertThat(context.getBean(CorsPolicyChanges.class).lastApplied()).isNull();
		});
	}

	@Test
	void originDecidersOfStartupAreStillAsked() {
		OriginDecider tenants = "https://tenant.example.net"::equals;
		this.servlet.withBean(OriginDecider.class, () -> tenants).run((context) -> {
			change(context, Map.of("cors.origins", NEW));
			assertThat(context.getBean(CorsPolicyHolder.class).get().hasOriginDecider()).isTrue();
			assertThat(decide(context, "https://tenant.example.net")).isEqualTo(Kind.ALLOWED);
			assertThat(decide(context, NEW)).isEqualTo(Kind.ALLOWED);
			assertThat(decide(context, APP)).isEqualTo(Kind.REJECTED);
		});
	}

	@Test
	void disablingTakesARestartAndTheRestIsApplied(CapturedOutput output) {
		this.servlet.run((context) -> {
			change(context, Map.of("cors.enabled", "false", "cors.origins", NEW));
			assertThat(decide(context, NEW)).isEqualTo(Kind.ALLOWED);
			assertThat(context.getBean("corsPolicyFilterRegistration", FilterRegistrationBean.class).isEnabled())
				.isTrue();
		});
		assertThat(output.getOut()).contains("WARN")
			.contains("cors.enabled is now false but stays true until the application restarts");
	}

	@Test
	void filterOrderTakesARestart(CapturedOutput output) {
		this.servlet.run((context) -> change(context, Map.of("cors.filter-order", "5")));
		assertThat(output.getOut()).contains("WARN")
			.contains("cors.filter-order is now 5 but stays null until the application restarts");
	}

	@Test
	void reactiveApplicationIsReconfiguredToo() {
		new ReactiveWebApplicationContextRunner().withConfiguration(CORS)
			.withPropertyValues("cors.origins=" + APP)
			.run((context) -> {
				assertThat(context).hasSingleBean(CorsPolicyRefresher.class);
				change(context, Map.of("cors.origins", NEW));
				assertThat(decide(context, NEW)).isEqualTo(Kind.ALLOWED);
				assertThat(decide(context, APP)).isEqualTo(Kind.REJECTED);
			});
	}

	private static Kind decide(ConfigurableApplicationContext context, String origin) {
		return context.getBean(CorsPolicyHolder.class)
			.get()
			.decide(PlainCorsRequest.builder().path("/api").origin(origin).build())
			.kind();
	}

	/**
	 * Returns what the endpoint shows without parameters: the policy, and what became of
	 * the changes.
	 */
	private static CorsEndpoint.PolicyDescriptor policy(ApplicationContext context) {
		Object description = context.getBean(CorsEndpoint.class).cors(null, null, null, null);
		assertThat(description).isInstanceOf(CorsEndpoint.PolicyDescriptor.class);
		return (CorsEndpoint.PolicyDescriptor) description;
	}

	private static EffectiveRules topRules(ConfigurableApplicationContext context) {
		return context.getBean(CorsPolicyHolder.class).get().effectiveRulesFor("/api");
	}

	/**
	 * Changes the environment, then tells the application as Spring Cloud does.
	 */
	private static void change(ConfigurableApplicationContext context, Map<String, Object> changed) {
		properties(context).putAll(changed);
		publish(context, changed.keySet());
	}

	private static void remove(ConfigurableApplicationContext context, String... keys) {
		for (String key : keys) {
			properties(context).remove(key);
		}
		publish(context, Set.of(keys));
	}

	/**
	 * Publishes the event from the application context itself, not the runner's wrapper
	 * of it: Spring Cloud's rebinder ignores events from other sources.
	 */
	private static void publish(ConfigurableApplicationContext context, Set<String> keys) {
		ApplicationContext source = (context instanceof ApplicationContextAssertProvider<?> provider)
				? provider.getSourceApplicationContext() : context;
		context.publishEvent(new EnvironmentChangeEvent(source, keys));
	}

	/**
	 * Returns the properties of a source that takes precedence over all others, added on
	 * first use.
	 */
	private static Map<String, Object> properties(ConfigurableApplicationContext context) {
		MutablePropertySources sources = context.getEnvironment().getPropertySources();
		if (!sources.contains("changed")) {
			sources.addFirst(new MapPropertySource("changed", new LinkedHashMap<>()));
		}
		return ((MapPropertySource) sources.get("changed")).getSource();
	}

}
