package io.github.corsstarter.doctor;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import io.github.corsstarter.sample.SampleApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The doctor against the sample application, which allows {@code http://localhost:5173}
 * with credentials and the request headers {@code Content-Type} and
 * {@code Authorization}.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.address=127.0.0.1", "sample.frontend.port=0" })
class DoctorSampleAppTests {

	private static final String ALLOWED_ORIGIN = "http://localhost:5173";

	@LocalServerPort
	private int port;

	@Test
	void allowedOrigin() {
		Run run = run("--origin", ALLOWED_ORIGIN, "--credentials", url());
		assertThat(run.exit()).as(run.out()).isEqualTo(CorsDoctor.ALLOWED);
		assertThat(run.out()).contains("ALLOWED: the script sees status 200.");
		DocumentContext json = json("--origin", ALLOWED_ORIGIN, "--credentials", url());
		assertThat(json.<Boolean>read("$.allowed")).isTrue();
		assertThat(json.<List<String>>read("$.findings[*].id")).isEmpty();
	}

	@Test
	void refusedOrigin() {
		Run run = run("--origin", "https://elsewhere.example", url());
		assertThat(run.exit()).as(run.out()).isEqualTo(CorsDoctor.BLOCKED);
		assertThat(run.out()).contains("BLOCKED");
		DocumentContext json = json("--origin", "https://elsewhere.example", url());
		assertThat(json.<Boolean>read("$.allowed")).isFalse();
		assertThat(json.<List<String>>read("$.findings[*].fix")).as(json.jsonString())
			.anySatisfy((fix) -> assertThat(fix).contains("cors.origins"));
	}

	@Test
	void headerNotAllowed() {
		Run run = run("--origin", ALLOWED_ORIGIN, "--header", "X-Custom: 1", url());
		assertThat(run.exit()).as(run.out()).isEqualTo(CorsDoctor.BLOCKED);
		DocumentContext json = json("--origin", ALLOWED_ORIGIN, "--header", "X-Custom: 1", url());
		assertThat(json.<Boolean>read("$.preflight")).isTrue();
		assertThat(json.<Boolean>read("$.actualSent")).isFalse();
		assertThat(json.<List<String>>read("$.findings[?(@.id == 'header-not-allowed')].fix")).as(json.jsonString())
			.singleElement()
			.asString()
			.contains("cors.allowed-headers");
	}

	private String url() {
		return "http://localhost:" + this.port + "/api/data";
	}

	private static DocumentContext json(String... args) {
		String[] withJson = new String[args.length + 1];
		withJson[0] = "--json";
		System.arraycopy(args, 0, withJson, 1, args.length);
		Run run = run(withJson);
		return JsonPath.parse(run.out());
	}

	private static Run run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = CorsDoctor.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
		return new Run(exit, out.toString(StandardCharsets.UTF_8));
	}

	private record Run(int exit, String out) {
	}

}
