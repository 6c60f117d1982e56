package io.github.corsstarter.policy;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks what a refused request is told, one row per reason: the RFC 9457 problem
 * document of the 403 with the titles the README lists, a one-sentence detail that names
 * the rule and never a configured value, and the tag that metrics and logs use.
 */
class RejectionReasonTests {

	static Stream<Row> rows() {
		return Stream.of(
				new Row("malformed origin", RejectionReason.MALFORMED_ORIGIN, "Malformed origin", "malformed_origin"),
				new Row("origin not allowed", RejectionReason.ORIGIN_NOT_ALLOWED, "Origin not allowed",
						"origin_not_allowed"),
				new Row("method not allowed", RejectionReason.METHOD_NOT_ALLOWED, "Method not allowed",
						"method_not_allowed"),
				new Row("header not allowed", RejectionReason.HEADER_NOT_ALLOWED, "Header not allowed",
						"header_not_allowed"),
				new Row("private network access not allowed", RejectionReason.PRIVATE_NETWORK_NOT_ALLOWED,
						"Private network access not allowed", "private_network_not_allowed"),
				new Row("ambiguous path", RejectionReason.AMBIGUOUS_PATH, "Ambiguous path", "ambiguous_path"));
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("rows")
	void problemDocumentTitleAndTag(Row row) {
		RejectionReason reason = row.reason();
		assertThat(reason.title()).isEqualTo(row.title());
		assertThat(reason.tag()).isEqualTo(row.tag());
		assertThat(reason.detail()).as("one sentence").matches("[A-Z][^.]*\\.");
		assertThat(new String(reason.problemJson(), StandardCharsets.UTF_8))
			.isEqualTo("{\"type\":\"about:blank\",\"title\":\"" + row.title() + "\",\"status\":403,\"detail\":\""
					+ reason.detail() + "\"}");
	}

	@Test
	void everyReasonHasARow() {
		assertThat(rows().map(Row::reason)).containsExactlyInAnyOrder(RejectionReason.values());
	}

	@Test
	void readmeExampleIsTheBodyOfARefusedOrigin() {
		assertThat(new String(RejectionReason.ORIGIN_NOT_ALLOWED.problemJson(), StandardCharsets.UTF_8))
			.isEqualTo("{\"type\":\"about:blank\",\"title\":\"Origin not allowed\",\"status\":403,"
					+ "\"detail\":\"The request's origin is not allowed by the CORS policy.\"}");
	}

	@Test
	void problemDocumentIsACopyEachTime() {
		// Adapters write the array they are given; one that altered it must not change
		// the next 403.
		byte[] first = RejectionReason.MALFORMED_ORIGIN.problemJson();
		first[0] = 'x';
		assertThat(RejectionReason.MALFORMED_ORIGIN.problemJson()[0]).isEqualTo((byte) '{');
	}

	/**
	 * A reason and what it must say.
	 */
	record Row(String description, RejectionReason reason, String title, String tag) {

		@Override
		public String toString() {
			return this.description;
		}

	}

}
