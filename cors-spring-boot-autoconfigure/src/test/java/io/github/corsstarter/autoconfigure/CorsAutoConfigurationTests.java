package io.github.corsstarter.autoconfigure;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.corsstarter.policy.ConfigurationViolation;
import io.github.corsstarter.policy.CorsConfigurationException;
import io.github.corsstarter.policy.CorsDecision.Kind;
import io.github.corsstarter.policy.CorsPolicy;
import io.github.corsstarter.policy.CorsSettings;
import io.github.corsstarter.policy.OriginDecider;
import io.github.corsstarter.policy.PlainCorsRequest;
import io.github.corsstarter.reactive.CorsErrorHeadersHandler;
import io.github.corsstarter.reactive.CorsPolicyWebFilter;
import io.github.corsstarter.servlet.CorsPolicyFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.web.server.WebFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auto-configuration's conditions and back-off rules, one scenario a test.
 */
@ExtendWith(OutputCaptureExtension.class)
class CorsAutoConfigurationTests {

	private static final AutoConfigurations CORS = AutoConfigurations.of(CorsServletAutoConfiguration.class,
			CorsReactiveAutoConfiguration.class);

	private final WebApplicationContextRunner servlet = new WebApplicationContextRunner().withConfiguration(CORS)
		.withPropertyValues("cors.origins=https://app.example.com");

	private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
		.withConfiguration(CORS)
		.withPropertyValues("cors.origins=https://app.example.com");

	@Test
	void servletApplicationGetsTheFilterAheadOfSpringSecurity() {
		this.servlet.run((context) -> {
			assertThat(context).hasSingleBean(CorsPolicy.class)
				.hasSingleBean(io.github.corsstarter.servlet.CorsRejectionHandler.class)
				.doesNotHaveBean(CorsPolicyWebFilter.class)
				.doesNotHaveBean("corsFilter");
			FilterRegistrationBean<?> registration = context.getBean("corsPolicyFilterRegistration",
					FilterRegistrationBean.class);
			assertThat(registration.getFilter()).isInstanceOf(CorsPolicyFilter.class);
			assertThat(registration.getOrder()).isEqualTo(CorsPolicyFilter.DEFAULT_ORDER).isLessThan(-100);
			assertThat(registration.isEnabled()).isTrue();
			assertThat(registration.isAsyncSupported()).isTrue();
			assertThat(registration.determineDispatcherTypes())
				.isEqualTo(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR));
		});
	}

	@Test
	void reactiveApplicationGetsTheWebFilterFirst() {
		this.reactive.run((context) -> {
			assertThat(context).hasSingleBean(CorsPolicy.class)
				.hasSingleBean(io.github.corsstarter.reactive.CorsRejectionHandler.class)
				.doesNotHaveBean(FilterRegistrationBean.class);
			assertThat(context.getBean(CorsPolicyWebFilter.class).getOrder())
				.isEqualTo(CorsPolicyWebFilter.DEFAULT_ORDER);
			assertThat(context.getBean(CorsErrorHeadersHandler.class).getOrder())
				.isEqualTo(CorsErrorHeadersHandler.ORDER);
		});
	}

	@Test
	void nonWebApplicationGetsNothing() {
		new ApplicationContextRunner().withConfiguration(CORS)
			.withPropertyValues("cors.origins=https://app.example.com")
			.run((context) -> assertThat(context).doesNotHaveBean(CorsPolicy.class)
				.doesNotHaveBean(CorsProperties.class));
	}

	@Test
	void servletApplicationWithoutServletApiGetsNothing() {
		this.servlet.withClassLoader(new FilteredClassLoader(Filter.class))
			.run((context) -> assertThat(context).doesNotHaveBean(CorsPolicy.class)
				.doesNotHaveBean(FilterRegistrationBean.class));
	}

	@Test
	void reactiveApplicationWithoutSpringWebGetsNothing() {
		this.reactive.withClassLoader(new FilteredClassLoader(WebFilter.class))
			.run((context) -> assertThat(context).doesNotHaveBean(CorsPolicy.class)
				.doesNotHaveBean(CorsPolicyWebFilter.class)
				.doesNotHaveBean(CorsErrorHeadersHandler.class));
	}

	@Test
	void reactiveApplicationWithoutReactorGetsNothing() {
		this.reactive.withClassLoader(new FilteredClassLoader(Mono.class))
			.run((context) -> assertThat(context).doesNotHaveBean(CorsPolicy.class));
	}

	@Test
	void disabledServletApplicationGetsNothing() {
		this.servlet.withPropertyValues("cors.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(CorsPolicy.class)
				.doesNotHaveBean(FilterRegistrationBean.class));
	}

	@Test
	void disabledReactiveApplicationGetsNothing() {
		this.reactive.withPropertyValues("cors.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(CorsPolicy.class)
				.doesNotHaveBean(CorsPolicyWebFilter.class)
				.doesNotHaveBean(CorsErrorHeadersHandler.class));
	}

	@Test
	void disabledAtRunTimeAfterBuildTimeConditionsPassesEverythingThrough() {
		// An application processed ahead of time keeps the beans whatever cors.enabled
		// says at run time.
		CorsProperties properties = new CorsProperties();
		properties.getOrigins().add("https://app.example.com");
		properties.setEnabled(false);
		CorsPolicy policy = new CorsPolicyConfiguration().corsPolicy(properties,
				new org.springframework.beans.factory.support.StaticListableBeanFactory()
					.getBeanProvider(OriginDecider.class));
		assertThat(kindFor(policy, "/api", "https://evil.com")).isEqualTo(Kind.NOT_COVERED);
	}

	@Test
	void userCorsPolicyBeanReplacesProperties() {
		CorsPolicy own = CorsPolicy.compile(CorsSettings.builder().origins("https://own.example.com").build());
		this.servlet.withBean(CorsPolicy.class, () -> own).run((context) -> {
			assertThat(context.getBean(CorsPolicy.class)).isSameAs(own);
			assertThat(context.getBean("corsPolicyFilterRegistration", FilterRegistrationBean.class).getFilter())
				.isInstanceOf(CorsPolicyFilter.class);
		});
	}

	@Test
	void userOriginDeciderIsAskedWhenTheListsMiss() {
		AtomicInteger asked = new AtomicInteger();
		OriginDecider tenants = (origin) -> {
			asked.incrementAndGet();
			return origin.equals("https://tenant.example.net");
		};
		this.servlet.withBean(OriginDecider.class, () -> tenants).run((context) -> {
			CorsPolicy policy = context.getBean(CorsPolicy.class);
			assertThat(kindFor(policy, "/api", "https://app.example.com")).isEqualTo(Kind.ALLOWED);
			assertThat(asked).hasValue(0);
			assertThat(kindFor(policy, "/api", "https://tenant.example.net")).isEqualTo(Kind.ALLOWED);
			assertThat(kindFor(policy, "/api", "https://other.example.net")).isEqualTo(Kind.REJECTED);
			assertThat(kindFor(policy, "/api", "HTTPS://TENANT.EXAMPLE.NET")).isEqualTo(Kind.REJECTED);
			assertThat(asked).hasValue(2);
		});
	}

	@Test
	void severalOriginDecidersAreAllAsked() {
		this.reactive.withBean("first", OriginDecider.class, () -> "https://one.example.net"::equals)
			.withBean("second", OriginDecider.class, () -> "https://two.example.net"::equals)
			.run((context) -> {
				CorsPolicy policy = context.getBean(CorsPolicy.class);
				assertThat(kindFor(policy, "https://one.example.net")).isEqualTo(Kind.ALLOWED);
				assertThat(kindFor(policy, "https://two.example.net")).isEqualTo(Kind.ALLOWED);
				assertThat(kindFor(policy, "https://three.example.net")).isEqualTo(Kind.REJECTED);
			});
	}

	@Test
	void userServletRejectionHandlerReplacesTheDefault() {
		io.github.corsstarter.servlet.CorsRejectionHandler own = (request, response, reason) -> response.sendError(418);
		this.servlet.withBean(io.github.corsstarter.servlet.CorsRejectionHandler.class, () -> own)
			.run((context) -> assertThat(context.getBean(io.github.corsstarter.servlet.CorsRejectionHandler.class))
				.isSameAs(own));
	}

	@Test
	void userReactiveRejectionHandlerReplacesTheDefault() {
		io.github.corsstarter.reactive.CorsRejectionHandler own = (exchange, reason) -> Mono.empty();
		this.reactive.withBean(io.github.corsstarter.reactive.CorsRejectionHandler.class, () -> own)
			.run((context) -> assertThat(context.getBean(io.github.corsstarter.reactive.CorsRejectionHandler.class))
				.isSameAs(own));
	}

	@Test
	void userFilterRegistrationReplacesOurs() {
		this.servlet.withUserConfiguration(OwnFilterRegistration.class).run((context) -> {
			assertThat(context).doesNotHaveBean("corsPolicyFilterRegistration");
			assertThat(context.getBeansOfType(FilterRegistrationBean.class)).containsOnlyKeys("myCorsRegistration");
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnFilterRegistration {

		@Bean
		FilterRegistrationBean<CorsPolicyFilter> myCorsRegistration() {
			CorsPolicy policy = CorsPolicy.compile(CorsSettings.builder().origins("https://own.example.com").build());
			FilterRegistrationBean<CorsPolicyFilter> registration = new FilterRegistrationBean<>(
					new CorsPolicyFilter(policy, (request, response, reason) -> response.sendError(403)));
			registration.setOrder(5);
			return registration;
		}

	}

	@Test
	void userWebFilterReplacesOurs() {
		CorsPolicyWebFilter own = new CorsPolicyWebFilter(CorsPolicy.passThrough(), (exchange, reason) -> Mono.empty());
		this.reactive.withBean(CorsPolicyWebFilter.class, () -> own)
			.run((context) -> assertThat(context.getBean(CorsPolicyWebFilter.class)).isSameAs(own));
	}

	@Test
	void userErrorHeadersHandlerReplacesOurs() {
		CorsErrorHeadersHandler own = new CorsErrorHeadersHandler(
				new CorsPolicyWebFilter(CorsPolicy.passThrough(), (exchange, reason) -> Mono.empty()));
		this.reactive.withBean(CorsErrorHeadersHandler.class, () -> own)
			.run((context) -> assertThat(context.getBean(CorsErrorHeadersHandler.class)).isSameAs(own));
	}

	@Test
	void filterOrderPropertyOrdersBothFilters() {
		this.servlet.withPropertyValues("cors.filter-order=-50")
			.run((context) -> assertThat(
					context.getBean("corsPolicyFilterRegistration", FilterRegistrationBean.class).getOrder())
				.isEqualTo(-50));
		this.reactive.withPropertyValues("cors.filter-order=-50")
			.run((context) -> assertThat(context.getBean(CorsPolicyWebFilter.class).getOrder()).isEqualTo(-50));
	}

	@Test
	void originsBindFromTheEnvironmentVariable() {
		new WebApplicationContextRunner().withConfiguration(CORS)
			.withInitializer(environmentVariable("CORS_ORIGINS", " https://a.example.com, https://b.example.com,"))
			.run((context) -> {
				assertThat(context.getBean(CorsProperties.class).getOrigins()).contains("https://a.example.com",
						"https://b.example.com");
				CorsPolicy policy = context.getBean(CorsPolicy.class);
				assertThat(kindFor(policy, "https://a.example.com")).isEqualTo(Kind.ALLOWED);
				assertThat(kindFor(policy, "https://b.example.com")).isEqualTo(Kind.ALLOWED);
			});
	}

	@Test
	void mappingInheritsTheKeysItLeavesUnset() {
		this.servlet
			.withPropertyValues("cors.methods=GET,PUT", "cors.mappings.admin.paths=/admin/**",
					"cors.mappings.admin.origins=https://admin.example.com")
			.run((context) -> {
				CorsPolicy policy = context.getBean(CorsPolicy.class);
				assertThat(policy
					.decide(PlainCorsRequest.preflight("https://admin.example.com", "PUT").path("/admin/users").build())
					.kind()).isEqualTo(Kind.PREFLIGHT);
				assertThat(policy.decide(
						PlainCorsRequest.preflight("https://admin.example.com", "DELETE").path("/admin/users").build())
					.kind()).isEqualTo(Kind.REJECTED);
				assertThat(kindFor(policy, "/admin/users", "https://app.example.com")).isEqualTo(Kind.REJECTED);
				assertThat(kindFor(policy, "/other", "https://app.example.com")).isEqualTo(Kind.ALLOWED);
			});
	}

	@Test
	void invalidConfigurationFailsWithEveryViolation() {
		this.servlet
			.withPropertyValues("cors.origins=*,app.example.com", "cors.allow-credentials=true",
					"cors.mappings.api.paths=/api/**", "cors.mappings.api.methods=TRACE", "cors.preflight-status=201")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(violations(context.getStartupFailure()))
					.extracting((violation) -> violation.property() + "=" + violation.value())
					.containsExactly("cors.origins[0]=*", "cors.origins[1]=app.example.com",
							"cors.preflight-status=201", "cors.mappings.api.methods[0]=TRACE");
			});
	}

	/**
	 * What the binder hands over for the usual separator mistakes: a ';' in the
	 * environment variable, which the binder splits on commas only, and a comma inside an
	 * indexed element (a quoted string in a YAML list), which the binder does not split.
	 * Each arrives as one element holding several origins.
	 */
	@Test
	void severalOriginsInOneBoundElementAreReportedWithTheCommaSeparatedValue() {
		new WebApplicationContextRunner().withConfiguration(CORS)
			.withInitializer(environmentVariable("CORS_ORIGINS", "https://a.example.com;https://b.example.com"))
			.withPropertyValues("cors.mappings.api.paths=/api/**",
					"cors.mappings.api.origins[0]=https://c.example.com, https://d.example.com")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(violations(context.getStartupFailure()))
					.extracting((violation) -> violation.property() + "=" + violation.value() + ": " + violation.hint())
					.containsExactly(
							"cors.origins[0]=https://a.example.com;https://b.example.com: separate them with commas:"
									+ " write https://a.example.com,https://b.example.com (in a YAML list, one"
									+ " origin per element)",
							"cors.mappings.api.origins[0]=https://c.example.com, https://d.example.com: separate"
									+ " them with commas: write https://c.example.com,https://d.example.com (in a"
									+ " YAML list, one origin per element)");
			});
	}

	@Test
	void noOriginsStartsRefusingAndWarnsOnce(CapturedOutput output) {
		new WebApplicationContextRunner().withConfiguration(CORS).run((context) -> {
			assertThat(context).hasNotFailed();
			CorsPolicy policy = context.getBean(CorsPolicy.class);
			assertThat(policy.allowsNoOrigin()).isTrue();
			assertThat(kindFor(policy, "https://app.example.com")).isEqualTo(Kind.REJECTED);
		});
		assertThat(output.getOut()
			.lines()
			.filter((line) -> line.contains("WARN"))
			.filter((line) -> line.contains("cors.origins") && line.contains("CORS_ORIGINS"))).hasSize(1);
	}

	@Test
	void originDeciderAloneIsEnoughToStartWithoutWarning(CapturedOutput output) {
		new WebApplicationContextRunner().withConfiguration(CORS)
			.withBean(OriginDecider.class, () -> (origin) -> true)
			.run((context) -> assertThat(context.getBean(CorsPolicy.class).allowsNoOrigin()).isFalse());
		assertThat(output.getOut()).doesNotContain("No CORS origins are configured");
	}

	@Test
	void startupLogsOneSummaryOfThePolicy(CapturedOutput output) {
		this.servlet.withPropertyValues("cors.origin-patterns=https://*.example.org").run((context) -> {
		});
		assertThat(output.getOut().lines().filter((line) -> line.contains("INFO") && line.contains("CORS policy:")))
			.singleElement()
			.satisfies((line) -> assertThat(line).contains("1 exact", "1 pattern"));
	}

	@Test
	void propertyDefaultsAreTheEngineDefaults() {
		CorsProperties properties = new CorsProperties();
		assertThat(properties.getMethods()).isEqualTo(CorsSettings.DEFAULT_METHODS);
		assertThat(properties.getAllowedHeaders()).isEqualTo(CorsSettings.DEFAULT_ALLOWED_HEADERS);
		assertThat(properties.getMaxAge()).isEqualTo(CorsSettings.DEFAULT_MAX_AGE);
		assertThat(properties.getPreflightStatus()).isEqualTo(CorsSettings.DEFAULT_PREFLIGHT_STATUS);
		assertThat(properties.getPaths()).isEqualTo(CorsSettings.DEFAULT_PATHS);
		assertThat(properties.isEnabled()).isTrue();
		assertThat(properties.isAllowCredentials()).isFalse();
		assertThat(properties.getOrigins()).isEmpty();
	}

	@Test
	void maxAgeWithoutUnitIsSeconds() {
		this.servlet.withPropertyValues("cors.max-age=600")
			.run((context) -> assertThat(context.getBean(CorsProperties.class).getMaxAge().toSeconds()).isEqualTo(600));
	}

	private static List<ConfigurationViolation> violations(Throwable startupFailure) {
		Throwable failure = startupFailure;
		while (!(failure instanceof CorsConfigurationException) && failure.getCause() != null) {
			failure = failure.getCause();
		}
		assertThat(failure).isInstanceOf(CorsConfigurationException.class);
		return ((CorsConfigurationException) failure).getViolations();
	}

	private static Kind kindFor(CorsPolicy policy, String origin) {
		return policy.decide(PlainCorsRequest.builder().origin(origin).build()).kind();
	}

	private static Kind kindFor(CorsPolicy policy, String path, String origin) {
		return policy.decide(PlainCorsRequest.builder().path(path).origin(origin).build()).kind();
	}

	private static ApplicationContextInitializer<ConfigurableApplicationContext> environmentVariable(String name,
			String value) {
		return (context) -> context.getEnvironment()
			.getPropertySources()
			.addAfter(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
					new SystemEnvironmentPropertySource("testEnvironment", Map.of(name, value)));
	}

}
