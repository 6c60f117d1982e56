package io.github.corsstarter.autoconfigure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import io.github.corsstarter.policy.CorsConfigurationException;
import io.github.corsstarter.policy.CorsPolicy;
import io.github.corsstarter.policy.CorsPolicyHolder;
import io.github.corsstarter.policy.EffectiveRules;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.web.cors.CorsConfiguration;

/**
 * Tells, once at startup, which of the CORS configuration an application declares to
 * Spring (see {@link SpringCorsDeclaration}) the starter now overrides, and how to keep
 * today's behaviour. On the paths it covers the starter is the only CORS authority: its
 * filter answers preflights and refuses other origins before Spring's handler mappings
 * run, and Spring's CORS processing leaves alone a response that already allows an
 * origin. Each declaration on a covered path gets one WARN with two ways out, as
 * {@code cors.*} lines ready to paste: its rules as {@code cors.mappings.<name>.*}, or
 * its paths in {@code cors.exclude-paths}, which hands them back to Spring. Both are
 * bound and compiled first, as the application would, and a suggestion the starter would
 * refuse says so.
 */
final class SpringCorsMigration {

	private static final Log logger = LogFactory.getLog(SpringCorsMigration.class);

	private static final String PREFIX = "cors.";

	private final CorsPolicy policy;

	private final CorsProperties properties;

	private final ConfigurableEnvironment environment;

	SpringCorsMigration(CorsPolicy policy, CorsProperties properties, ConfigurableEnvironment environment) {
		this.policy = policy;
		this.properties = properties;
		this.environment = environment;
	}

	/**
	 * Returns the hook that logs the advice once every singleton exists, when the handler
	 * mappings hold what the application declares.
	 * @param policy the holder of the policy in force
	 * @param properties the bound properties
	 * @param environment the environment the suggested lines are bound over
	 * @param declarations finds what the application declares to its web stack
	 * @return the hook, to declare as a bean
	 */
	static SmartInitializingSingleton atStartup(CorsPolicyHolder policy, CorsProperties properties,
			ConfigurableEnvironment environment, Supplier<List<SpringCorsDeclaration>> declarations) {
		return () -> new SpringCorsMigration(policy.get(), properties, environment).log(declarations.get());
	}

	/**
	 * Logs the advice for each declaration, at WARN.
	 * @param declarations what the application declares
	 */
	void log(List<SpringCorsDeclaration> declarations) {
		for (String advice : advise(declarations)) {
			logger.warn(advice);
		}
	}

	/**
	 * Returns one piece of advice for each declaration that applies to a path the starter
	 * covers.
	 * @param declarations what the application declares
	 * @return the advice, one message per declaration
	 */
	List<String> advise(List<SpringCorsDeclaration> declarations) {
		List<String> advice = new ArrayList<>();
		Set<String> names = new HashSet<>(this.properties.getMappings().keySet());
		for (SpringCorsDeclaration declaration : declarations) {
			String message = advise(declaration, names);
			if (message != null) {
				advice.add(message);
			}
		}
		return advice;
	}

	private @Nullable String advise(SpringCorsDeclaration declaration, Set<String> names) {
		Map<String, CorsConfiguration> byPattern = declaration.byPathPattern();
		if (byPattern == null) {
			return this.policy.rules().isEmpty() ? null : unreadable(declaration);
		}
		// Patterns grouped by the mapping lines their configuration needs, so equal rules
		// share one mapping.
		Map<List<String>, List<String>> patternsByRules = new LinkedHashMap<>();
		Set<String> ruleNames = new TreeSet<>();
		byPattern.forEach((pattern, configuration) -> {
			EffectiveRules rules = this.policy.effectiveRulesFor(examplePath(pattern));
			if (rules != null && !reproduces(rules, configuration)) {
				ruleNames.add(rules.name());
				patternsByRules.computeIfAbsent(ruleLines(configuration), (key) -> new ArrayList<>()).add(pattern);
			}
		});
		if (patternsByRules.isEmpty()) {
			return null;
		}
		Set<String> patterns = new LinkedHashSet<>();
		patternsByRules.values().forEach(patterns::addAll);
		Map<String, String> mappingLines = new LinkedHashMap<>();
		patternsByRules.forEach((lines, groupPatterns) -> {
			String base = declaration.name();
			String name = uniqueName((base != null) ? base : SpringCorsDeclaration.nameOf(groupPatterns.get(0)), names);
			mappingLines.put(PREFIX + "mappings." + name + ".paths", String.join(",", groupPatterns));
			for (String line : lines) {
				int equals = line.indexOf('=');
				mappingLines.put(PREFIX + "mappings." + name + "." + line.substring(0, equals),
						line.substring(equals + 1));
			}
		});
		List<String> excludePaths = new ArrayList<>(trimmed(this.properties.getExcludePaths()));
		patterns.stream().filter((pattern) -> !excludePaths.contains(pattern)).forEach(excludePaths::add);
		Map<String, String> excludeLine = Map.of(PREFIX + "exclude-paths", String.join(",", excludePaths));
		StringBuilder message = new StringBuilder();
		message.append("Spring's CORS configuration from ")
			.append(declaration.source())
			.append(" applies to ")
			.append(String.join(", ", patterns))
			.append(", which the starter covers (rules ")
			.append(String.join(", ", ruleNames))
			.append("): the starter now decides CORS requests to ")
			.append((patterns.size() == 1) ? "this path" : "these paths")
			.append(" and this configuration no longer applies. To keep today's behaviour, either move its rules")
			.append(" into the starter (before any broader mapping):");
		appendLines(message, mappingLines);
		message.append("\nor hand the paths back to Spring's CORS handling:");
		appendLines(message, excludeLine);
		return message.toString();
	}

	private String unreadable(SpringCorsDeclaration declaration) {
		return "Spring's CORS configuration from " + declaration.source() + " does not tell which paths it applies"
				+ " to. On the paths the starter covers, the starter now decides CORS requests before it runs, and it"
				+ " no longer applies there. To keep it deciding on some paths, list them in " + PREFIX
				+ "exclude-paths; or move its rules into the starter as " + PREFIX + "mappings.<name>.* and remove it.";
	}

	private void appendLines(StringBuilder message, Map<String, String> lines) {
		lines.forEach((name, value) -> message.append("\n\t").append(name).append('=').append(value));
		String problem = problemWith(lines);
		if (problem != null) {
			message.append("\n\t(the starter would refuse these lines as they are: ").append(problem).append(')');
		}
	}

	/**
	 * Returns whether the rules already do what the configuration does, as after its
	 * lines were pasted.
	 */
	private static boolean reproduces(EffectiveRules rules, CorsConfiguration configuration) {
		Long maxAge = configuration.getMaxAge();
		return sameElements(list(configuration.getAllowedOrigins()), rules.origins())
				&& sameElements(originPatterns(configuration.getAllowedOriginPatterns()), rules.originPatterns())
				&& sameElements(methods(configuration), rules.methods())
				&& sameElements(list(configuration.getAllowedHeaders()), rules.allowedHeaders())
				&& sameElements(list(configuration.getExposedHeaders()), rules.exposedHeaders())
				&& Boolean.TRUE.equals(configuration.getAllowCredentials()) == rules.allowCredentials()
				&& Boolean.TRUE.equals(configuration.getAllowPrivateNetwork()) == rules.allowPrivateNetwork()
				&& (maxAge == null || maxAge == rules.maxAge().toSeconds());
	}

	private static boolean sameElements(List<String> spring, List<String> starter) {
		Set<String> left = new HashSet<>();
		spring.forEach((value) -> left.add(value.toLowerCase(Locale.ROOT)));
		Set<String> right = new HashSet<>();
		starter.forEach((value) -> right.add(value.toLowerCase(Locale.ROOT)));
		return left.equals(right);
	}

	/**
	 * Spring allows {@code GET} and {@code HEAD} when a configuration names no method.
	 */
	private static List<String> methods(CorsConfiguration configuration) {
		return (configuration.getAllowedMethods() != null) ? list(configuration.getAllowedMethods())
				: List.of("GET", "HEAD");
	}

	/**
	 * Returns the lines that make a mapping behave as the configuration does, where the
	 * top level's value, which a mapping inherits, differs.
	 */
	private List<String> ruleLines(CorsConfiguration configuration) {
		List<String> lines = new ArrayList<>();
		addIfDifferent(lines, "origins", list(configuration.getAllowedOrigins()), this.properties.getOrigins());
		addIfDifferent(lines, "origin-patterns", originPatterns(configuration.getAllowedOriginPatterns()),
				this.properties.getOriginPatterns());
		addIfDifferent(lines, "methods", methods(configuration), this.properties.getMethods());
		addIfDifferent(lines, "allowed-headers", list(configuration.getAllowedHeaders()),
				this.properties.getAllowedHeaders());
		addIfDifferent(lines, "exposed-headers", list(configuration.getExposedHeaders()),
				this.properties.getExposedHeaders());
		boolean credentials = Boolean.TRUE.equals(configuration.getAllowCredentials());
		if (credentials != this.properties.isAllowCredentials()) {
			lines.add("allow-credentials=" + credentials);
		}
		Long maxAge = configuration.getMaxAge();
		if (maxAge != null && maxAge != this.properties.getMaxAge().toSeconds()) {
			lines.add("max-age=" + maxAge);
		}
		boolean privateNetwork = Boolean.TRUE.equals(configuration.getAllowPrivateNetwork());
		if (privateNetwork != this.properties.isAllowPrivateNetwork()) {
			lines.add("allow-private-network=" + privateNetwork);
		}
		return lines;
	}

	private static void addIfDifferent(List<String> lines, String name, List<String> value, List<String> topLevel) {
		if (!value.equals(trimmed(topLevel))) {
			lines.add(name + "=" + String.join(",", value));
		}
	}

	private static List<String> list(@Nullable List<String> values) {
		return (values != null) ? trimmed(values) : List.of();
	}

	/**
	 * Spring writes "any port" as a port list, {@code http://localhost:[*]}, and several
	 * ports as {@code [8080,8081]}; the starter takes {@code :*}, and one origin per
	 * port.
	 */
	private static List<String> originPatterns(@Nullable List<String> patterns) {
		List<String> converted = new ArrayList<>();
		for (String pattern : list(patterns)) {
			if (pattern.endsWith(":[*]")) {
				converted.add(pattern.substring(0, pattern.length() - 3) + "*");
			}
			else {
				converted.add(pattern);
			}
		}
		return converted;
	}

	private static List<String> trimmed(@Nullable List<String> values) {
		List<String> trimmed = new ArrayList<>();
		if (values != null) {
			for (String value : values) {
				if (value != null && !value.isBlank()) {
					trimmed.add(value.strip());
				}
			}
		}
		return trimmed;
	}

	private static String uniqueName(String base, Set<String> taken) {
		String name = base.equals(EffectiveRules.TOP_LEVEL) ? base + "-cors" : base;
		for (int i = 2; !taken.add(name); i++) {
			name = base + "-" + i;
		}
		return name;
	}

	/**
	 * Returns a path that a Spring path pattern matches, to ask the policy whether it
	 * covers the pattern's paths: each variable or wildcard becomes one segment,
	 * {@code x}.
	 */
	static String examplePath(String pattern) {
		StringBuilder path = new StringBuilder();
		for (String segment : pattern.split("/")) {
			if (segment.isEmpty()) {
				continue;
			}
			path.append('/');
			if (segment.startsWith("{") || segment.contains("*") || segment.contains("?")) {
				String literal = segment.replaceAll("\\{[^}]*}|[*?]+", "x");
				path.append(literal.isEmpty() ? "x" : literal);
			}
			else {
				path.append(segment);
			}
		}
		return path.isEmpty() ? "/" : path.toString();
	}

	/**
	 * Binds the environment with the lines on top, as the application would after pasting
	 * them, and compiles the result.
	 * @return what the starter would refuse, or {@code null}
	 */
	private @Nullable String problemWith(Map<String, String> lines) {
		MutablePropertySources sources = new MutablePropertySources(this.environment.getPropertySources());
		sources.addFirst(new MapPropertySource("suggested", new LinkedHashMap<>(lines)));
		Binder binder = new Binder(ConfigurationPropertySources.from(sources),
				new PropertySourcesPlaceholdersResolver(sources), ApplicationConversionService.getSharedInstance());
		try {
			CorsProperties bound = binder.bindOrCreate("cors", Bindable.of(CorsProperties.class));
			CorsPolicy.compile(bound.toSettings());
			return null;
		}
		catch (CorsConfigurationException ex) {
			return ex.getMessage();
		}
		catch (RuntimeException ex) {
			return (ex.getCause() != null) ? ex.getCause().getMessage() : ex.getMessage();
		}
	}

}
