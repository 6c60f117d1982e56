package io.github.corsstarter.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

/**
 * One row of the HTTP scenario table that both web stacks run: a request and the outcome
 * a browser would see. Configuration:
 * {@code CORS_ORIGINS=https://app.example.com,http://localhost:5173},
 * {@code origin-patterns=https://*.example.org}, {@code methods=GET,POST,PUT,DELETE},
 * {@code allowed-headers=Content-Type,Authorization},
 * {@code exposed-headers=X-Total-Count}, credentials on, {@code max-age=3600s}; a mapping
 * {@code public} for {@code /public/**} that allows any origin without credentials;
 * {@code /internal/**} excluded. Requests carry {@code Host: api.example.com}.
 */
record CorsScenario(String description, String method, String path, List<String[]> headers, Outcome outcome) {

	enum Outcome {

		/**
		 * Allowed actual request: the handler runs and the response carries the origin
		 * and credentials.
		 */
		ALLOWED,

		/** Allowed actual request under a fixed '*' policy. */
		ALLOWED_ANY,

		/** Allowed preflight, answered with 204 without reaching a handler. */
		PREFLIGHT,

		/** Allowed preflight under a fixed '*' policy. */
		PREFLIGHT_ANY,

		/** Refused with a 403 problem, without reaching a handler. */
		REJECTED,

		/**
		 * Not CORS, same-origin or excluded: the handler runs and no CORS header is
		 * added.
		 */
		PASSED,

		/**
		 * Not CORS under a fixed '*' policy: the handler runs and the response carries
		 * {@code Access-Control-Allow-Origin: *} and no other CORS header (behaviour
		 * 2.2).
		 */
		PASSED_ANY

	}

	String origin() {
		return this.headers.stream().filter((h) -> h[0].equals("Origin")).map((h) -> h[1]).findFirst().orElse(null);
	}

	@Override
	public String toString() {
		return this.description;
	}

	static CorsScenario of(String description, String method, String path, Outcome outcome, String... headers) {
		List<String[]> list = new ArrayList<>();
		for (int i = 0; i < headers.length; i += 2) {
			list.add(new String[] { headers[i], headers[i + 1] });
		}
		return new CorsScenario(description, method, path, list, outcome);
	}

	/**
	 * Returns the scenarios of {@code http-scenarios.txt}, next to this class.
	 */
	static Stream<Arguments> table() throws IOException {
		List<Arguments> scenarios = new ArrayList<>();
		try (InputStream table = CorsScenario.class.getResourceAsStream("http-scenarios.txt")) {
			String text = new String(Objects.requireNonNull(table).readAllBytes(), StandardCharsets.UTF_8);
			for (String line : text.split("\n")) {
				if (!line.isBlank() && !line.startsWith("#")) {
					scenarios.add(Arguments.of(parse(line.strip())));
				}
			}
		}
		return scenarios.stream();
	}

	/**
	 * Reads one line: description, method, path, outcome and headers, separated by
	 * {@code |}; the headers {@code Name: value}, separated by {@code ;}.
	 */
	private static CorsScenario parse(String line) {
		String[] columns = (line + " ").split(" \\| ", -1);
		if (columns.length != 5) {
			throw new IllegalArgumentException("Not five columns: " + line);
		}
		List<String> headers = new ArrayList<>();
		if (!columns[4].isBlank()) {
			for (String header : columns[4].split(" ; ")) {
				int colon = header.indexOf(':');
				headers.add(header.substring(0, colon));
				headers.add(header.substring(colon + 1).strip());
			}
		}
		return of(columns[0], columns[1], columns[2], Outcome.valueOf(columns[3]), headers.toArray(String[]::new));
	}

}
