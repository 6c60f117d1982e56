package io.github.corsstarter.policy;

import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Checks the path patterns of {@code cors.paths}, {@code cors.exclude-paths} and each
 * mapping's {@code paths}, one row per case: which routed paths a pattern matches
 * ({@code *} and {@code ?} within a segment, {@code {name}} for a whole segment,
 * {@code **} and {@code {*name}} for any number of segments, first or last), and which
 * patterns are refused and why. Every row is also put to Spring's own
 * {@code PathPattern}: the starter's patterns must match exactly what the same pattern in
 * a request mapping matches, and accept only what Spring's parser accepts. A pattern that
 * matched too much would apply CORS rules, or skip them, where the application did not
 * ask.
 */
class RequestPathPatternTests {

	static Stream<Match> matches() {
		return Stream.of(match("'/**' matches the root", "/**", "/", true),
				match("'/**' matches any depth", "/**", "/api/items/1", true),
				match("'/**' matches the empty path of a request for the base path", "/**", "", true),
				match("'{*path}' matches any depth", "/{*path}", "/api/items/1", true),
				match("'/api/**' matches its own root", "/api/**", "/api", true),
				match("'/api/**' matches its root with a slash", "/api/**", "/api/", true),
				match("'/api/**' matches two levels down", "/api/**", "/api/items/1", true),
				match("'/api/**' does not match a longer first segment", "/api/**", "/apix/items", false),
				match("'/api/**' does not match a shorter first segment", "/api/**", "/ap", false),
				match("'/api/**' does not match the root", "/api/**", "/", false),
				match("'/api/**' does not match the empty path", "/api/**", "", false),
				match("'/api/**' does not match api further down", "/api/**", "/v1/api/items", false),
				match("'{*rest}' covers the rest of the path, not one segment", "/api/{*rest}", "/api/v1/items", true),
				match("'{*rest}' matches its own root", "/api/{*rest}", "/api", true),
				match("'{*rest}' does not match a longer first segment", "/api/{*rest}", "/apix", false),
				match("literal pattern matches itself", "/api", "/api", true),
				match("literal pattern does not match a trailing slash", "/api", "/api/", false),
				match("literal pattern does not match a longer path", "/api", "/api/items", false),
				match("literal pattern is case-sensitive", "/api", "/API", false),
				match("pattern with a trailing slash needs it", "/api/", "/api", false),
				match("pattern with a trailing slash matches it", "/api/", "/api/", true),
				match("root pattern matches the root only", "/", "/", true),
				match("root pattern does not match a segment", "/", "/x", false),
				match("root pattern does not match the empty path", "/", "", false),
				match("'*' matches one segment", "/api/*", "/api/items", true),
				match("'*' matches an empty last segment", "/api/*", "/api/", true),
				match("'*' does not match two segments", "/api/*", "/api/items/1", false),
				match("'*' does not match a missing segment", "/api/*", "/api", false),
				match("'*' in the middle needs a segment", "/api/*/x", "/api/x", false),
				match("'*' in the middle matches a segment", "/api/*/x", "/api/v1/x", true),
				match("'{name}' does not match an empty last segment", "/api/{name}", "/api/", false),
				match("'*.js' matches a suffix within a segment", "/static/*.js", "/static/app.js", true),
				match("'*.js' matches the bare suffix", "/static/*.js", "/static/.js", true),
				match("'*.js' does not match a longer extension", "/static/*.js", "/static/app.json", false),
				match("'*.js' does not match a file one level down", "/static/*.js", "/static/lib/app.js", false),
				match("'*.js' does not match an empty last segment", "/static/*.js", "/static/", false),
				match("star between letters backtracks", "/a*b", "/abab", true),
				match("star between letters matches nothing in between", "/a*b", "/ab", true),
				match("star between letters needs the last letter", "/a*b", "/aba", false),
				match("two stars backtrack", "/*a*a", "/banana", true),
				match("two stars need the pattern's last letter at the end", "/*a*a", "/bananab", false),
				match("a variable within a segment is a star", "/v{version}.json", "/v2.json", true),
				match("a variable within a segment needs the literal around it", "/v{version}.json", "/v2.xml", false),
				match("'?' matches one character", "/api/v?", "/api/v2", true),
				match("'?' does not match two characters", "/api/v?", "/api/v22", false),
				match("'?' does not match no character", "/api/v?", "/api/v", false),
				match("'?' with a star", "/api/?*x", "/api/ax", true),
				match("'?' with a star needs one character", "/api/?*x", "/api/x", false),
				match("'{name}' matches a whole segment", "/files/{name}", "/files/report", true),
				match("'{name}' does not match two segments", "/files/{name}", "/files/a/b", false),
				match("'{tenant}' first, then literal and '**'", "/{tenant}/data/**", "/t1/data/x/y", true),
				match("'{tenant}' first, then another literal", "/{tenant}/data/**", "/t1/other/x", false),
				match("'**' first, then a file pattern, at the root", "/**/*.js", "/app.js", true),
				match("'**' first, then a file pattern, deep", "/**/*.js", "/a/b/app.js", true),
				match("'**' first, then a file pattern, other extension", "/**/*.js", "/a/app.json", false),
				match("'**' first, then two literals", "/**/admin/secret", "/x/y/admin/secret", true),
				match("'**' first, then two literals, one missing", "/**/admin/secret", "/x/admin/y/secret", false),
				match("'**' first, then literals matching the whole path", "/**/admin/secret", "/admin/secret", true),
				match("'**' first, then more segments than the path has", "/**/a/b/c", "/b/c", false),
				match("'**' first, a trailing slash in the path", "/**/admin", "/x/admin/", false),
				match("'**' first, a trailing slash in both", "/**/admin/", "/x/admin/", true),
				match("'**' first, a trailing slash in the pattern only", "/**/admin/", "/x/admin", false),
				match("'**' first, then '*', an empty last segment", "/**/a/*", "/x/a/", true),
				match("'**' first, then '*' alone, an empty last segment", "/**/*", "/x/", true),
				match("'**' first, then '*' alone, the root", "/**/*", "/", true),
				match("'**' first, then '{name}', an empty last segment", "/**/a/{name}", "/x/a/", false),
				match("'**' first never matches the empty path", "/**/*", "", false),
				match("'{*path}' first, then a literal", "/{*path}/admin", "/x/admin", true),
				match("'**' first, then '*', neither place matches", "/**/a/*", "/x/b/", false),
				match("'**' first, fewer segments than the pattern after it", "/**/a/b", "/b", false));
	}

	static Stream<Problem> problems() {
		return Stream.of(problem("valid: '**' as a whole segment", "/api/**", null),
				problem("valid: a variable as a whole segment", "/files/{n}", null),
				problem("valid: the last printable ASCII character", "/~x", null),
				problem("valid: '**' first", "/**/*.css", null), problem("valid: '{*rest}' last", "/api/{*rest}", null),
				problem("valid: a variable within a segment", "/files/{name}.json", null),
				problem("valid: two variables within a segment", "/files/{a}-{b}", null),
				problem("valid: a variable name with a hyphen", "/files/{file-name}", null),
				problem("valid: a trailing slash", "/api/", null),
				problem("no leading slash", "api/**", "starts with '/'"),
				problem("white space", "/api /x", "white space"),
				problem("control character", "/api\t", "white space, control"),
				problem("DEL character", "/api\u007f", "non-ASCII"),
				problem("non-ASCII character", "/caf\u00e9", "non-ASCII"), problem("fragment", "/docs#top", "'#'"),
				problem("backslash", "/api\\x", "'\\'"), problem("path parameter", "/api;v=1", "never holds ';'"),
				problem("percent-encoded character", "/%61pi", "never holds '%'"),
				problem("empty segment", "/api//x", "no empty segment"),
				problem("'**' in the middle", "/api/**/items", "'**' stands first or last"),
				problem("'{*rest}' in the middle", "/api/{*rest}/items", "'{*rest}' stands first or last"),
				problem("two '**'", "/**/admin/**", "one '**' or '{*name}' at most"),
				problem("'**' and '{*rest}'", "/**/x/{*rest}", "one '**' or '{*name}' at most"),
				problem("'**' followed by a lone slash", "/**/", "not followed by a lone '/'"),
				problem("'**' last, then a slash", "/api/**/", "'**' stands first or last"),
				problem("'**' glued to a name", "/api/**.json", "'**' stands alone"),
				problem("'**' glued after a name", "/api/x**", "'**' stands alone"),
				problem("'{*rest}' glued to a name", "/api/{*rest}.json", "'{*name}' stands alone"),
				problem("'{*rest}' after a name", "/api/x{*rest}", "is not a variable"),
				problem("'{*}' without a name", "/api/{*}", "'{*name}' stands alone"),
				problem("unclosed variable", "/files/{name", "is not closed"),
				problem("variable without a name", "/files/{}", "is not a variable"),
				problem("variable name starting with a digit", "/files/{1a}", "'{1a}' is not a variable"),
				problem("variable name with a dot", "/files/{a.b}", "'{a.b}' is not a variable"),
				problem("same name for '{*rest}' and a variable", "/{*id}/x/{id}",
						"the variable name 'id' is used twice"),
				problem("regular expression", "/files/{name:[a-z]+}", "regular expressions"),
				problem("same variable twice", "/{id}/x/{id}", "the variable name 'id' is used twice"),
				problem("same name for two '{*rest}'", "/{*r}/x/{*r}", "the variable name 'r' is used twice"),
				problem("same variable twice in a segment", "/{id}-{id}", "used twice"),
				problem("two variables alone in a segment", "/files/{a}{b}", "wildcards and nothing else"),
				problem("a star and a variable alone in a segment", "/files/*{a}", "wildcards and nothing else"),
				problem("three stars", "/files/***", "'**' stands alone"),
				problem("closing brace alone", "/files/name}", "closes no '{'"));
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("matches")
	void matchesExactlyThePathsItStandsFor(Match row) {
		RequestPathPattern pattern = RequestPathPattern.parse(row.pattern());
		assertThat(pattern.matches(row.path())).as("%s matches %s", row.pattern(), row.path()).isEqualTo(row.matches());
		assertThat(SpringPathPatterns.matches(row.pattern(), row.path()))
			.as("Spring's PathPattern %s matches %s", row.pattern(), row.path())
			.isEqualTo(row.matches());
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("problems")
	void refusesMalformedPatternsSayingWhy(Problem row) {
		String problem = RequestPathPattern.problem(row.pattern());
		if (row.reason() == null) {
			assertThat(problem).as("problem of %s", row.pattern()).isNull();
			assertThat(RequestPathPattern.parse(row.pattern())).as("parsed %s", row.pattern())
				.hasToString(row.pattern());
			assertThat(SpringPathPatterns.problem(row.pattern())).as("Spring's parser on %s", row.pattern()).isNull();
		}
		else {
			assertThat(problem).as("problem of %s", row.pattern()).contains(row.reason());
			assertThatIllegalArgumentException().isThrownBy(() -> RequestPathPattern.parse(row.pattern()))
				.withMessageContaining(row.reason());
		}
	}

	@Test
	void patternReadsAsWritten() {
		// The startup log and the Actuator endpoint show patterns through toString().
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
	 * A pattern, and a phrase of the reason it is refused ({@code null} when it is
	 * valid).
	 */
	record Problem(String description, String pattern, @Nullable String reason) {

		@Override
		public String toString() {
			return this.description;
		}

	}

}
