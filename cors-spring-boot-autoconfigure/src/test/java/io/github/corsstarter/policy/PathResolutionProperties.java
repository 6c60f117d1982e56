package io.github.corsstarter.policy;

import java.util.List;
import java.util.Random;

import io.github.corsstarter.policy.CorsDecision.Kind;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.statistics.Statistics;

import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.web.util.pattern.PathPatternParser;

import static io.github.corsstarter.policy.ExampleRequests.request;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds the starter's path resolution and path patterns against Spring's router on
 * generated input: raw request paths built from segments with percent-encodings (of
 * letters, of {@code /}, {@code ;}, {@code %} and dots, valid and broken UTF-8), path
 * parameters, empty and dot segments; and patterns built from every element of the
 * syntax. Spring's side is {@code RequestPath.parse} with a default
 * {@code PathPatternParser}, what WebFlux and Spring MVC's default matching strategy
 * route with.
 * <p>
 * The promise checked: the rule set the starter applies to a cross-origin request is the
 * one Spring's {@code PathPattern} picks for the routed path, or the request is refused;
 * never another one.
 */
@AddLifecycleHook(ScaledTries.class)
class PathResolutionProperties {

	private static final String APP = "https://app.example.com";

	private static final String ADMIN = "https://admin.example.com";

	/**
	 * A policy that allows {@code APP} at the top level, only {@code ADMIN} under
	 * {@code /admin/**}, nothing under the excluded {@code /**}{@code /*.css}, and covers
	 * {@code /admin/**}, {@code /api/{*rest}} and {@code /files/*.json} only: each path
	 * lands in one of four rule sets.
	 */
	private static final CorsPolicy POLICY = CorsPolicy.compile(CorsSettings.builder()
		.origins(APP)
		.paths("/admin/**", "/api/{*rest}", "/files/*.json", "/v?/{id}")
		.excludePaths("/**/*.css")
		.mapping("admin", CorsSettings.builder().paths("/admin/**").origins(ADMIN).build())
		.build());

	@Property(tries = 3000)
	void starterAppliesTheRuleSetSpringRoutesOrRefuses(@ForAll("rawPaths") String rawPath) {
		String expected = ruleSetSpringPicks(rawPath);
		CorsDecision fromApp = POLICY.decide(request("GET", APP).path(rawPath).build());
		CorsDecision fromAdmin = POLICY.decide(request("GET", ADMIN).path(rawPath).build());
		String routed = RoutedPath.resolve(rawPath);
		Statistics.label("routed").collect((routed == null) ? "refused" : expected);
		if (routed == null) {
			// Refused as ambiguous: a cross-origin request gets no rule set at all.
			assertThat(fromApp.reason()).as("app origin on %s", rawPath).isEqualTo(RejectionReason.AMBIGUOUS_PATH);
			assertThat(fromAdmin.reason()).as("admin origin on %s", rawPath).isEqualTo(RejectionReason.AMBIGUOUS_PATH);
			return;
		}
		assertThat(ruleSet(fromApp, fromAdmin)).as("rule set for %s (routed %s)", rawPath, routed).isEqualTo(expected);
	}

	@Property(tries = 3000)
	void acceptedPatternsAreAcceptedBySpring(@ForAll("patterns") String pattern) {
		String problem = RequestPathPattern.problem(pattern);
		Statistics.label("pattern").collect((problem == null) ? "accepted" : "refused");
		if (problem == null) {
			assertThat(SpringPathPatterns.problem(pattern)).as("Spring's parser on %s, accepted here", pattern)
				.isNull();
		}
	}

	@Property(tries = 5000)
	void patternsMatchWhatSpringMatches(@ForAll("patternsWithPaths") PatternAndPath sample) {
		String routed = RoutedPath.resolve(sample.rawPath());
		if (routed == null) {
			Statistics.label("match").collect("refused");
			return;
		}
		boolean expected = SpringPathPatterns.matchesRequest(sample.pattern(), sample.rawPath());
		Statistics.label("match").collect(expected ? "matches" : "does not match");
		assertThat(RequestPathPattern.parse(sample.pattern()).matches(routed))
			.as("%s matches %s (routed %s)", sample.pattern(), sample.rawPath(), routed)
			.isEqualTo(expected);
	}

	@Property(tries = 1000)
	void resolvedPathsHoldNothingAnotherLayerCouldReadOtherwise(@ForAll("rawPaths") String rawPath) {
		String routed = RoutedPath.resolve(rawPath);
		if (routed == null || routed.isEmpty()) {
			return;
		}
		// Decoding it again, splitting on ';', merging '//' or removing dot segments
		// would change nothing.
		assertThat(routed).startsWith("/").doesNotContain("//", ";", "%", "\\");
		List<String> segments = List.of(routed.substring(1).split("/", -1));
		assertThat(segments.subList(0, segments.size() - 1)).doesNotContain("", ".", "..");
		assertThat(segments.get(segments.size() - 1)).isNotIn(".", "..");
		assertThat(RoutedPath.resolve(rawPath)).as("the same input, resolved again").isEqualTo(routed);
	}

	/**
	 * The rule set Spring's {@code PathPattern} puts the routed path in, as
	 * docs/behaviour.md 1.4 orders them: exclusions, then the mapping, then the top
	 * level's paths.
	 */
	private static String ruleSetSpringPicks(String rawPath) {
		try {
			RequestPath.parse(rawPath, null).elements().forEach(PathContainer.Element::value);
			PathPatternParser.defaultInstance.parse("/**").matches(RequestPath.parse(rawPath, null));
		}
		catch (IllegalArgumentException ex) {
			// Spring cannot decode it: the router answers 400 and no handler runs.
			return "unroutable";
		}
		if (SpringPathPatterns.matchesRequest("/**/*.css", rawPath)) {
			return "none";
		}
		if (SpringPathPatterns.matchesRequest("/admin/**", rawPath)) {
			return "admin";
		}
		for (String pattern : List.of("/api/{*rest}", "/files/*.json", "/v?/{id}")) {
			if (SpringPathPatterns.matchesRequest(pattern, rawPath)) {
				return "top";
			}
		}
		return "none";
	}

	private static String ruleSet(CorsDecision fromApp, CorsDecision fromAdmin) {
		if (fromApp.kind() == Kind.NOT_COVERED && fromAdmin.kind() == Kind.NOT_COVERED) {
			return "none";
		}
		if (fromAdmin.kind() == Kind.ALLOWED && fromApp.reason() == RejectionReason.ORIGIN_NOT_ALLOWED) {
			return "admin";
		}
		if (fromApp.kind() == Kind.ALLOWED && fromAdmin.reason() == RejectionReason.ORIGIN_NOT_ALLOWED) {
			return "top";
		}
		return "unexpected: " + fromApp + " / " + fromAdmin;
	}

	@Provide
	Arbitrary<String> rawPaths() {
		Arbitrary<String> segment = Arbitraries.oneOf(
				Arbitraries.of("admin", "api", "files", "v1", "vv", "x", "a.css", "b.json", "secret", "%61dmin",
						"%61pi", "adm%69n", "%41dmin", "a%2ecss", "b.%6Ason", "caf%C3%A9", "%E2%82%AC"),
				Arbitraries.of("", ".", "..", "%2e", "%2E%2e", ".%2e", "%2F", "%2f", "admin%2Fx", "%5C", "%3B", "%3b",
						"%25", "%2561dmin", "%", "%a", "%zz", "%C3", "%C3%28", "%FF", "%00", "%0a", "a%20b", "a b",
						"caf\u00e9", "a\\b"),
				Arbitraries.of("admin;x", "api;x=1", ";x", ";jsessionid=1", "secret;jsessionid=1", "a.css;x", ";",
						"x;a.css", "..;x", "admin;"));
		Arbitrary<String> parameters = Arbitraries.of("", "", "", ";v=1", ";a;b");
		return segment.flatMap((first) -> parameters.map((p) -> first + p))
			.list()
			.ofMinSize(0)
			.ofMaxSize(5)
			.flatMap((segments) -> Arbitraries.of("", "/").map((end) -> "/" + String.join("/", segments) + end))
			.map((path) -> path.replace("//", (path.length() % 3 == 0) ? "//" : "/"));
	}

	/**
	 * Accepted patterns, each with a path made from it (its wildcards filled in) and then
	 * disguised, so that about half of them match.
	 */
	@Provide
	Arbitrary<PatternAndPath> patternsWithPaths() {
		return patterns().filter((pattern) -> RequestPathPattern.problem(pattern) == null)
			.flatMap((pattern) -> Arbitraries.randomValue((random) -> {
				StringBuilder path = new StringBuilder();
				String[] parts = pattern.substring(1).split("/", -1);
				for (int i = 0; i < parts.length; i++) {
					String part = parts[i];
					if (part.equals("**") || part.startsWith("{*")) {
						for (int n = random.nextInt(3); n > 0; n--) {
							path.append('/').append(pick(random, "x", "admin", "a.css"));
						}
						continue;
					}
					String filled = part.replaceAll("\\{[^}]*}", pick(random, "n", "id7", ""))
						.replace("*", pick(random, "", "s", "a.b"))
						.replace("?", pick(random, "q", "", "qq"));
					path.append('/').append(filled);
				}
				String raw = (path.length() == 0) ? pick(random, "", "/") : path.toString();
				switch (random.nextInt(6)) {
					case 0 -> raw = raw.replaceFirst("a", "%61");
					case 1 -> raw = raw.replaceFirst("/([^/]+)", "/$1;p=1");
					case 2 -> raw = raw + "/";
					case 3 -> raw = raw.replaceFirst("/([^/]+)$", "/$1x");
					default -> {
					}
				}
				return new PatternAndPath(pattern, raw);
			}));
	}

	private static String pick(Random random, String... values) {
		return values[random.nextInt(values.length)];
	}

	@Provide
	Arbitrary<String> patterns() {
		Arbitrary<String> element = Arbitraries.of("admin", "api", "files", "x", "secret", "*", "**", "?", "v?", "{id}",
				"{*rest}", "*.css", "*.json", "{a}.json", "a*", "*a*", "{a}-{b}", "{", "}", "{a:[a-z]+}", "", "**.css",
				"x**", "{1}", "***", "{a}{b}", ";x", "%61");
		return element.list()
			.ofMinSize(0)
			.ofMaxSize(4)
			.flatMap((elements) -> Arbitraries.of("", "/").map((end) -> "/" + String.join("/", elements) + end));
	}

	/**
	 * A pattern and a raw request path.
	 */
	record PatternAndPath(String pattern, String rawPath) {
	}

}
