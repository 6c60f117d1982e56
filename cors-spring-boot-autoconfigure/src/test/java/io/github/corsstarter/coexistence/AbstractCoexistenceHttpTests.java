package io.github.corsstarter.coexistence;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.github.corsstarter.http.CorsTestApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter in an application that declares CORS to Spring itself, over real HTTP, run
 * by a subclass per web stack and security setup. On the paths the starter covers it is
 * the only CORS authority; on excluded and uncovered paths the application behaves
 * exactly as it does without the starter: each request there is sent to the application
 * twice, with the starter and with {@code cors.enabled=false}, and the answers must
 * agree. At startup the starter warns about the {@code @CrossOrigin} it now overrides,
 * and only about that one.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractCoexistenceHttpTests {

	static final String APP = "https://app.example.com";

	static final String PARTNER = CoexistenceTestApplication.PARTNER;

	// The HTTP tests' application leaves Spring Security out; so does this one when it
	// has no security chain.
	private static final String[] SECURITY_AUTO_CONFIGURATIONS = CorsTestApplication.class
		.getAnnotation(EnableAutoConfiguration.class)
		.excludeName();

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private ConfigurableApplicationContext withStarter;

	private ConfigurableApplicationContext withoutStarter;

	private String startupOutput;

	private final Setup setup;

	AbstractCoexistenceHttpTests(Setup setup) {
		this.setup = setup;
	}

	@BeforeAll
	void start(CapturedOutput output) {
		int before = output.getOut().length();
		this.withStarter = start(true);
		this.startupOutput = output.getOut().substring(before);
		this.withoutStarter = start(false);
	}

	private ConfigurableApplicationContext start(boolean starter) {
		List<String> properties = new ArrayList<>(List.of("server.address=127.0.0.1", "server.port=0",
				"spring.main.web-application-type=" + this.setup.stack(), "spring.main.banner-mode=off",
				"cors.enabled=" + starter, "cors.origins=" + APP, "cors.allow-credentials=true",
				"cors.paths=/api/**,/partners/**,/registered/**", "cors.exclude-paths=/partners/**,/registered/**",
				"test.security-cors=" + this.setup.explicitCors()));
		properties.add(this.setup.secured() ? "test.security=chain"
				: "spring.autoconfigure.exclude=" + String.join(",", SECURITY_AUTO_CONFIGURATIONS));
		return new SpringApplicationBuilder(CoexistenceTestApplication.class)
			.properties(properties.toArray(String[]::new))
			.run();
	}

	@AfterAll
	void stop() {
		this.withStarter.close();
		this.withoutStarter.close();
	}

	/**
	 * Requests to excluded and uncovered paths: preflights and actual requests, from the
	 * partner Spring's configuration allows and from the starter's origin, with and
	 * without credentials.
	 */
	static Stream<Exchange> untouched() {
		return Stream.of(
				new Exchange("OPTIONS", "/partners/data", PARTNER, false, "Access-Control-Request-Method", "GET",
						"Access-Control-Request-Headers", "authorization"),
				new Exchange("OPTIONS", "/partners/data", APP, false, "Access-Control-Request-Method", "GET"),
				new Exchange("OPTIONS", "/registered/data", PARTNER, false, "Access-Control-Request-Method", "GET"),
				new Exchange("OPTIONS", "/other/data", APP, false, "Access-Control-Request-Method", "GET"),
				new Exchange("OPTIONS", "/other/data", PARTNER, false, "Access-Control-Request-Method", "PUT"),
				new Exchange("GET", "/partners/data", PARTNER, true),
				new Exchange("GET", "/partners/data", PARTNER, false),
				new Exchange("GET", "/partners/data", "https://evil.example", true),
				new Exchange("GET", "/registered/data", PARTNER, true), new Exchange("GET", "/other/data", APP, true),
				new Exchange("GET", "/other/data", "https://evil.example", false),
				// Disguises of excluded paths are still excluded: the starter resolves
				// the path Spring routes.
				new Exchange("OPTIONS", "/%70artners/data", PARTNER, false, "Access-Control-Request-Method", "GET"),
				new Exchange("GET", "/partners;x=1/data", PARTNER, true));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("untouched")
	void excludedAndUncoveredPathsBehaveAsWithoutTheStarter(Exchange exchange) throws Exception {
		Answer with = send(this.withStarter, exchange);
		Answer without = send(this.withoutStarter, exchange);
		assertThat(with).isEqualTo(without);
	}

	@Test
	void preflightToAnExcludedPathGetsSpringsAnswerOrSecuritysRefusal() throws Exception {
		Answer answer = send(this.withStarter, new Exchange("OPTIONS", "/partners/data", PARTNER, false,
				"Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "authorization"));
		if (!this.setup.secured() || (this.setup.explicitCors() && this.setup.stack().equals("servlet"))) {
			// @CrossOrigin answers, itself or through Security's CorsFilter over Spring
			// MVC's handler mappings.
			assertThat(answer.status()).isEqualTo(200);
			assertThat(answer.allowOrigin()).containsExactly(PARTNER);
			assertThat(answer.allowCredentials()).containsExactly("true");
		}
		else {
			// Without the starter, Security refuses an unauthenticated preflight; so it
			// does with the starter.
			assertThat(answer.status()).isEqualTo(401);
			assertThat(answer.allowOrigin()).isEmpty();
			assertThat(answer.challenged()).isTrue();
		}
	}

	@Test
	void preflightToAnUncoveredPathReachesTheApplicationsSecurity() throws Exception {
		Answer answer = send(this.withStarter,
				new Exchange("OPTIONS", "/other/data", APP, false, "Access-Control-Request-Method", "GET"));
		assertThat(answer.allowOrigin()).isEmpty();
		if (this.setup.secured() && !(this.setup.explicitCors() && this.setup.stack().equals("servlet"))) {
			assertThat(answer.status()).isEqualTo(401);
			assertThat(answer.challenged()).isTrue();
		}
	}

	@Test
	void actualRequestToAnExcludedPathGetsSpringsHeaders() throws Exception {
		Answer answer = send(this.withStarter, new Exchange("GET", "/registered/data", PARTNER, true));
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.allowOrigin()).containsExactly(PARTNER);
	}

	@Test
	void onCoveredPathsTheStarterDecidesOverCrossOrigin() throws Exception {
		Answer refused = send(this.withStarter,
				new Exchange("OPTIONS", "/api/legacy", PARTNER, false, "Access-Control-Request-Method", "GET"));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.allowOrigin()).isEmpty();
		Answer preflight = send(this.withStarter,
				new Exchange("OPTIONS", "/api/legacy", APP, false, "Access-Control-Request-Method", "GET"));
		assertThat(preflight.status()).isEqualTo(204);
		assertThat(preflight.allowOrigin()).containsExactly(APP);
		Answer actual = send(this.withStarter, new Exchange("GET", "/api/legacy", APP, true));
		assertThat(actual.status()).isEqualTo(200);
		assertThat(actual.allowOrigin()).containsExactly(APP);
		assertThat(actual.allowCredentials()).containsExactly("true");
		assertThat(send(this.withStarter, new Exchange("GET", "/api/legacy", PARTNER, true)).status()).isEqualTo(403);
		// A disguise of the covered path does not reach Spring's @CrossOrigin either.
		for (String disguised : List.of("/api/%6Cegacy", "/api;x=1/legacy", "/api/legacy;jsessionid=1")) {
			Answer answer = send(this.withStarter,
					new Exchange("OPTIONS", disguised, PARTNER, false, "Access-Control-Request-Method", "GET"));
			assertThat(answer.status()).as(disguised).isEqualTo(403);
			assertThat(answer.allowOrigin()).as(disguised).isEmpty();
		}
	}

	@Test
	void startupWarnsAboutTheOverriddenCrossOriginOnly() {
		String advice = "Spring's CORS configuration from @CrossOrigin on "
				+ CoexistenceTestApplication.LegacyController.class.getName()
				+ " applies to /api/legacy, which the starter covers (rules default): the starter now decides CORS"
				+ " requests to this path and this configuration no longer applies. To keep today's behaviour, either"
				+ " move its rules into the starter (before any broader mapping):\n"
				+ "\tcors.mappings.legacy-controller.paths=/api/legacy\n"
				+ "\tcors.mappings.legacy-controller.origins=https://partner.example.com\n"
				+ "\tcors.mappings.legacy-controller.methods=GET\n"
				+ "\tcors.mappings.legacy-controller.allow-credentials=false\n"
				+ "or hand the paths back to Spring's CORS handling:\n"
				+ "\tcors.exclude-paths=/partners/**,/registered/**,/api/legacy\n";
		assertThat(this.startupOutput).containsOnlyOnce(advice);
		assertThat(this.startupOutput).containsOnlyOnce("Spring's CORS configuration from");
	}

	@Test
	@Timeout(60)
	void refusedUploadIsAnsweredWithoutBeingReadToItsEnd() throws Exception {
		// The client announces 100 MB and sends 1 MB: the refusal must not wait for the
		// rest (WebFlux reads at most 64 KiB of a refused request before answering).
		int port = ((WebServerApplicationContext) this.withStarter).getWebServer().getPort();
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /api/legacy HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: " + PARTNER
					+ "\r\nContent-Type: application/octet-stream\r\nContent-Length: 104857600\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			byte[] chunk = new byte[64 * 1024];
			for (int i = 0; i < 16; i++) {
				out.write(chunk);
			}
			out.flush();
			byte[] statusLine = new byte["HTTP/1.1 403".length()];
			int read = 0;
			InputStream in = socket.getInputStream();
			while (read < statusLine.length) {
				int n = in.read(statusLine, read, statusLine.length - read);
				assertThat(n).as("the connection closed before a status line").isPositive();
				read += n;
			}
			assertThat(new String(statusLine, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 403");
		}
	}

	private Answer send(ConfigurableApplicationContext context, Exchange exchange) throws Exception {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + exchange.path()))
			.method(exchange.method(), HttpRequest.BodyPublishers.noBody())
			.timeout(Duration.ofSeconds(20))
			.header("Origin", exchange.origin());
		if (exchange.credentials()) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString((CoexistenceTestApplication.USER + ":" + CoexistenceTestApplication.PASSWORD)
							.getBytes(StandardCharsets.UTF_8)));
		}
		for (int i = 0; i < exchange.headers().length; i += 2) {
			request.header(exchange.headers()[i], exchange.headers()[i + 1]);
		}
		HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		Map<String, List<String>> headers = response.headers().map();
		TreeSet<String> vary = new TreeSet<>();
		response.headers().allValues("Vary").forEach((value) -> {
			for (String token : value.split(",")) {
				vary.add(token.strip());
			}
		});
		return new Answer(response.statusCode(), response.headers().allValues("Access-Control-Allow-Origin"),
				response.headers().allValues("Access-Control-Allow-Credentials"),
				response.headers().allValues("Access-Control-Allow-Methods"),
				response.headers().allValues("Access-Control-Allow-Headers"), List.copyOf(vary),
				headers.containsKey("www-authenticate"), response.body());
	}

	record Exchange(String method, String path, String origin, boolean credentials, String... headers) {

		@Override
		public String toString() {
			return this.method + " " + this.path + " from " + this.origin
					+ (this.credentials ? " with credentials" : "")
					+ ((this.headers.length > 0) ? " " + String.join(" ", this.headers) : "");
		}

	}

	/**
	 * One setup of the application.
	 *
	 * @param stack the web application type, {@code servlet} or {@code reactive}
	 * @param secured whether the application has a security chain
	 * @param explicitCors whether the chain asks for {@code cors(withDefaults())}
	 */
	record Setup(String stack, boolean secured, boolean explicitCors) {
	}

	record Answer(int status, List<String> allowOrigin, List<String> allowCredentials, List<String> allowMethods,
			List<String> allowHeaders, List<String> vary, boolean challenged, String body) {
	}

}
