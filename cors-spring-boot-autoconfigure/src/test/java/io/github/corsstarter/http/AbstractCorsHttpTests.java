package io.github.corsstarter.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.corsstarter.http.CorsScenario.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.corsstarter.policy.CorsPolicy;
import io.github.corsstarter.policy.CorsPolicyHolder;
import io.github.corsstarter.policy.CorsSettings;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import static io.github.corsstarter.http.RawHttpClient.headers;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CORS behaviour over real HTTP, run by a subclass per web stack: the scenario table,
 * error responses, Vary merging, the starter's ownership of the CORS headers, forwarded
 * headers and the rejection body.
 */
@SpringBootTest(classes = CorsTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.address=127.0.0.1", "server.forward-headers-strategy=framework",
				"cors.origin-patterns=https://*.example.org", "cors.methods=GET,POST,PUT,DELETE",
				"cors.allowed-headers=Content-Type,Authorization", "cors.exposed-headers=X-Total-Count",
				"cors.allow-credentials=true", "cors.max-age=3600s", "cors.exclude-paths=/internal/**",
				"cors.mappings.public.paths=/public/**", "cors.mappings.public.origins=*",
				"cors.mappings.public.allow-credentials=false", "cors.mappings.public.methods=*",
				"management.endpoints.web.exposure.include=cors" })
@ContextConfiguration(initializers = CorsOriginsEnvironment.class)
abstract class AbstractCorsHttpTests {

	private static final String ALLOWED = "https://app.example.com";

	@LocalServerPort
	private int port;

	@Autowired
	private CorsTestApplication.HandlerInvocations invocations;

	@Autowired
	private MeterRegistry meterRegistry;

	@Autowired
	private CorsPolicyHolder policyHolder;

	private RawHttpClient client() {
		return new RawHttpClient(this.port);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("io.github.corsstarter.http.CorsScenario#table")
	void scenario(CorsScenario scenario) throws IOException {
		int before = this.invocations.total();
		RawHttpClient.Response response = client().send(scenario.method(), scenario.path(), scenario.headers());
		int handlerRuns = this.invocations.total() - before;
		String origin = scenario.origin();
		switch (scenario.outcome()) {
			case ALLOWED -> {
				assertThat(response.status()).isEqualTo(200);
				assertThat(response.headerValues("Access-Control-Allow-Origin")).containsExactly(origin);
				assertThat(response.headerValues("Access-Control-Allow-Credentials")).containsExactly("true");
				assertThat(response.headerValues("Access-Control-Expose-Headers")).containsExactly("X-Total-Count");
				assertThat(response.headerTokens("Vary")).containsOnlyOnce("Origin");
				assertThat(handlerRuns).isOne();
			}
			case ALLOWED_ANY -> {
				assertThat(response.status()).isEqualTo(200);
				assertThat(response.headerValues("Access-Control-Allow-Origin")).containsExactly("*");
				assertThat(response.headerValues("Access-Control-Allow-Credentials")).isEmpty();
				assertThat(handlerRuns).isOne();
			}
			case PREFLIGHT, PREFLIGHT_ANY -> {
				assertThat(response.status()).isEqualTo(204);
				assertThat(response.headerValues("Access-Control-Allow-Origin"))
					.containsExactly((scenario.outcome() == Outcome.PREFLIGHT_ANY) ? "*" : origin);
				assertThat(response.headerValues("Access-Control-Allow-Methods")).hasSize(1);
				assertThat(response.headerValues("Access-Control-Max-Age")).hasSize(1);
				assertThat(response.headerTokens("Vary")).containsExactly("Origin", "Access-Control-Request-Method",
						"Access-Control-Request-Headers");
				assertThat(response.body()).isEmpty();
				assertThat(handlerRuns).isZero();
			}
			case REJECTED -> {
				assertThat(response.status()).isEqualTo(403);
				assertThat(response.header("Content-Type")).startsWith("application/problem+json");
				assertThat(response.body()).contains("\"status\":403");
				assertThat(response.headers().keySet()).noneMatch((name) -> name.startsWith("access-control-allow"));
				assertThat(response.headerTokens("Vary")).contains("Origin");
				assertThat(handlerRuns).isZero();
			}
			case PASSED -> {
				assertThat(response.status()).isEqualTo(200);
				assertThat(response.headers().keySet()).noneMatch((name) -> name.startsWith("access-control-"));
				assertThat(handlerRuns).isOne();
			}
			case PASSED_ANY -> {
				assertThat(response.status()).isEqualTo(200);
				assertThat(response.headerValues("Access-Control-Allow-Origin")).containsExactly("*");
				assertThat(response.headers().keySet()).filteredOn((name) -> name.startsWith("access-control-"))
					.containsExactly("access-control-allow-origin");
				assertThat(handlerRuns).isOne();
			}
		}
	}

	@Test
	void preflightAnswersWithTheConfiguredValues() throws IOException {
		RawHttpClient.Response response = client().send("OPTIONS", "/api/data",
				headers("Origin", ALLOWED, "Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers",
						"authorization,content-type"));
		assertThat(response.status()).isEqualTo(204);
		assertThat(response.header("Access-Control-Allow-Methods")).isEqualTo("GET,POST,PUT,DELETE");
		assertThat(response.header("Access-Control-Allow-Headers")).isEqualTo("Content-Type,Authorization");
		assertThat(response.header("Access-Control-Allow-Credentials")).isEqualTo("true");
		assertThat(response.header("Access-Control-Max-Age")).isEqualTo("3600");
	}

	@Test
	void preflightStopsBeforeTheApplication() throws IOException {
		int before = this.invocations.count("/api/data");
		client().send("OPTIONS", "/api/data", headers("Origin", ALLOWED, "Access-Control-Request-Method", "DELETE"));
		assertThat(this.invocations.count("/api/data")).isEqualTo(before);
	}

	@Test
	void serverErrorKeepsCorsHeaders() throws IOException {
		assertErrorKeepsCorsHeaders("/api/boom", 500);
	}

	@Test
	void teapotKeepsCorsHeaders() throws IOException {
		assertErrorKeepsCorsHeaders("/api/teapot", 418);
	}

	@Test
	void unauthorizedKeepsCorsHeaders() throws IOException {
		assertErrorKeepsCorsHeaders("/api/unauthorized", 401);
	}

	@Test
	void notFoundKeepsCorsHeaders() throws IOException {
		assertErrorKeepsCorsHeaders("/api/missing", 404);
	}

	private void assertErrorKeepsCorsHeaders(String path, int status) throws IOException {
		RawHttpClient.Response response = client().send("GET", path, headers("Origin", ALLOWED));
		assertThat(response.status()).isEqualTo(status);
		assertThat(response.headerValues("Access-Control-Allow-Origin")).containsExactly(ALLOWED);
		assertThat(response.headerValues("Access-Control-Allow-Credentials")).containsExactly("true");
		assertThat(response.headerTokens("Vary")).containsOnlyOnce("Origin");
	}

	@Test
	void varyIsMergedWithTheApplicationsOwn() throws IOException {
		RawHttpClient.Response response = client().send("GET", "/api/vary", headers("Origin", ALLOWED));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.headerTokens("Vary")).containsOnlyOnce("Origin", "Accept-Encoding");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("io.github.corsstarter.http.HeaderOwnershipScenario#table")
	void startersCorsHeadersAreTheOnlyOnes(HeaderOwnershipScenario row) throws IOException {
		int before = this.invocations.count(row.path());
		RawHttpClient.Response response = client().send("GET", row.path(),
				(row.origin() != null) ? headers("Origin", row.origin()) : headers());
		assertThat(response.status()).isEqualTo(row.status());
		row.corsHeaders()
			.forEach((name, value) -> assertThat(response.headerValues(name)).as(name).containsExactly(value));
		assertThat(response.headers().keySet()).as("CORS headers")
			.filteredOn((name) -> name.startsWith("access-control-"))
			.containsExactlyInAnyOrderElementsOf(row.corsHeaders().keySet().stream().map(this::lowerCase).toList());
		assertThat(response.headerTokens("Vary").stream().map(this::lowerCase)).as("Vary tokens")
			.doesNotHaveDuplicates()
			.containsAll(row.vary().stream().map(this::lowerCase).toList());
		assertThat(this.invocations.count(row.path()) - before).as("handler runs").isEqualTo(row.handlerRuns() ? 1 : 0);
	}

	private String lowerCase(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

	@Test
	void staticResourceKeepsCorsHeaders() throws IOException {
		RawHttpClient.Response response = client().send("GET", "/cors-static.txt", headers("Origin", ALLOWED));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("served as a static resource\n");
		assertThat(response.headerValues("Access-Control-Allow-Origin")).containsExactly(ALLOWED);
		assertThat(response.headerTokens("Vary")).containsOnlyOnce("Origin");
	}

	@Test
	void requestWithoutOriginGetsVaryOrigin() throws IOException {
		RawHttpClient.Response response = client().send("GET", "/api/data", headers());
		assertThat(response.headerTokens("Vary")).containsOnlyOnce("Origin");
	}

	@Test
	void requestWithoutOriginToAFixedWildcardPathGetsAllowOriginStarEvenOnAnError() throws IOException {
		RawHttpClient.Response response = client().send("GET", "/public/missing", headers());
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.headerValues("Access-Control-Allow-Origin")).containsExactly("*");
		assertThat(response.headerValues("Access-Control-Allow-Credentials")).isEmpty();
	}

	@Test
	void sameOriginBehindTlsProxyPasses() throws IOException {
		int before = this.invocations.count("/api/data");
		RawHttpClient.Response response = client().send("POST", "/api/data", headers("Origin",
				"https://api.example.com", "X-Forwarded-Proto", "https", "X-Forwarded-Host", "api.example.com"));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.headers().keySet()).noneMatch((name) -> name.startsWith("access-control-"));
		assertThat(this.invocations.count("/api/data")).isEqualTo(before + 1);
	}

	@Test
	void sameHostWithoutForwardedSchemeIsCrossOrigin() throws IOException {
		RawHttpClient.Response response = client().send("POST", "/api/data",
				headers("Origin", "https://api.example.com"));
		assertThat(response.status()).isEqualTo(403);
	}

	@Test
	void rejectionIsAProblemDocument() throws IOException {
		RawHttpClient.Response response = client().send("GET", "/api/data", headers("Origin", "https://evil.com"));
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.headerValues("Content-Type")).singleElement()
			.satisfies((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Origin not allowed\","
				+ "\"status\":403,\"detail\":\"The request's origin is not allowed by the CORS policy.\"}");
		assertThat(response.header("Content-Length"))
			.isEqualTo(Integer.toString(response.body().getBytes(StandardCharsets.UTF_8).length));
	}

	@Test
	void refusedUploadIsAnsweredWithTheProblemDocument() throws IOException {
		// Past the reactive filter's limit on what it reads before answering.
		byte[] upload = new byte[1024 * 1024];
		RawHttpClient.Response response = client().send("POST", "/api/data",
				headers("Origin", "https://evil.com", "Content-Type", "application/octet-stream"), upload);
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.body()).contains("\"title\":\"Origin not allowed\"");
		assertThat(response.header("Content-Length"))
			.isEqualTo(Integer.toString(response.body().getBytes(StandardCharsets.UTF_8).length));
	}

	@Test
	void refusedUploadThatWaitsForContinueIsAnswered() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/data"))
			.header("Origin", "https://evil.com")
			.expectContinue(true)
			.timeout(Duration.ofSeconds(20))
			.POST(HttpRequest.BodyPublishers.ofByteArray(new byte[1024 * 1024]))
			.build();
		HttpResponse<String> response = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.build()
			.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("\"title\":\"Origin not allowed\"");
	}

	@Test
	void refusedHeadRequestHasNoBody() throws IOException {
		RawHttpClient.Response response = client().send("HEAD", "/api/data", headers("Origin", "https://evil.com"));
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.headerValues("Content-Type")).singleElement()
			.satisfies((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).isEmpty();
	}

	@Test
	void rejectedPreflightSaysWhichRuleRefusedIt() throws IOException {
		RawHttpClient.Response response = client().send("OPTIONS", "/api/data", headers("Origin", ALLOWED,
				"Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "x-custom"));
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.body()).contains("\"title\":\"Header not allowed\"").doesNotContain("Content-Type");
		assertThat(response.headerTokens("Vary")).containsExactly("Origin", "Access-Control-Request-Method",
				"Access-Control-Request-Headers");
	}

	@Test
	void allowedOriginFromTheEnvironmentVariable() throws IOException {
		for (String origin : List.of("https://app.example.com", "http://localhost:5173")) {
			RawHttpClient.Response response = client().send("GET", "/api/data", headers("Origin", origin));
			assertThat(response.headerValues("Access-Control-Allow-Origin")).containsExactly(origin);
		}
	}

	@Test
	void exposedHeaderOnlyAsConfigured() throws IOException {
		RawHttpClient.Response response = client().send("GET", "/api/data", headers("Origin", ALLOWED));
		assertThat(response.header("X-Total-Count")).isEqualTo("42");
		assertThat(response.header("Access-Control-Expose-Headers")).isEqualTo("X-Total-Count");
		assertThat(Map.of("exposed", response.header("Access-Control-Expose-Headers")).get("exposed"))
			.doesNotContain("X-Secret");
	}

	@Test
	void actuatorShowsThePolicy() throws IOException {
		RawHttpClient.Response response = client().send("GET", "/actuator/cors", headers());
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).contains("\"name\":\"public\"", "\"name\":\"default\"",
				"\"origins\":[\"https://app.example.com\",\"http://localhost:5173\"]",
				"\"originPatterns\":[\"https://*.example.org\"]", "\"excludePaths\":[\"/internal/**\"]",
				"\"maxAge\":3600");
	}

	@Test
	void actuatorAnswersForAHypotheticalRequest() throws IOException {
		RawHttpClient.Response refused = client().send("GET",
				"/actuator/cors?origin=https://evil.example.net&method=PUT&path=/api/data", headers());
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("\"rules\":\"default\"", "\"outcome\":\"rejected\"",
				"not allowed by the CORS policy");
		RawHttpClient.Response allowed = client().send("GET",
				"/actuator/cors?origin=https://app.example.com&method=PUT&headers=content-type&path=/api/data",
				headers());
		assertThat(allowed.body()).contains("\"outcome\":\"allowed\"", "\"outcome\":\"preflight\"",
				"\"Access-Control-Allow-Methods\":\"GET,POST,PUT,DELETE\"");
	}

	@Test
	void decisionsAreCountedByOutcomeAndReason() throws IOException {
		double rejectedBefore = count("rejected", "origin_not_allowed");
		double preflightBefore = count("preflight", "none");
		client().send("GET", "/api/data", headers("Origin", "https://evil.example.net"));
		client().send("OPTIONS", "/api/data", headers("Origin", ALLOWED, "Access-Control-Request-Method", "PUT"));
		assertThat(count("rejected", "origin_not_allowed")).isEqualTo(rejectedBefore + 1);
		assertThat(count("preflight", "none")).isEqualTo(preflightBefore + 1);
		assertThat(this.meterRegistry.find("cors.requests").counters())
			.allSatisfy((counter) -> assertThat(counter.getId().getTags()).extracting((tag) -> tag.getKey())
				.containsExactly("outcome", "reason"));
	}

	private double count(String outcome, String reason) {
		return this.meterRegistry.get("cors.requests").tag("outcome", outcome).tag("reason", reason).counter().count();
	}

	@Test
	void policyReplacedAtRunTimeAppliesToTheNextRequest() throws IOException {
		CorsPolicy original = this.policyHolder.get();
		try {
			this.policyHolder.replace(CorsSettings.builder().origins("https://new.example.com").build());
			assertThat(client().send("GET", "/api/data", headers("Origin", "https://new.example.com"))
				.headerValues("Access-Control-Allow-Origin")).containsExactly("https://new.example.com");
			assertThat(client().send("GET", "/api/data", headers("Origin", ALLOWED)).status()).isEqualTo(403);
		}
		finally {
			this.policyHolder.replace(original);
		}
		assertThat(client().send("GET", "/api/data", headers("Origin", ALLOWED)).status()).isEqualTo(200);
	}

	@Test
	void longOriginWithinTheServersHeaderLimitIsRefusedByTheStarter() throws IOException {
		String origin = "https://" + "a".repeat(6000) + ".example.com";
		RawHttpClient.Response response = client().send("GET", "/api/data", headers("Origin", origin));
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.body()).contains("\"title\":\"Malformed origin\"");
		assertServerKeepsServing();
	}

	@Test
	void originBeyondTheServersHeaderLimitGetsAClientError() throws IOException {
		int before = this.invocations.total();
		RawHttpClient.Response response = client().send("GET", "/api/data",
				headers("Origin", "https://" + "a".repeat(8192) + ".example.com"));
		assertThat(response.status()).isBetween(400, 499);
		assertThat(this.invocations.total()).isEqualTo(before);
		assertServerKeepsServing();
	}

	@Test
	void megabyteOfCommasInRequestHeadersGetsAClientError() throws IOException {
		RawHttpClient.Response response = client().send("OPTIONS", "/api/data", headers("Origin", ALLOWED,
				"Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", ",".repeat(1 << 20)));
		assertThat(response.status()).isBetween(400, 499);
		assertThat(response.headers().keySet()).noneMatch((name) -> name.startsWith("access-control-allow"));
		assertServerKeepsServing();
	}

	@Test
	void longRequestHeadersListWithinTheServersLimitIsRefusedByTheStarter() throws IOException {
		RawHttpClient.Response response = client().send("OPTIONS", "/api/data", headers("Origin", ALLOWED,
				"Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", ",".repeat(6000)));
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.body()).contains("\"title\":\"Header not allowed\"");
		assertServerKeepsServing();
	}

	@Test
	void nonAsciiBytesInOriginAreRefused() throws IOException {
		// UTF-8 bytes of "https://exämple.com", read by the server as ISO-8859-1 text.
		String origin = new String("https://ex\u00e4mple.com".getBytes(StandardCharsets.UTF_8),
				StandardCharsets.ISO_8859_1);
		RawHttpClient.Response response = client().send("GET", "/api/data", headers("Origin", origin));
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.body()).contains("\"title\":\"Malformed origin\"");
		assertServerKeepsServing();
	}

	@Test
	void twoOriginHeadersAreRefusedEvenWhenBothAreAllowed() throws IOException {
		int before = this.invocations.total();
		RawHttpClient.Response response = client().send("POST", "/api/data",
				headers("Origin", ALLOWED, "Origin", "http://localhost:5173"));
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.body()).contains("\"title\":\"Malformed origin\"");
		assertThat(this.invocations.total()).isEqualTo(before);
		assertServerKeepsServing();
	}

	private void assertServerKeepsServing() throws IOException {
		RawHttpClient.Response response = client().send("GET", "/api/data", headers("Origin", ALLOWED));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.headerValues("Access-Control-Allow-Origin")).containsExactly(ALLOWED);
	}

}
