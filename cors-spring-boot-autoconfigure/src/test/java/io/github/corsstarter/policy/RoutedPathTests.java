package io.github.corsstarter.policy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resolves raw request paths to the path the application routes, one row per case of the
 * table {@code routed-paths.txt}: what decodes and drops its parameters, and what has no
 * single routed form and is refused ({@code null}). The behaviour reference, "Which
 * request the policy decides on".
 */
class RoutedPathTests {

	static Stream<Row> rows() throws IOException {
		List<Row> rows = new ArrayList<>();
		try (InputStream table = RoutedPathTests.class.getResourceAsStream("routed-paths.txt")) {
			String text = new String(Objects.requireNonNull(table).readAllBytes(), StandardCharsets.UTF_8);
			for (String line : text.split("\n")) {
				if (!line.isBlank() && !line.startsWith("#")) {
					String[] columns = line.split(" \\| ", -1);
					assertThat(columns).as(line).hasSize(3);
					String routed = columns[2].strip();
					rows.add(new Row(columns[0].strip(), unescape(columns[1]),
							routed.equals("(none)") ? null : unescape(routed)));
				}
			}
		}
		return rows.stream();
	}

	/**
	 * Reads the escapes of a Java string literal that the table uses: a backslash before
	 * {@code t} (a tab), before another backslash, and before {@code u} and four hex
	 * digits.
	 */
	private static String unescape(String value) {
		StringBuilder unescaped = new StringBuilder();
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c != '\\') {
				unescaped.append(c);
			}
			else if (value.charAt(i + 1) == 'u') {
				unescaped.append((char) Integer.parseInt(value.substring(i + 2, i + 6), 16));
				i += 5;
			}
			else {
				unescaped.append((value.charAt(i + 1) == 't') ? '\t' : value.charAt(i + 1));
				i++;
			}
		}
		return unescaped.toString();
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
	void tableHasUniqueDescriptions() throws IOException {
		assertThat(rows().map(Row::description).toList()).doesNotHaveDuplicates().hasSizeGreaterThan(40);
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
