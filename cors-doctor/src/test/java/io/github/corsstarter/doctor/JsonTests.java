package io.github.corsstarter.doctor;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The doctor's JSON: every value a report holds, and strings escaped whatever a server
 * sent.
 */
class JsonTests {

	@Test
	void valuesAndNesting() {
		Map<String, Object> object = new LinkedHashMap<>();
		object.put("allowed", false);
		object.put("status", 403);
		object.put("message", null);
		object.put("list", List.of("a", List.of(), Map.of()));
		assertThat(Json.write(object))
			.isEqualTo("{\"allowed\":false,\"status\":403,\"message\":null,\"list\":[\"a\",[],{}]}");
	}

	@Test
	void stringsAreEscaped() {
		assertThat(Json.write("q\"b\\n\nr\rt\t\u0001\u2028é")).isEqualTo("\"q\\\"b\\\\n\\nr\\rt\\t\\u0001\\u2028é\"");
	}

	@Test
	void otherTypesAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> Json.write(Arrays.asList(new Object())))
			.withMessageContaining("Cannot write");
	}

}
