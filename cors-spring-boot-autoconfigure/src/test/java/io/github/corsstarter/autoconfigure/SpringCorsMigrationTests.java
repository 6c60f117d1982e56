package io.github.corsstarter.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.github.corsstarter.policy.CorsPolicy;
import io.github.corsstarter.policy.EffectiveRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The startup WARN about CORS configuration an application declares to Spring on paths
 * the starter covers, on both stacks: which declarations get one, its exact suggested
 * lines, and that pasting either suggestion does what it says.
 */
@ExtendWith(OutputCaptureExtension.class)
class SpringCorsMigrationTests {

	private static final String PARTNER = "https://partner.example.com";

	private static final String[] PROPERTIES = { "cors.origins=https://app.example.com",
			"cors.exclude-paths=/internal/**" };

	private final WebApplicationContextRunner servlet = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebMvcAutoConfiguration.class, CorsServletAutoConfiguration.class))
		.withPropertyValues(PROPERTIES);

	private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebFluxAutoConfiguration.class, CorsReactiveAutoConfiguration.class))
		.withPropertyValues(PROPERTIES);

	private static final String PARTNER_ADVICE = """
			Spring's CORS configuration from @CrossOrigin on %s applies to /partners, /partners/{id}, which \
			the starter covers (rules default): the starter now decides CORS requests to these paths and this \
			configuration no longer applies. To keep today's behaviour, either move its rules into the starter \
			(before any broader mapping):
				cors.mappings.partner-controller.paths=/partners,/partners/{id}
				cors.mappings.partner-controller.origins=https://partner.example.com
				cors.mappings.partner-controller.methods=GET,POST
				cors.mappings.partner-controller.exposed-headers=X-Total-Count
			or hand the paths back to Spring's CORS handling:
				cors.exclude-paths=/internal/**,/partners,/partners/{id}"""
		.formatted(PartnerController.class.getName());

	@Test
	void servletCrossOriginOnCoveredPathsIsToldOnceWithTheLines(CapturedOutput output) {
		this.servlet.withUserConfiguration(PartnerController.class, InternalController.class).run((context) -> {
			assertThat(advice(context, ServletSpringCorsDeclarations::find)).containsExactly(PARTNER_ADVICE);
			assertThat(output).containsOnlyOnce(PARTNER_ADVICE);
		});
	}

	@Test
	void reactiveCrossOriginOnCoveredPathsIsToldOnceWithTheLines(CapturedOutput output) {
		this.reactive.withUserConfiguration(PartnerController.class, InternalController.class).run((context) -> {
			assertThat(advice(context, ReactiveSpringCorsDeclarations::find)).containsExactly(PARTNER_ADVICE);
			assertThat(output).containsOnlyOnce(PARTNER_ADVICE);
		});
	}

	@Test
	void servletAddCorsMappingsIsToldWithOneMappingPerRuleSet() {
		this.servlet.withUserConfiguration(MvcCorsMappings.class)
			.run((context) -> assertThat(advice(context, ServletSpringCorsDeclarations::find))
				.containsExactly(registeredAdvice("addCorsMappings (Spring MVC's global CORS configuration)")));
	}

	@Test
	void reactiveAddCorsMappingsIsToldWithOneMappingPerRuleSet() {
		this.reactive.withUserConfiguration(WebFluxCorsMappings.class)
			.run((context) -> assertThat(advice(context, ReactiveSpringCorsDeclarations::find))
				.containsExactly(registeredAdvice(
						"addCorsMappings of the WebFluxConfigurer bean 'springCorsMigrationTests.WebFluxCorsMappings'")));
	}

	private static String registeredAdvice(String source) {
		return """
				Spring's CORS configuration from %s applies to /registered/**, /shared/**, /public/**, which the \
				starter covers (rules default): the starter now decides CORS requests to these paths and this \
				configuration no longer applies. To keep today's behaviour, either move its rules into the starter \
				(before any broader mapping):
					cors.mappings.registered.paths=/registered/**,/shared/**
					cors.mappings.registered.origins=https://partner.example.com
					cors.mappings.registered.methods=GET,HEAD,POST
					cors.mappings.registered.allow-credentials=true
					cors.mappings.public.paths=/public/**
					cors.mappings.public.origins=*
					cors.mappings.public.methods=GET
					cors.mappings.public.max-age=60
				or hand the paths back to Spring's CORS handling:
					cors.exclude-paths=/internal/**,/registered/**,/shared/**,/public/**""".formatted(source);
	}

	@Test
	void excludedAndUncoveredPathsAreNotMentioned() {
		this.servlet.withUserConfiguration(InternalController.class)
			.run((context) -> assertThat(advice(context, ServletSpringCorsDeclarations::find)).isEmpty());
		this.reactive.withUserConfiguration(PartnerController.class)
			.withPropertyValues("cors.paths=/api/**")
			.run((context) -> assertThat(advice(context, ReactiveSpringCorsDeclarations::find)).isEmpty());
	}

	@Test
	void mappingLinesReproduceSpringsRules() {
		List<String> lines = suggestedLines(PARTNER_ADVICE, "cors.mappings.");
		assertThat(lines).hasSize(4);
		this.servlet.withUserConfiguration(PartnerController.class)
			.withPropertyValues(lines.toArray(String[]::new))
			.run((context) -> {
				EffectiveRules rules = context.getBean(CorsPolicy.class).effectiveRulesFor("/partners/7");
				assertThat(rules.name()).isEqualTo("partner-controller");
				assertThat(rules.origins()).containsExactly(PARTNER);
				assertThat(rules.originPatterns()).isEmpty();
				assertThat(rules.methods()).containsExactly("GET", "POST");
				assertThat(rules.allowedHeaders()).containsExactly("*");
				assertThat(rules.exposedHeaders()).containsExactly("X-Total-Count");
				assertThat(rules.allowCredentials()).isFalse();
				assertThat(rules.maxAge().toSeconds()).isEqualTo(1800);
				assertThat(context.getBean(CorsPolicy.class).effectiveRulesFor("/api").origins())
					.containsExactly("https://app.example.com");
				// The starter now does what Spring did there: nothing left to tell.
				assertThat(advice(context, ServletSpringCorsDeclarations::find)).isEmpty();
			});
	}

	@Test
	void mappingLinesResetWhatTheTopLevelWouldPassOn() {
		this.servlet.withUserConfiguration(PartnerController.class)
			.withPropertyValues("cors.origin-patterns=https://*.example.com", "cors.allow-credentials=true",
					"cors.exposed-headers=X-Request-Id")
			.run((context) -> {
				String advice = advice(context, ServletSpringCorsDeclarations::find).get(0);
				assertThat(advice).contains("\tcors.mappings.partner-controller.origin-patterns=\n",
						"\tcors.mappings.partner-controller.allow-credentials=false\n",
						"\tcors.mappings.partner-controller.exposed-headers=X-Total-Count\n");
				List<String> lines = suggestedLines(advice, "cors.mappings.");
				lines.addAll(List.of("cors.origin-patterns=https://*.example.com", "cors.allow-credentials=true"));
				this.servlet.withUserConfiguration(PartnerController.class)
					.withPropertyValues(lines.toArray(String[]::new))
					.run((applied) -> {
						EffectiveRules rules = applied.getBean(CorsPolicy.class).effectiveRulesFor("/partners");
						assertThat(rules.originPatterns()).isEmpty();
						assertThat(rules.allowCredentials()).isFalse();
						assertThat(advice(applied, ServletSpringCorsDeclarations::find)).isEmpty();
					});
			});
	}

	@Test
	void excludeLineHandsThePathsBack() {
		List<String> lines = suggestedLines(PARTNER_ADVICE, "cors.exclude-paths=");
		this.reactive.withUserConfiguration(PartnerController.class)
			.withPropertyValues(lines.toArray(String[]::new))
			.run((context) -> {
				CorsPolicy policy = context.getBean(CorsPolicy.class);
				assertThat(policy.effectiveRulesFor("/partners")).isNull();
				assertThat(policy.effectiveRulesFor("/partners/7")).isNull();
				assertThat(policy.effectiveRulesFor("/internal/x")).isNull();
				assertThat(policy.effectiveRulesFor("/api")).isNotNull();
				assertThat(advice(context, ReactiveSpringCorsDeclarations::find)).isEmpty();
			});
	}

	@Test
	void linesTheStarterWouldRefuseSaySo() {
		this.servlet.withUserConfiguration(RegexController.class).run((context) -> {
			String advice = advice(context, ServletSpringCorsDeclarations::find).get(0);
			assertThat(advice).contains("\tcors.mappings.regex-controller.paths=/items/{id:\\d+}\n");
			assertThat(advice).contains("(the starter would refuse these lines as they are: ")
				.contains("cors.mappings.regex-controller.paths[0]");
		});
	}

	@Test
	void placeholdersAreResolvedAsSpringResolvesThem() {
		this.reactive.withUserConfiguration(PlaceholderController.class)
			.withPropertyValues("partner.origin=" + PARTNER)
			.run((context) -> assertThat(advice(context, ReactiveSpringCorsDeclarations::find).get(0))
				.contains("\tcors.mappings.placeholder-controller.origins=" + PARTNER + "\n"));
	}

	@Test
	void corsBeansWhosePathsCannotBeReadAreToldWithoutLines() {
		this.servlet.withUserConfiguration(CorsFilterBean.class).run((context) -> {
			List<String> advice = advice(context, ServletSpringCorsDeclarations::find);
			assertThat(advice).hasSize(2);
			// Spring allows GET and HEAD, and no request header, where a configuration
			// names none.
			assertThat(advice.get(0))
				.startsWith(
						"Spring's CORS configuration from the CorsConfigurationSource bean 'partnerSource' applies to"
								+ " /partners/**")
				.contains("\tcors.mappings.partner-source.methods=GET,HEAD\n",
						"\tcors.mappings.partner-source.allowed-headers=\n");
			assertThat(advice.get(1)).isEqualTo("Spring's CORS configuration from the CorsFilter bean"
					+ " 'legacyCorsFilter' does not tell which paths it applies to. On the paths the starter covers,"
					+ " the starter now decides CORS requests before it runs, and it no longer applies there. To keep"
					+ " it deciding on some paths, list them in cors.exclude-paths; or move its rules into the starter"
					+ " as cors.mappings.<name>.* and remove it.");
		});
	}

	@Test
	void namesAreDerivedFromTypesAndPatterns() {
		assertThat(SpringCorsDeclaration.nameOf(PartnerController.class)).isEqualTo("partner-controller");
		assertThat(SpringCorsDeclaration.nameOf(CorsFilter.class)).isEqualTo("cors-filter");
		assertThat(SpringCorsDeclaration.nameOf("/api/v2/partners/**")).isEqualTo("api-v2-partners");
		assertThat(SpringCorsDeclaration.nameOf("/{*rest}")).isEqualTo("rest");
		assertThat(SpringCorsDeclaration.nameOf("/**")).isEqualTo("root");
		assertThat(SpringCorsDeclaration.nameOf("partnerSource")).isEqualTo("partner-source");
		assertThat(SpringCorsDeclaration.nameOf("URLSource")).isEqualTo("urlsource");
		assertThat(SpringCorsMigration.examplePath("/partners/{id}/files/**")).isEqualTo("/partners/x/files/x");
		assertThat(SpringCorsMigration.examplePath("/static/*.css")).isEqualTo("/static/x.css");
		assertThat(SpringCorsMigration.examplePath("")).isEqualTo("/");
	}

	private static List<String> advice(AssertableApplicationContext context,
			Function<ConfigurableListableBeanFactory, List<SpringCorsDeclaration>> finder) {
		return advice((ConfigurableApplicationContext) context, finder);
	}

	private static List<String> advice(ConfigurableApplicationContext context,
			Function<ConfigurableListableBeanFactory, List<SpringCorsDeclaration>> finder) {
		SpringCorsMigration migration = new SpringCorsMigration(context.getBean(CorsPolicy.class),
				context.getBean(CorsProperties.class), context.getEnvironment());
		return migration.advise(finder.apply(context.getBeanFactory()));
	}

	private static List<String> suggestedLines(String advice, String prefix) {
		List<String> lines = new ArrayList<>();
		for (String line : advice.split("\n")) {
			if (line.startsWith("\t" + prefix)) {
				lines.add(line.substring(1));
			}
		}
		return lines;
	}

	@RestController
	@CrossOrigin(origins = PARTNER, methods = { RequestMethod.GET, RequestMethod.POST },
			exposedHeaders = "X-Total-Count")
	static class PartnerController {

		@GetMapping("/partners")
		String list() {
			return "partners";
		}

		@PostMapping("/partners/{id}")
		String update() {
			return "updated";
		}

	}

	@RestController
	static class InternalController {

		@CrossOrigin(PARTNER)
		@GetMapping("/internal/status")
		String status() {
			return "ok";
		}

	}

	@RestController
	static class RegexController {

		@CrossOrigin(PARTNER)
		@GetMapping("/items/{id:\\d+}")
		String item() {
			return "item";
		}

	}

	@RestController
	@CrossOrigin("${partner.origin}")
	static class PlaceholderController {

		@GetMapping("/placeholder")
		String get() {
			return "placeholder";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class MvcCorsMappings implements WebMvcConfigurer {

		@Override
		public void addCorsMappings(CorsRegistry registry) {
			registry.addMapping("/registered/**").allowedOrigins(PARTNER).allowCredentials(true);
			registry.addMapping("/shared/**").allowedOrigins(PARTNER).allowCredentials(true);
			registry.addMapping("/public/**").allowedOrigins("*").allowedMethods("GET").maxAge(60);
			registry.addMapping("/internal/**").allowedOrigins(PARTNER);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class WebFluxCorsMappings implements WebFluxConfigurer {

		@Override
		public void addCorsMappings(org.springframework.web.reactive.config.CorsRegistry registry) {
			registry.addMapping("/registered/**").allowedOrigins(PARTNER).allowCredentials(true);
			registry.addMapping("/shared/**").allowedOrigins(PARTNER).allowCredentials(true);
			registry.addMapping("/public/**").allowedOrigins("*").allowedMethods("GET").maxAge(60);
			registry.addMapping("/internal/**").allowedOrigins(PARTNER);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CorsFilterBean {

		@Bean
		UrlBasedCorsConfigurationSource partnerSource() {
			UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
			CorsConfiguration configuration = new CorsConfiguration();
			configuration.addAllowedOrigin(PARTNER);
			source.registerCorsConfiguration("/partners/**", configuration);
			return source;
		}

		@Bean
		CorsFilter legacyCorsFilter(UrlBasedCorsConfigurationSource partnerSource) {
			return new CorsFilter(partnerSource);
		}

	}

}
