package io.github.corsstarter.autoconfigure;

import java.beans.PropertyDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.Test;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.aot.AotServices;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.annotation.AnnotationConfigUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.javapoet.ClassName;
import org.springframework.web.context.support.GenericWebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runtime hints a native image of an application with the starter gets: those of
 * {@link CorsRuntimeHints}, loaded from {@code aot.factories}, and those Spring Boot's
 * AOT processing of the starter's auto-configuration registers itself, for the properties
 * and the Actuator endpoint. The hints come from processing a servlet application context
 * ahead of time, as {@code spring-boot:process-aot} does. The Public Suffix List's
 * resource hint is checked in {@code PublicSuffixesTests}, beside the list's location.
 */
class CorsRuntimeHintsTests {

	@Test
	void registrarIsLoadedFromAotFactories() {
		List<RuntimeHintsRegistrar> registrars = AotServices.factories().load(RuntimeHintsRegistrar.class).asList();
		assertThat(registrars).hasAtLeastOneElementOfType(CorsRuntimeHints.class);
	}

	@Test
	void registrarNamesTheStartersClassPathFiles() {
		RuntimeHints hints = new RuntimeHints();
		new CorsRuntimeHints().registerHints(hints, getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.resource().forResource("META-INF/cors/NOTICE")).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("META-INF/cors.properties")).rejects(hints);
	}

	@Test
	void aotProcessingAppliesTheRegistrar() {
		RuntimeHints hints = processAheadOfTime();
		assertThat(RuntimeHintsPredicates.resource().forResource("META-INF/cors/public_suffix_list.dat"))
			.accepts(hints);
	}

	@Test
	void everyPropertyCanBeBound() {
		RuntimeHints hints = processAheadOfTime();
		for (Class<?> type : List.of(CorsProperties.class, CorsProperties.Mapping.class)) {
			assertThat(RuntimeHintsPredicates.reflection().onConstructorInvocation(defaultConstructor(type)))
				.as("constructor of %s", type.getName())
				.accepts(hints);
			List<Method> setters = Arrays.stream(BeanUtils.getPropertyDescriptors(type))
				.map(PropertyDescriptor::getWriteMethod)
				.filter(Objects::nonNull)
				.toList();
			assertThat(setters).as("setters of %s", type.getName()).isNotEmpty();
			for (Method setter : setters) {
				assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(setter)).as(setter.toString())
					.accepts(hints);
			}
		}
	}

	@Test
	void endpointOperationCanBeInvoked() {
		RuntimeHints hints = processAheadOfTime();
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(CorsEndpoint.class, "cors")).accepts(hints);
	}

	@Test
	void endpointDescriptorsCanBeWritten() {
		RuntimeHints hints = processAheadOfTime();
		for (Class<?> type : List.of(CorsEndpoint.PolicyDescriptor.class, CorsEndpoint.RulesDescriptor.class,
				CorsEndpoint.AppliedChangeDescriptor.class, CorsEndpoint.RejectedChangeDescriptor.class,
				CorsEndpoint.ViolationDescriptor.class)) {
			assertThat(RuntimeHintsPredicates.reflection().onType(type)).as(type.getName()).accepts(hints);
			for (RecordComponent component : type.getRecordComponents()) {
				assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(component.getAccessor()))
					.as(component.getAccessor().toString())
					.accepts(hints);
			}
		}
	}

	private static RuntimeHints processAheadOfTime() {
		GenericWebApplicationContext context = new GenericWebApplicationContext();
		TestPropertyValues
			.of("cors.origins=https://app.example.com", "cors.mappings.open.paths=/open/**",
					"management.endpoints.web.exposure.include=cors")
			.applyTo(context);
		AnnotationConfigUtils.registerAnnotationConfigProcessors(context);
		context.registerBean(StarterApplication.class);
		DefaultGenerationContext generation = new DefaultGenerationContext(
				new ClassNameGenerator(ClassName.get(StarterApplication.class)), new InMemoryGeneratedFiles());
		new ApplicationContextAotGenerator().processAheadOfTime(context, generation);
		return generation.getRuntimeHints();
	}

	private static Constructor<?> defaultConstructor(Class<?> type) {
		try {
			return type.getDeclaredConstructor();
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(type.getName() + " has no default constructor", ex);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ CorsServletAutoConfiguration.class, CorsEndpointAutoConfiguration.class,
			EndpointAutoConfiguration.class })
	static class StarterApplication {

	}

}
