package io.github.corsstarter.policy;

import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the path patterns of {@code cors.paths}, {@code cors.exclude-paths} and each mapping's {@code paths}, one
 * row per case: which request paths a pattern matches ({@code *} and {@code ?} within a segment, {@code {name}}
 * for a whole segment, {@code **} for any number of segments), and which patterns are refused and why. A policy's
 * coverage is only as right as these: a pattern that matched too much would apply CORS rules, or skip them, where
 * the application did not ask.
 */
class RequestPathPatternTests {

	static Stream<Match> matches() {
		return Stream.of(
				match("'/**' matches the root", "/**", "/", true),
				match("'/**' matches any depth", "/**", "/api/items/1", true),
				match("'/api/**' matches its own root", "/api/**", "/api", true),
				match("'/api/**' matches its root with a slash", "/api/**", "/api/", true),
				match("'/api/**' matches two levels down", "/api/**", "/api/items/1", true),
				match("'/api/**' does not match a longer first segment", "/api/**", "/apix/items", false),
				match("'/api/**' does not match a shorter first segment", "/api/**", "/ap", false),
				match("'/api/**' does not match the root", "/api/**", "/", false),
				match("'/api/**' does not match api further down", "/api/**", "/v1/api/items", false),
				match("literal pattern matches itself", "/api", "/api", true),
				match("literal pattern does not match a trailing slash", "/api", "/api/", false),
				match("literal pattern does not match a longer path", "/api", "/api/items", false),
				match("root pattern matches the root only", "/", "/", true),
				match("root pattern does not match a segment", "/", "/x", false),
				match("'*' matches one segment", "/api/*", "/api/items", true),
				match("'*' matches an empty last segment", "/api/*", "/api/", true),
				match("'*' does not match two segments", "/api/*", "/api/items/1", false),
				match("'*' does not match a missing segment", "/api/*", "/api", false),
				match("'*.js' matches a suffix within a segment", "/static/*.js", "/static/app.js", true),
				match("'*.js' matches the bare suffix", "/static/*.js", "/static/.js", true),
				match("'*.js' does not match a longer extension", "/static/*.js", "/static/app.json", false),
				match("'*.js' does not match a file one level down", "/static/*.js", "/static/lib/app.js", false),
				match("star between letters backtracks", "/a*b", "/abab", true),
				match("star between letters matches nothing in between", "/a*b", "/ab", true),
				match("star between letters needs the last letter", "/a*b", "/aba", false),
				match("two stars backtrack", "/*a*a", "/banana", true),
				match("two stars need the pattern's last letter at the end", "/*a*a", "/bananab", false),
				match("'?' matches one character", "/api/v?", "/api/v2", true),
				match("'?' does not match two characters", "/api/v?", "/api/v22", false),
				match("'?' does not match no character", "/api/v?", "/api/v", false),
				match("'{name}' matches a whole segment", "/files/{name}", "/files/report", true),
				match("'{name}' does not match two segments", "/files/{name}", "/files/a/b", false),
				match("'{tenant}' first, then literal and '**'", "/{tenant}/data/**", "/t1/data/x/y", true),
				match("'{tenant}' first, then another literal", "/{tenant}/data/**", "/t1/other/x", false),
				match("'**' in the middle matches no segment", "/api/**/items", "/api/items", true),
				match("'**' in the middle matches one segment", "/api/**/items", "/api/v1/items", true),
				match("'**' in the middle matches two segments", "/api/**/items", "/api/v1/x/items", true),
				match("'**' in the middle needs the last segment at the end", "/api/**/items", "/api/v1/items/1",
						false),
				match("'**' in the middle needs the whole last segment", "/api/**/items", "/api/itemsx", false),
				match("'**' first, then a file pattern, at the root", "/**/*.js", "/app.js", true),
				match("'**' first, then a file pattern, deep", "/**/*.js", "/a/b/app.js", true),
				match("'**' first, then a file pattern, other extension", "/**/*.js", "/a/app.json", false),
				match("two '**' around a literal", "/**/admin/**", "/a/admin/b/c", true),
				match("two '**' around a literal that is absent", "/**/admin/**", "/a/user/b", false),
				match("empty path never matches", "/**", "", false),
				match("path without leading slash never matches", "/**", "api/items", false));
	}

	static Stream<Problem> problems() {
		return Stream.of(
				problem("valid: '**' as a whole segment", "/api/**", null),
				problem("valid: a variable as a whole segment", "/files/{n}", null),
				problem("valid: the last printable ASCII character", "/~x", null),
				problem("no leading slash", "api/**", "starts with '/'"),
				problem("white space", "/api /x", "white space"),
				problem("control character", "/api\t", "white space, control"),
				problem("DEL character", "/api\u007f", "non-ASCII"),
				problem("non-ASCII character", "/caf\u00e9", "non-ASCII"),
				problem("fragment", "/docs#top", "'#'"),
				problem("'**' glued to a name", "/api/**.json", "'**' stands alone"),
				problem("'**' glued after a name", "/api/x**", "'**' stands alone"),
				problem("unclosed variable", "/files/{name", "variable stands alone"),
				problem("variable without a name", "/files/{}", "variable stands alone"),
				problem("two variables in one segment", "/files/{a}{b}", "variable stands alone"),
				problem("variable after a literal", "/files/x{name}", "variable stands alone"),
				problem("variable with a brace after it", "/files/{a}b}", "variable stands alone"),
				problem("closing brace alone", "/files/name}", "variable stands alone"));
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("matches")
	void matchesExactlyThePathsItStandsFor(Match row) {
		RequestPathPattern pattern = RequestPathPattern.parse(row.pattern());
		assertThat(pattern).as("parsed %s", row.pattern()).isNotNull();
		assertThat(pattern.matches(row.path())).as("%s matches %s", row.pattern(), row.path())
			.isEqualTo(row.matches());
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("problems")
	void refusesMalformedPatternsSayingWhy(Problem row) {
		String problem = RequestPathPattern.problem(row.pattern());
		if (row.reason() == null) {
			assertThat(problem).as("problem of %s", row.pattern()).isNull();
			assertThat(RequestPathPattern.parse(row.pattern())).as("parsed %s", row.pattern()).isNotNull();
		}
		else {
			assertThat(problem).as("problem of %s", row.pattern()).contains(row.reason());
			assertThat(RequestPathPattern.parse(row.pattern())).as("parsed %s", row.pattern()).isNull();
		}
	}

	@Test
	void patternReadsAsWritten() {
		// The startup log, the Actuator endpoint and Spring Security see patterns through toString().
		assertThat(RequestPathPattern.parse("/{tenant}/data/**")).hasToString("/{tenant}/data/**");
	}

	@Test
	void tablesHaveUniqueDescriptions() {
		assertThat(matches().map(Match::description).toList()).doesNotHaveDuplicates();
		assertThat(problems().map(Problem::description).toList()).doesNotHaveDuplicates();
		assertThat(List.of(matches().count(), problems().count())).allMatch((count) -> count > 10);
	}

	private static Match match(String description, String pattern, String path, boolean matches) {
		return new Match(description, pattern, path, matches);
	}

	private static Problem problem(String description, String pattern, @Nullable String reason) {
		return new Problem(description, pattern, reason);
	}

	/**
	 * A pattern, a request path, and whether the pattern matches it.
	 */
	record Match(String description, String pattern, String path, boolean matches) {

		@Override
		public String toString() {
			return this.description;
		}

	}

	/**
	 * A pattern, and a phrase of the reason it is refused ({@code null} when it is valid).
	 */
	record Problem(String description, String pattern, @Nullable String reason) {

		@Override
		public String toString() {
			return this.description;
		}

	}

}
