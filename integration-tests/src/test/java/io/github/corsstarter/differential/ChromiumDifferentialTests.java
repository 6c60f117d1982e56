package io.github.corsstarter.differential;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.corsstarter.differential.ChromiumPage.ChromiumOutcome;
import io.github.corsstarter.differential.CorsLab.Header;
import io.github.corsstarter.differential.CorsLab.Received;
import io.github.corsstarter.e2e.RequiresChromium;
import io.github.corsstarter.test.browser.ChromiumFetch;
import io.github.corsstarter.test.browser.CorsCase;
import io.github.corsstarter.test.browser.CorsCaseTable;
import io.github.corsstarter.test.browser.CorsError;
import io.github.corsstarter.test.browser.FetchCall;
import io.github.corsstarter.test.browser.FetchResult;
import io.github.corsstarter.test.browser.FetchStep;
import io.github.corsstarter.test.browser.ScriptedServer;
import io.github.corsstarter.test.transport.HttpClientTransport;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser model ({@link ChromiumFetch} of cors-spring-boot-test) against headless
 * Chromium, case by case: every case of {@code chromium-cases.txt}, then cases drawn at
 * random ({@link CorsCaseGenerator}; {@code -Ddifferential.seed=<long>},
 * {@code -Ddifferential.cases=<count>}, 200 by default). Each case runs in Chromium and
 * in the model against the same {@link CorsLab} server over real HTTP, and the two must
 * agree on everything the page and the server can see: allowed or blocked, the console
 * message word for word, the requests the server received (preflight, method, the
 * preflight's {@code Access-Control-Request-*}, cookie, authorization and the script's
 * headers), the status and the readable headers. Chromium's outcome of a table case must
 * also be the one its line expects.
 * <p>
 * A generated case that fails prints as a line that can be pasted into the table.
 */
@RequiresChromium
class ChromiumDifferentialTests {

	static final String TABLE = "/io/github/corsstarter/test/browser/chromium-cases.txt";

	private static final long DEFAULT_SEED = 0x5eed_c0de_2025L;

	private static final String FAILED = "TypeError: Failed to fetch";

	private static final Pattern HEADER_NOT_ALLOWED = Pattern.compile(
			"Request header field (\\S+) is not allowed by Access-Control-Allow-Headers in preflight response\\.$");

	private static CorsLab lab;

	private static ChromiumPage chromium;

	private static HttpClientTransport transport;

	private static final Map<String, Integer> generatedOutcomes = new ConcurrentSkipListMap<>();

	@BeforeAll
	static void start() {
		lab = CorsLab.start();
		chromium = ChromiumPage.open(lab);
		transport = new HttpClientTransport();
	}

	@AfterAll
	static void stop() {
		if (!generatedOutcomes.isEmpty()) {
			// How the generated cases spread over the outcomes, to see that they reach
			// every
			// step.
			System.out.println("Generated cases by outcome (model and Chromium agreeing): " + generatedOutcomes);
		}
		try {
			chromium.close();
		}
		finally {
			lab.close();
		}
	}

	static Stream<Arguments> table() {
		return CorsCaseTable.load(TABLE).stream().map((scripted) -> Arguments.of(Named.of(scripted.name(), scripted)));
	}

	static Stream<Arguments> generated() {
		long seed = Long.getLong("differential.seed", DEFAULT_SEED);
		int count = Integer.getInteger("differential.cases", 200);
		return new CorsCaseGenerator(seed).cases(count)
			.stream()
			.map((scripted) -> Arguments.of(Named.of(scripted.name(), scripted)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("table")
	void tableCaseAgrees(CorsCase scripted) {
		Run run = run(scripted);
		run.assertAgreement();
		run.assertExpected();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("generated")
	void generatedCaseAgrees(CorsCase scripted) {
		Run run = run(scripted);
		run.assertAgreement();
		String outcome = run.result().error().map((error) -> error.step().name()).orElse("allowed");
		generatedOutcomes.merge(outcome, 1, Integer::sum);
	}

	private static Run run(CorsCase scripted) {
		lab.script(scripted);
		URI url = URI.create(lab.apiOrigin() + scripted.path());
		List<Header> headers = scripted.headers()
			.stream()
			.map((header) -> new Header(header.name(), header.value()))
			.toList();
		ChromiumOutcome outcome = chromium.fetch(url, scripted.method(), headers, scripted.credentials().value(),
				scripted.body());
		List<Received> chromiumReceived = lab.received(scripted.name());
		lab.forget(scripted.name());
		FetchCall call = ScriptedServer.call(scripted, lab.pageOrigin(), url);
		FetchResult result = ChromiumFetch.run(call, transport);
		List<Received> modelReceived = lab.received(scripted.name());
		lab.forget(scripted.name());
		return new Run(scripted, call, outcome, chromiumReceived, result, modelReceived);
	}

	/**
	 * One case, run in Chromium and in the model.
	 */
	private record Run(CorsCase scripted, FetchCall call, ChromiumOutcome outcome, List<Received> chromiumReceived,
			FetchResult result, List<Received> modelReceived) {

		String description() {
			return "\ncase:     " + this.scripted.toLine() + "\nChromium: " + this.outcome + "\n  received "
					+ this.chromiumReceived + "\nmodel:    " + this.result.describe() + "\n  received "
					+ this.modelReceived + "\n";
		}

		void assertAgreement() {
			Observation chromium = chromiumObservation();
			Observation model = modelObservation();
			model = model.withMessage(sameHeaderNamed(model.message(), chromium.message()));
			assertThat(model).as(description()).usingRecursiveComparison().isEqualTo(chromium);
		}

		/**
		 * Returns the model's message naming the header Chromium's names, when both say
		 * that a request header is not allowed, several are not, and each names one of
		 * them. Chromium checks the headers in the order of its internal header map (a
		 * hash table), which the model cannot reproduce; the rest of the message is still
		 * compared.
		 */
		private @Nullable String sameHeaderNamed(@Nullable String model, @Nullable String chromium) {
			if (model == null || chromium == null) {
				return model;
			}
			Matcher modelName = HEADER_NOT_ALLOWED.matcher(model);
			Matcher chromiumName = HEADER_NOT_ALLOWED.matcher(chromium);
			if (!modelName.find() || !chromiumName.find()) {
				return model;
			}
			Set<String> disallowed = disallowedHeaders();
			if (disallowed.size() > 1 && disallowed.contains(modelName.group(1))
					&& disallowed.contains(chromiumName.group(1))) {
				return model.substring(0, modelName.start(1)) + chromiumName.group(1)
						+ model.substring(modelName.end(1));
			}
			return model;
		}

		/**
		 * Returns the names of Chromium's preflight's
		 * {@code Access-Control-Request-Headers} that its answer's
		 * {@code Access-Control-Allow-Headers} does not list.
		 */
		private Set<String> disallowedHeaders() {
			Received preflight = this.chromiumReceived.stream()
				.filter((request) -> request.method().equals("OPTIONS"))
				.findFirst()
				.orElse(null);
			String requested = (preflight != null) ? preflight.value("Access-Control-Request-Headers") : null;
			if (requested == null) {
				return Set.of();
			}
			Set<String> allowed = new TreeSet<>();
			this.scripted.preflight()
				.headers()
				.stream()
				.filter((header) -> header.name().equalsIgnoreCase("Access-Control-Allow-Headers"))
				.forEach((header) -> Stream.of(header.value().split(","))
					.forEach((name) -> allowed.add(name.strip().toLowerCase(Locale.ROOT))));
			Set<String> disallowed = new TreeSet<>(List.of(requested.split(",")));
			disallowed.removeAll(allowed);
			return disallowed;
		}

		private Observation chromiumObservation() {
			String message = null;
			if (!this.outcome.resolved() || !this.outcome.console().isEmpty()) {
				// A CORS block: the console's line; a rejection before the network: the
				// TypeError, with nothing on the console.
				message = this.outcome.console().isEmpty() ? this.outcome.error()
						: String.join("\n", this.outcome.console());
			}
			Map<String, String> readable = this.outcome.resolved() ? this.outcome.readableHeaders() : Map.of();
			return observation(this.outcome.resolved(), message, this.chromiumReceived, this.outcome.status(),
					readable);
		}

		private Observation modelObservation() {
			String message = this.result.error().map(CorsError::consoleMessage).orElse(null);
			Integer status = this.result.isAllowed() ? this.result.status() : null;
			return observation(this.result.isAllowed(), message, this.modelReceived, status,
					this.result.readableHeaders());
		}

		private Observation observation(boolean allowed, @Nullable String message, List<Received> received,
				@Nullable Integer status, Map<String, String> readable) {
			List<String> requests = received.stream()
				.map((request) -> request.method() + " " + request.path())
				.toList();
			Received preflight = received.stream()
				.filter((request) -> request.method().equals("OPTIONS"))
				.findFirst()
				.orElse(null);
			Received actual = received.stream()
				.filter((request) -> !request.method().equals("OPTIONS"))
				.findFirst()
				.orElse(null);
			return new Observation(allowed, message, requests,
					(preflight != null) ? preflight.value("Access-Control-Request-Method") : null,
					(preflight != null) ? preflight.value("Access-Control-Request-Headers") : null,
					(actual != null) ? sent(actual) : null, status, new TreeSet<>(readable.keySet()),
					scriptedValues(readable));
		}

		/**
		 * Returns the headers of interest in a request the server received: Origin,
		 * Cookie, Authorization, Content-Type and the script's. The values of those the
		 * browser sends as the script set them are compared; of the others (forbidden
		 * names such as User-Agent, which the browser and the JDK's client fill in their
		 * own ways) only whether they were there.
		 */
		private Map<String, String> sent(Received request) {
			Set<String> names = new TreeSet<>(List.of("origin", "cookie", "authorization", "content-type"));
			this.scripted.headers().forEach((header) -> names.add(header.name().toLowerCase(Locale.ROOT)));
			Set<String> asScripted = new TreeSet<>(List.of("origin", "cookie", "content-type"));
			this.call.headers().forEach((header) -> asScripted.add(header.name().toLowerCase(Locale.ROOT)));
			Map<String, String> sent = new TreeMap<>();
			for (String name : names) {
				List<String> values = request.values(name);
				if (!values.isEmpty()) {
					sent.put(name, asScripted.contains(name) ? String.join(", ", values) : "(present)");
				}
			}
			return sent;
		}

		/**
		 * Returns the readable values of the headers the case's server sets. Of the
		 * others, which the JDK server adds ({@code Date}, {@code Content-length}), only
		 * the names are compared: Date changes between the two runs.
		 */
		private Map<String, String> scriptedValues(Map<String, String> readable) {
			Set<String> scriptedNames = new TreeSet<>();
			Stream.of(this.scripted.response(), this.scripted.redirected())
				.flatMap((reply) -> reply.headers().stream())
				.forEach((header) -> scriptedNames.add(header.name().toLowerCase(Locale.ROOT)));
			Map<String, String> values = new TreeMap<>();
			readable.forEach((name, value) -> {
				if (scriptedNames.contains(name)) {
					values.put(name, value);
				}
			});
			return values;
		}

		void assertExpected() {
			CorsCase.Expected expected = this.scripted.expected();
			assertThat(expected).as(description()).isNotNull();
			String description = description() + "expected: " + expected + "\n";
			assertThat(this.outcome.resolved()).as(description).isEqualTo(expected.step() == null);
			if (expected.step() != null && expected.step() != FetchStep.FETCH_CALL) {
				assertThat(this.outcome.error()).as(description).isEqualTo(FAILED);
			}
			if (expected.status() != null) {
				assertThat(this.outcome.status()).as(description).isEqualTo(expected.status());
			}
			assertThat(this.chromiumReceived.stream().anyMatch((request) -> request.method().equals("OPTIONS")))
				.as(description)
				.isEqualTo(expected.preflight());
			List<Received> actual = this.chromiumReceived.stream()
				.filter((request) -> !request.method().equals("OPTIONS"))
				.toList();
			assertThat(!actual.isEmpty()).as(description).isEqualTo(expected.reached());
			for (String name : expected.readable()) {
				assertThat(this.outcome.readableHeaders()).as(description).containsKey(name);
			}
			for (String name : expected.unreadable()) {
				assertThat(this.outcome.readableHeaders()).as(description).doesNotContainKey(name);
			}
			for (String name : expected.sent()) {
				assertThat(actual).as(description).isNotEmpty();
				assertThat(actual.get(0).values(name)).as(description).isNotEmpty();
			}
			for (String name : expected.unsent()) {
				if (!actual.isEmpty()) {
					assertThat(actual.get(0).values(name)).as(description).isEmpty();
				}
			}
			if (expected.requestHeaders() != null) {
				String acrh = this.chromiumReceived.stream()
					.filter((request) -> request.method().equals("OPTIONS"))
					.findFirst()
					.map((request) -> request.value("Access-Control-Request-Headers"))
					.orElse(null);
				assertThat((acrh != null) ? acrh : "-").as(description).isEqualTo(expected.requestHeaders());
			}
			if (expected.message() != null) {
				String message = this.outcome.console().isEmpty() ? this.outcome.error()
						: String.join("\n", this.outcome.console());
				assertThat(message).as(description).contains(expected.message());
			}
		}

	}

	/**
	 * What a page and a server can see of one {@code fetch()}.
	 *
	 * @param allowed whether the promise resolved
	 * @param message the CORS console message, or the rejection's text when nothing was
	 * sent; {@code null} when allowed
	 * @param requests the requests the server received, {@code METHOD path}, in order
	 * @param requestMethod the first preflight's {@code Access-Control-Request-Method}
	 * @param requestHeaders the first preflight's {@code Access-Control-Request-Headers}
	 * @param sent the headers of interest in the first actual request, or {@code null}
	 * when none reached the server
	 * @param status the status the script sees
	 * @param readableNames the names of the headers the script can read
	 * @param readableValues the values of the readable headers the case's server sets
	 */
	record Observation(boolean allowed, @Nullable String message, List<String> requests, @Nullable String requestMethod,
			@Nullable String requestHeaders, @Nullable Map<String, String> sent, @Nullable Integer status,
			Set<String> readableNames, Map<String, String> readableValues) {

		Observation withMessage(@Nullable String message) {
			return new Observation(this.allowed, message, this.requests, this.requestMethod, this.requestHeaders,
					this.sent, this.status, this.readableNames, this.readableValues);
		}

	}

}
