package io.github.corsstarter.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * What a native image of an application that uses the starter needs beyond what Spring
 * Boot's AOT processing finds on its own: the files under {@code META-INF/cors/}, which
 * the engine reads from the class path at run time (the Public Suffix List, read when an
 * origin pattern that allows credentials is compiled, and its licence notice).
 * <p>
 * Nothing else is needed: Spring Boot registers the binding hints of
 * {@link CorsProperties} and its nested {@link CorsProperties.Mapping} (through
 * {@code @EnableConfigurationProperties}) and those of the {@link CorsEndpoint}'s
 * operation (through {@code @ReadOperation}) and of the descriptor records it answers
 * with (through {@code @RegisterReflectionForBinding} on the operation; its answer about
 * a hypothetical request holds only maps, lists, strings and numbers); the rejection
 * handlers write a problem detail that is built without reflection. Registered in
 * {@code META-INF/spring/aot.factories}.
 */
class CorsRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.resources().registerPattern("META-INF/cors/*");
	}

}
