package io.github.corsstarter.policy;

import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resolves raw request paths to the path the application routes, one row per case: what
 * decodes and drops its parameters, and what has no single routed form and is refused
 * ({@code null}). The behaviour reference, "Which request the policy decides on".
 */
class RoutedPathTests {

	static Stream<Row> rows() {
		return Stream.of(
				// Nothing to decode: the same string.
				row("the empty path of a request for the base path", "", ""), row("the root", "/", "/"),
				row("plain segments", "/api/items/42", "/api/items/42"),
				row("a trailing slash", "/api/items/", "/api/items/"),
				row("dots within names", "/.well-known/a..b/c.", "/.well-known/a..b/c."),
				row("a segment of three dots", "/a/.../b", "/a/.../b"),
				// Decoded, parameters removed.
				row("an encoded letter", "/%61pi", "/api"), row("lowercase and uppercase hex", "/%6a%6A", "/jj"),
				row("an escape at the very end", "/a%61", "/aa"), row("an encoded digit zero", "/%30", "/0"),
				row("an encoded space", "/a%20b", "/a b"), row("encoded UTF-8", "/caf%C3%A9", "/caf\u00e9"),
				row("a parameter in the first segment", "/admin;x/secret", "/admin/secret"),
				row("a session id after the last segment", "/a/b;jsessionid=1", "/a/b"),
				row("several parameters", "/a;x;y=2/b", "/a/b"),
				row("parameters are not decoded", "/a;x%2Fy%zz/b", "/a/b"),
				row("a parameter and an escape", "/%61;v=1/%62", "/a/b"),
				row("a trailing slash after an escape", "/%61/", "/a/"), row("an empty parameter", "/a;/b", "/a/b"),
				// No single routed form.
				row("no leading slash", "api/items", null), row("an empty first segment", "//api", null),
				row("an empty segment", "/a//b", null), row("two slashes at the end", "/a//", null),
				row("a dot segment", "/a/./b", null), row("a dot-dot segment", "/a/../b", null),
				row("a dot segment at the end", "/a/.", null), row("a dot-dot segment at the end", "/a/..", null),
				row("the root's dot segment", "/.", null),
				row("a dot-dot segment with a parameter", "/..;x/admin", null),
				row("an encoded dot segment", "/a/%2e/b", null), row("an encoded dot-dot segment", "/a/%2E%2e/b", null),
				row("half-encoded dot-dot", "/a/.%2e", null), row("a segment of parameters only", "/;x/admin", null),
				row("a last segment of parameters only", "/a/;x", null), row("a lone semicolon", "/a/;", null),
				row("an encoded slash", "/a%2Fb", null), row("an encoded slash, lowercase", "/a%2fb", null),
				row("an encoded semicolon", "/a%3Bb", null), row("an encoded semicolon, lowercase", "/a%3b", null),
				row("an encoded percent sign", "/%2561dmin", null), row("an encoded backslash", "/a%5Cb", null),
				row("an encoded control character", "/a%00", null), row("an encoded line feed", "/a%0A", null),
				row("an encoded DEL", "/a%7F", null), row("a lone percent sign", "/a%", null),
				row("an escape cut short at the end", "/a%6", null),
				row("an escape cut short before a slash", "/a%6/b", null),
				row("an escape cut short before a parameter", "/a%6;x", null),
				row("an escape with a letter past F", "/a%6g", null), row("an escape with no hex at all", "/%zz", null),
				row("an escape of a lone UTF-8 lead byte", "/caf%C3", null),
				row("an escape of invalid UTF-8", "/%C3%28", null),
				row("an escape of a byte UTF-8 never uses", "/%FF", null), row("a raw backslash", "/a\\b", null),
				row("a raw backslash in a path with an escape", "/%61\\b", null),
				row("a raw backslash after a parameter", "/a;x/b\\c", null),
				row("an empty segment in a path with an escape", "/%61//b", null),
				row("an empty segment in a path with a parameter", "/a;x//b", null),
				row("a dot segment in a path with an escape", "/%61/./b", null),
				// Left as Spring's routing leaves them: no layer reads them otherwise.
				row("a raw space", "/a b", "/a b"), row("a raw tab", "/a\tb", "/a\tb"),
				row("a raw non-ASCII character", "/caf\u00e9", "/caf\u00e9"),
				row("a raw non-ASCII character in a path with a parameter", "/caf\u00e9;x", "/caf\u00e9"));
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("rows")
	void resolvesTheRoutedPathOrNothing(Row row) {
		assertThat(RoutedPath.resolve(row.raw())).as("%s resolved", row.raw()).isEqualTo(row.routed());
	}

	@Test
	void aPathWithNothingToDecodeIsReturnedAsItIs() {
		String path = "/api/items/42";
		assertThat(RoutedPath.resolve(path)).isSameAs(path);
	}

	@Test
	void tableHasUniqueDescriptions() {
		assertThat(rows().map(Row::description).toList()).doesNotHaveDuplicates().hasSizeGreaterThan(40);
	}

	private static Row row(String description, String raw, @Nullable String routed) {
		return new Row(description, raw, routed);
	}

	/**
	 * A raw path and its routed form, {@code null} when it has none.
	 */
	record Row(String description, String raw, @Nullable String routed) {

		@Override
		public String toString() {
			return this.description;
		}

	}

}
