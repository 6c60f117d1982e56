package io.github.corsstarter.autoconfigure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.method.HandlerMethod;

/**
 * CORS configuration an application declares to Spring itself, found at startup: the
 * rules of one {@code @CrossOrigin} controller, of {@code addCorsMappings}, or of a CORS
 * bean of the application's.
 *
 * @param source what declares it, as a reader finds it in the code
 * ({@code @CrossOrigin on com.example.Api})
 * @param name the base of the mapping name suggested for its rules, lower-case words
 * joined by dashes, or {@code null} to name each mapping after its first path pattern
 * @param byPathPattern its configurations by the path patterns they apply to, in
 * declaration order, or {@code null} when the paths cannot be read from it (a
 * {@code CorsFilter} bean)
 */
record SpringCorsDeclaration(String source, @Nullable String name,
		@Nullable Map<String, CorsConfiguration> byPathPattern) {

	/**
	 * Returns one declaration per controller type whose handlers carry
	 * {@code @CrossOrigin}, with the configuration Spring computed for each handler's
	 * path patterns, sorted (the first handler's, when several share a pattern).
	 * @param <T> the stack's mapping information
	 * @param handlerMethods a handler mapping's handlers
	 * @param patterns gives a mapping's path patterns
	 * @param configuration gives a handler's CORS configuration as the stack computes it
	 * @return the declarations
	 */
	static <T> List<SpringCorsDeclaration> crossOrigin(Map<T, HandlerMethod> handlerMethods,
			Function<T, Collection<String>> patterns,
			BiFunction<HandlerMethod, T, @Nullable CorsConfiguration> configuration) {
		Map<Class<?>, Map<String, CorsConfiguration>> byType = new LinkedHashMap<>();
		handlerMethods.forEach((info, handlerMethod) -> {
			Class<?> type = handlerMethod.getBeanType();
			if (!AnnotatedElementUtils.hasAnnotation(type, CrossOrigin.class)
					&& !AnnotatedElementUtils.hasAnnotation(handlerMethod.getMethod(), CrossOrigin.class)) {
				return;
			}
			CorsConfiguration handlerConfiguration = configuration.apply(handlerMethod, info);
			if (handlerConfiguration != null) {
				Map<String, CorsConfiguration> byPattern = byType.computeIfAbsent(type, (key) -> new TreeMap<>());
				for (String pattern : rooted(patterns.apply(info))) {
					byPattern.putIfAbsent(pattern, handlerConfiguration);
				}
			}
		});
		List<SpringCorsDeclaration> declarations = new ArrayList<>();
		byType.forEach((type, byPattern) -> declarations
			.add(new SpringCorsDeclaration("@CrossOrigin on " + type.getName(), nameOf(type), byPattern)));
		return declarations;
	}

	/**
	 * Returns a handler's path patterns, with the empty pattern of a handler mapped to no
	 * path written as {@code /}.
	 * @param patterns the patterns
	 * @return the patterns in the same order
	 */
	private static Collection<String> rooted(Collection<String> patterns) {
		Set<String> rooted = new LinkedHashSet<>();
		for (String pattern : patterns) {
			rooted.add(pattern.isEmpty() ? "/" : pattern);
		}
		return rooted.isEmpty() ? Set.of("/") : rooted;
	}

	/**
	 * Returns a mapping name for a Java type: {@code PartnerController} gives
	 * {@code partner-controller}.
	 * @param type the type
	 * @return the name
	 */
	static String nameOf(Class<?> type) {
		return nameOf(type.getSimpleName());
	}

	/**
	 * Returns a mapping name for a bean name or a path pattern: {@code partnerSource}
	 * gives {@code partner-source}, {@code /api/partners/**} gives {@code api-partners}.
	 * @param text the bean name or pattern
	 * @return the name, {@code root} when the text has no letter or digit
	 */
	static String nameOf(String text) {
		StringBuilder name = new StringBuilder();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean letterOrDigit = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
			boolean wordStart = c >= 'A' && c <= 'Z' && i > 0 && Character.isLowerCase(text.charAt(i - 1));
			if (!name.isEmpty() && (wordStart || !letterOrDigit) && name.charAt(name.length() - 1) != '-') {
				name.append('-');
			}
			if (letterOrDigit) {
				name.append(Character.toLowerCase(c));
			}
		}
		while (!name.isEmpty() && name.charAt(name.length() - 1) == '-') {
			name.setLength(name.length() - 1);
		}
		return name.isEmpty() ? "root" : name.toString();
	}

}
