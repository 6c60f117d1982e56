package io.github.corsstarter.policy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import io.github.corsstarter.policy.OriginProblems.Problem;
import org.jspecify.annotations.Nullable;

/**
 * Checks {@link CorsSettings} and compiles them into a {@link CorsPolicy}, collecting
 * every violation before failing. Violations name the property that holds the offending
 * value: a mapping's own property, or the top-level one it inherited.
 */
final class CorsPolicyCompiler {

	private static final Set<String> FORBIDDEN_METHODS = Set.of("CONNECT", "TRACE", "TRACK");

	/**
	 * Fetch, "normalize a method": browsers send these six in uppercase whatever case a
	 * script wrote them in, and every other method as written.
	 */
	private static final Set<String> NORMALIZED_METHODS = Set.of("DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT");

	/**
	 * The longest preflight cache lifetime any browser keeps: Firefox caps
	 * {@code Access-Control-Max-Age} at 24 hours, Chromium at 2 hours (Fetch,
	 * "CORS-preflight cache", lets user agents cap it).
	 */
	private static final Duration LONGEST_MAX_AGE = Duration.ofHours(24);

	private final String prefix;

	private final @Nullable OriginDecider decider;

	private final Set<ConfigurationViolation> violations = new LinkedHashSet<>();

	CorsPolicyCompiler(String prefix, @Nullable OriginDecider decider) {
		this.prefix = prefix;
		this.decider = decider;
	}

	CorsPolicy compile(CorsSettings settings) {
		Layer top = Layer.top(this.prefix, settings);
		List<RequestPathPattern> excluded = paths(top.excludePaths);
		List<RequestPathPattern> covered = paths(top.paths);
		CorsRules topRules = rules(top, EffectiveRules.TOP_LEVEL, covered, excluded);
		List<CorsPolicy.Mapping> mappings = new ArrayList<>();
		settings.mappings().forEach((name, mapping) -> {
			Layer layer = Layer.mapping(this.prefix + ".mappings." + name, mapping, top);
			List<RequestPathPattern> mappingPaths = paths(layer.paths);
			if (layer.paths.elements().isEmpty()) {
				this.violations.add(new ConfigurationViolation(layer.paths.property, "",
						"is not set; a mapping covers only the paths it names", "list path patterns such as /api/**"));
			}
			// The top level's exclusions apply before any mapping is tried: only a
			// mapping's own are kept here.
			List<RequestPathPattern> mappingExcluded = (layer.excludePaths == top.excludePaths) ? List.of()
					: paths(layer.excludePaths);
			mappings.add(new CorsPolicy.Mapping(mappingPaths, mappingExcluded,
					rules(layer, name, mappingPaths, mappingExcluded)));
		});
		if (!this.violations.isEmpty()) {
			throw new CorsConfigurationException(new ArrayList<>(this.violations));
		}
		return new CorsPolicy(excluded, covered, topRules, mappings, this.decider != null);
	}

	private CorsRules rules(Layer layer, String name, List<RequestPathPattern> paths,
			List<RequestPathPattern> excludePaths) {
		checkName(layer, name);
		// Violations are reported in this order: the order of the properties in the
		// documentation.
		AllowedOrigins origins = new AllowedOrigins();
		addOrigins(layer, origins);
		addOriginPatterns(layer, origins);
		List<String> methods = methods(layer);
		List<String> allowedHeaders = tokens(layer.allowedHeaders, "header name",
				(header) -> allowedHeaderProblem(header, layer));
		List<String> exposedHeaders = exposedHeaders(layer);
		Duration maxAge = maxAge(layer);
		int preflightStatus = preflightStatus(layer);
		OriginMatcher matcher = new OriginMatcher(origins.any, origins.exact, origins.httpsDomains, origins.httpDomains,
				origins.anyPort, this.decider);
		List<String> patterns = layer.originPatterns.elements().stream().map(Element::value).toList();
		EffectiveRules effective = new EffectiveRules(name, strings(paths), strings(excludePaths), origins.listed(),
				patterns, methods, allowedHeaders, exposedHeaders, layer.allowCredentials.value, maxAge,
				layer.allowPrivateNetwork.value, preflightStatus);
		return new CorsRules(matcher, effective);
	}

	private void checkName(Layer layer, String name) {
		if (name.equals(EffectiveRules.TOP_LEVEL) && !layer.prefix.equals(this.prefix)) {
			this.violations
				.add(new ConfigurationViolation(layer.prefix, name,
						"is the name of the top-level rules in the Actuator endpoint and the startup log, where the two"
								+ " would be confused",
						"rename the mapping, such as " + this.prefix + ".mappings.api"));
		}
	}

	private void addOrigins(Layer layer, AllowedOrigins origins) {
		boolean credentials = layer.allowCredentials.value;
		for (Element origin : layer.origins.elements()) {
			// Before any other check: read as one origin, such a value gets hints that
			// lead nowhere.
			if (severalOrigins(origin)) {
				continue;
			}
			if (origin.value.equals("*")) {
				if (credentials) {
					violation(origin,
							"cannot be combined with credentials: browsers refuse a wildcard"
									+ " Access-Control-Allow-Origin on credentialed requests",
							"list the exact origins, or set " + layer.allowCredentials.property + "=false");
				}
				origins.any = true;
				continue;
			}
			if (origin.value.contains("*")) {
				violation(origin, "is a pattern; exact origins match byte for byte",
						"move it to " + layer.originPatterns.property);
				continue;
			}
			Problem problem = OriginProblems.ofOrigin(origin.value);
			if (problem != null) {
				violation(origin, problem.reason(), problem.hint());
				continue;
			}
			checkInsecure(origin, host(origin.value), credentials, layer.allowInsecureOrigins.value, layer);
			origins.exact.add(origin.value);
		}
	}

	private void addOriginPatterns(Layer layer, AllowedOrigins origins) {
		boolean credentials = layer.allowCredentials.value;
		boolean insecureAllowed = layer.allowInsecureOrigins.value;
		for (Element pattern : layer.originPatterns.elements()) {
			if (severalOrigins(pattern)) {
				continue;
			}
			Problem problem = OriginProblems.ofPattern(pattern.value, layer.origins.property);
			if (problem != null) {
				violation(pattern, problem.reason(), problem.hint());
				continue;
			}
			if (pattern.value.endsWith(":*")) {
				String origin = pattern.value.substring(0, pattern.value.length() - 2);
				checkInsecure(pattern, host(origin), credentials, insecureAllowed, layer);
				origins.anyPort.add(origin);
			}
			else {
				String domain = pattern.value.substring(pattern.value.indexOf("://*.") + 5);
				checkInsecure(pattern, domain, credentials, insecureAllowed, layer);
				checkPublicSuffix(pattern, domain, credentials, layer);
				(pattern.value.startsWith(OriginSyntax.HTTPS) ? origins.httpsDomains : origins.httpDomains).add(domain);
			}
		}
	}

	private List<String> methods(Layer layer) {
		return normalize(tokens(layer.methods, "method", (method) -> {
			if (FORBIDDEN_METHODS.contains(method.toUpperCase(Locale.ROOT))) {
				return new Problem("is a forbidden method that browsers never send cross-origin (Fetch,"
						+ " \"forbidden method\")", "remove it");
			}
			return null;
		}));
	}

	private List<String> exposedHeaders(Layer layer) {
		boolean credentials = layer.allowCredentials.value;
		return tokens(layer.exposedHeaders, "header name", (header) -> {
			if (header.equals("*") && credentials) {
				return new Problem("cannot be combined with credentials: browsers read '*' as a header named '*' on"
						+ " credentialed requests", "remove it");
			}
			return exposedHeaderProblem(header, layer);
		});
	}

	private Duration maxAge(Layer layer) {
		Duration maxAge = layer.maxAge.value;
		if (maxAge.isNegative()) {
			this.violations.add(new ConfigurationViolation(layer.maxAge.property, maxAge.toString(), "is negative",
					"write a duration of zero or more, such as 30m or 3600s"));
		}
		else if (maxAge.compareTo(LONGEST_MAX_AGE) > 0) {
			this.violations.add(new ConfigurationViolation(layer.maxAge.property, maxAge.toString(),
					"is longer than 24 hours, which no browser keeps a preflight answer for",
					"browsers cap it: Chromium at 2 hours, Firefox at 24 hours; write 2h, or at most 24h"));
		}
		return maxAge;
	}

	private int preflightStatus(Layer layer) {
		int preflightStatus = layer.preflightStatus.value;
		if (preflightStatus != 200 && preflightStatus != 204) {
			this.violations
				.add(new ConfigurationViolation(layer.preflightStatus.property, Integer.toString(preflightStatus),
						"is not a status a preflight answer can have here", "write 204 (No Content) or 200 (OK)"));
		}
		return preflightStatus;
	}

	/**
	 * Reports an element that holds several origins badly separated.
	 * @return whether it does
	 */
	private boolean severalOrigins(Element element) {
		Problem problem = OriginProblems.ofSeveral(element.value);
		if (problem != null) {
			violation(element, problem.reason(), problem.hint());
		}
		return problem != null;
	}

	/**
	 * Credentialed requests from plain-http origins can be read and altered on the
	 * network: allowed only for loopback hosts, or when the application says so.
	 */
	private void checkInsecure(Element element, String host, boolean credentials, boolean insecureAllowed,
			Layer layer) {
		if (credentials && !insecureAllowed && element.value.startsWith(OriginSyntax.HTTP)
				&& !OriginProblems.isLoopback(host)) {
			violation(element, "is a plain-http origin that would receive credentialed responses",
					"use https, or set " + layer.allowInsecureOrigins.property + "=true if this is intended");
		}
	}

	/**
	 * With credentials, a pattern over a public suffix hands the user's cookies to every
	 * stranger's site under it: anyone can have a name under {@code github.io} or
	 * {@code co.uk}. The Public Suffix List says which domains are such; subdomains of
	 * localhost are loopback names (RFC 6761), and single labels are refused as top-level
	 * domains whatever the credentials. The list is only read when a credentialed pattern
	 * needs it.
	 */
	private void checkPublicSuffix(Element pattern, String domain, boolean credentials, Layer layer) {
		if (credentials && !OriginProblems.isLoopback(domain) && PublicSuffixes.shipped().isPublicSuffix(domain)) {
			String scheme = pattern.value.substring(0, pattern.value.indexOf("://*.") + 3);
			violation(pattern,
					"allows every site under '" + domain + "', a public suffix (Public Suffix List) under"
							+ " which anyone can have a name, and would hand them credentialed responses",
					"name your own domain under it, such as " + scheme + "*.example." + domain + ", or set "
							+ layer.allowCredentials.property + "=false");
		}
	}

	private static String host(String origin) {
		int hostStart = OriginSyntax.hostStart(origin);
		return origin.substring(hostStart, OriginSyntax.hostEnd(origin));
	}

	/**
	 * Writes the methods browsers normalize in uppercase, so that {@code put} allows the
	 * {@code PUT} they send; other methods stay as written and compare case-sensitively.
	 * A method written twice is kept once.
	 */
	private static List<String> normalize(List<String> methods) {
		Set<String> normalized = new LinkedHashSet<>();
		for (String method : methods) {
			String uppercase = method.toUpperCase(Locale.ROOT);
			normalized.add(NORMALIZED_METHODS.contains(uppercase) ? uppercase : method);
		}
		return new ArrayList<>(normalized);
	}

	/**
	 * A header a preflight can never ask for: one the browser sets itself, or one of the
	 * CORS protocol's.
	 */
	private static @Nullable Problem allowedHeaderProblem(String header, Layer layer) {
		return headerProblem(header, layer, FetchHeaderNames::isForbiddenRequestHeader,
				new Problem(
						"is a forbidden request header (Fetch, \"forbidden request-header\"): the browser"
								+ " sets it itself and never lets a script send it, so no preflight asks for it",
						"remove it; the browser sends cookies itself, as credentials, when "
								+ layer.allowCredentials.property + "=true"),
				"which the browser and the server exchange themselves; a script never sends it, so no preflight"
						+ " asks for it");
	}

	/**
	 * A header scripts can never read, or have no use reading: forbidden response
	 * headers, the CORS protocol's.
	 */
	private static @Nullable Problem exposedHeaderProblem(String header, Layer layer) {
		return headerProblem(header, layer, FetchHeaderNames::isForbiddenResponseHeader,
				new Problem(
						"is a forbidden response header (Fetch, \"forbidden response-header name\"): the"
								+ " browser hides it from scripts, exposed or not",
						"remove it; cookies go to the browser's cookie store, where scripts read them through"
								+ " document.cookie unless they are HttpOnly"),
				"read by the browser itself; exposing it to scripts grants nothing");
	}

	/**
	 * Returns the problem of a header that the Fetch standard forbids in the list, or of
	 * an {@code Access-Control-*} header, which the starter writes itself from its
	 * settings.
	 */
	private static @Nullable Problem headerProblem(String header, Layer layer, Predicate<String> forbidden,
			Problem forbiddenProblem, String corsProtocolReason) {
		if (forbidden.test(header)) {
			return forbiddenProblem;
		}
		return FetchHeaderNames.isCorsProtocolHeader(header) ? new Problem(
				"is a header of the CORS protocol, " + corsProtocolReason, corsProtocolHint(header, layer)) : null;
	}

	private static String corsProtocolHint(String header, Layer layer) {
		String setting = switch (header.toLowerCase(Locale.ROOT)) {
			case "access-control-allow-origin" -> layer.origins.property + " or " + layer.originPatterns.property;
			case "access-control-allow-credentials" -> layer.allowCredentials.property;
			case "access-control-allow-methods" -> layer.methods.property;
			case "access-control-allow-headers" -> layer.allowedHeaders.property;
			case "access-control-expose-headers" -> layer.exposedHeaders.property;
			case "access-control-max-age" -> layer.maxAge.property;
			case "access-control-allow-private-network" -> layer.allowPrivateNetwork.property;
			default -> null;
		};
		return (setting != null) ? "remove it; the starter writes " + header + " from " + setting
				: "remove it; the starter writes every Access-Control-* header from the " + layer.prefix
						+ ".* settings";
	}

	private List<String> tokens(Setting<List<String>> setting, String what,
			Function<String, @Nullable Problem> extraCheck) {
		List<String> tokens = new ArrayList<>();
		for (Element element : setting.elements()) {
			String value = element.value;
			if (!value.equals("*") && !HttpTokens.isToken(value)) {
				violation(element, "is not a valid " + what + " (an HTTP token: letters, digits and !#$%&'*+-.^_`|~)",
						"remove spaces, quotes, colons and other separators");
				continue;
			}
			Problem problem = extraCheck.apply(value);
			if (problem != null) {
				violation(element, problem.reason(), problem.hint());
				continue;
			}
			tokens.add(value);
		}
		return tokens;
	}

	private List<RequestPathPattern> paths(Setting<List<String>> setting) {
		List<RequestPathPattern> patterns = new ArrayList<>();
		for (Element element : setting.elements()) {
			String problem = RequestPathPattern.problem(element.value);
			if (problem != null) {
				violation(element, "is not a valid path pattern: " + problem, "write a pattern such as /api/**");
				continue;
			}
			patterns.add(RequestPathPattern.parse(element.value));
		}
		return patterns;
	}

	private static List<String> strings(List<RequestPathPattern> patterns) {
		return patterns.stream().map(RequestPathPattern::toString).toList();
	}

	private void violation(Element element, String reason, String hint) {
		this.violations.add(new ConfigurationViolation(element.property, element.value, reason, hint));
	}

	/**
	 * A value and the property it came from.
	 */
	record Setting<T>(String property, T value) {

		/**
		 * Returns the non-blank elements of a list setting, trimmed, with their indexed
		 * property names.
		 */
		@SuppressWarnings("unchecked")
		List<Element> elements() {
			List<Element> elements = new ArrayList<>();
			List<@Nullable String> values = (List<@Nullable String>) this.value;
			for (int i = 0; i < values.size(); i++) {
				String value = values.get(i);
				if (value != null && !value.isBlank()) {
					elements.add(new Element(this.property + "[" + i + "]", value.strip()));
				}
			}
			return elements;
		}

	}

	/**
	 * One element of a list setting.
	 */
	record Element(String property, String value) {
	}

	/**
	 * The origins a rule set allows, sorted by how they are matched, as they are checked.
	 */
	private static final class AllowedOrigins {

		boolean any;

		final List<String> exact = new ArrayList<>();

		final List<String> httpsDomains = new ArrayList<>();

		final List<String> httpDomains = new ArrayList<>();

		final List<String> anyPort = new ArrayList<>();

		/**
		 * Returns the origins as {@code cors.origins} lists them, {@code *} first.
		 */
		List<String> listed() {
			List<String> listed = new ArrayList<>(this.exact);
			if (this.any) {
				listed.add(0, "*");
			}
			return listed;
		}

	}

	/**
	 * The effective settings of the top level or of a mapping, each with the property it
	 * came from. Defaults and inheritance are applied here, and only here: an unset value
	 * of the top level takes its default, one of a mapping the top level's setting,
	 * property name included, so that a violation names the property that holds the
	 * offending value.
	 */
	private static final class Layer {

		final String prefix;

		private final CorsSettings settings;

		private final @Nullable Layer top;

		final Setting<List<String>> origins;

		final Setting<List<String>> originPatterns;

		final Setting<List<String>> methods;

		final Setting<List<String>> allowedHeaders;

		final Setting<List<String>> exposedHeaders;

		final Setting<Boolean> allowCredentials;

		final Setting<Duration> maxAge;

		final Setting<Boolean> allowPrivateNetwork;

		final Setting<Boolean> allowInsecureOrigins;

		final Setting<Integer> preflightStatus;

		final Setting<List<String>> paths;

		final Setting<List<String>> excludePaths;

		private Layer(String prefix, CorsSettings settings, @Nullable Layer top) {
			this.prefix = prefix;
			this.settings = settings;
			this.top = top;
			this.origins = resolve("origins", CorsSettings::origins, List.of(), (layer) -> layer.origins);
			this.originPatterns = resolve("origin-patterns", CorsSettings::originPatterns, List.of(),
					(layer) -> layer.originPatterns);
			this.methods = resolve("methods", CorsSettings::methods, CorsSettings.DEFAULT_METHODS,
					(layer) -> layer.methods);
			this.allowedHeaders = resolve("allowed-headers", CorsSettings::allowedHeaders,
					CorsSettings.DEFAULT_ALLOWED_HEADERS, (layer) -> layer.allowedHeaders);
			this.exposedHeaders = resolve("exposed-headers", CorsSettings::exposedHeaders, List.of(),
					(layer) -> layer.exposedHeaders);
			this.allowCredentials = resolve("allow-credentials", CorsSettings::allowCredentials, false,
					(layer) -> layer.allowCredentials);
			this.maxAge = resolve("max-age", CorsSettings::maxAge, CorsSettings.DEFAULT_MAX_AGE,
					(layer) -> layer.maxAge);
			this.allowPrivateNetwork = resolve("allow-private-network", CorsSettings::allowPrivateNetwork, false,
					(layer) -> layer.allowPrivateNetwork);
			this.allowInsecureOrigins = resolve("allow-insecure-origins", CorsSettings::allowInsecureOrigins, false,
					(layer) -> layer.allowInsecureOrigins);
			this.preflightStatus = resolve("preflight-status", CorsSettings::preflightStatus,
					CorsSettings.DEFAULT_PREFLIGHT_STATUS, (layer) -> layer.preflightStatus);
			// A mapping never inherits the top level's paths: it must say which paths it
			// covers.
			this.paths = resolve("paths", CorsSettings::paths, (top != null) ? List.of() : CorsSettings.DEFAULT_PATHS,
					null);
			this.excludePaths = resolve("exclude-paths", CorsSettings::excludePaths, List.of(),
					(layer) -> layer.excludePaths);
		}

		static Layer top(String prefix, CorsSettings settings) {
			return new Layer(prefix, settings, null);
		}

		static Layer mapping(String prefix, CorsSettings settings, Layer top) {
			return new Layer(prefix, settings, top);
		}

		/**
		 * Returns the setting of this layer's value, or, when it is unset, the top
		 * level's setting (for a mapping, unless the setting is not inherited) or the
		 * default.
		 * @param name the property name, relative to the prefix
		 * @param value reads the value from the settings
		 * @param defaultValue the value when unset and not inherited
		 * @param inherited reads the same setting from the top level, or {@code null} if
		 * a mapping does not inherit it
		 */
		private <T> Setting<T> resolve(String name, Function<CorsSettings, @Nullable T> value, T defaultValue,
				@Nullable Function<Layer, Setting<T>> inherited) {
			T own = value.apply(this.settings);
			if (own != null) {
				return new Setting<>(this.prefix + "." + name, own);
			}
			if (this.top != null && inherited != null) {
				return inherited.apply(this.top);
			}
			return new Setting<>(this.prefix + "." + name, defaultValue);
		}

	}

}
