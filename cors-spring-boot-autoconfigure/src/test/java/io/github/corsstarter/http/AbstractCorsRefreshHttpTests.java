package io.github.corsstarter.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.corsstarter.autoconfigure.CorsEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationPropertiesBindException;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.context.refresh.ContextRefresher;

import static io.github.corsstarter.http.RawHttpClient.headers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Live reconfiguration over real HTTP, run by a subclass per web stack: {@code cors.*}
 * changes in an imported configuration file (as in a mounted ConfigMap), Spring Cloud's
 * {@link ContextRefresher} reloads the configuration (what {@code POST /actuator/refresh}
 * does), and the next request is decided by the new policy, or by the old one when the
 * change is invalid, which {@code /actuator/cors} then reports.
 */
@SpringBootTest(classes = CorsTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.address=127.0.0.1", "management.endpoints.web.exposure.include=cors",
				"spring.config.import=optional:file:target/cors-refresh-config/${spring.main.web-application-type}.properties",
				// The refresher reloads the configuration from the standard sources and
				// these: the import is here.
				"spring.cloud.refresh.additional-property-sources-to-retain=Inlined Test Properties" })
abstract class AbstractCorsRefreshHttpTests {

	private static final Map<String, String> INITIAL = Map.of("cors.origins", "https://app.example.com", "cors.max-age",
			"10m");

	static {
		// Before either stack's application starts: each imports the file of its own
		// stack.
		write("servlet", INITIAL);
		write("reactive", INITIAL);
	}

	private static final String APP = "https://app.example.com";

	private static final String NEW = "https://new.example.com";

	@LocalServerPort
	private int port;

	@Autowired
	private ContextRefresher refresher;

	@Value("${spring.main.web-application-type}")
	private String stack;

	private final Map<String, String> config = new LinkedHashMap<>();

	@Autowired
	private CorsEndpoint endpoint;

	/**
	 * Puts the configuration source back as the application started with, so that every
	 * test starts from the same policy whatever the previous one changed.
	 */
	@BeforeEach
	void startFromTheInitialConfiguration() {
		this.config.clear();
		this.config.putAll(INITIAL);
		writeConfig();
		this.refresher.refresh();
		assertThat(preflight(APP).status()).isEqualTo(204);
		assertThat(policy().lastRejectedChange()).isNull();
	}

	@Test
	void addedOriginIsAllowedOnTheNextRequestAndARemovedOneRefused() throws IOException {
		assertThat(preflight(NEW).status()).isEqualTo(403);
		this.config.put("cors.origins", APP + "," + NEW);
		writeConfig();
		assertThat(this.refresher.refresh()).contains("cors.origins");
		RawHttpClient.Response preflight = preflight(NEW);
		assertThat(preflight.status()).isEqualTo(204);
		assertThat(preflight.headerValues("Access-Control-Allow-Origin")).containsExactly(NEW);

		this.config.put("cors.origins", NEW);
		writeConfig();
		assertThat(this.refresher.refresh()).contains("cors.origins");
		RawHttpClient.Response refused = preflight(APP);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.headerValues("Access-Control-Allow-Origin")).isEmpty();
		RawHttpClient.Response actual = client().send("GET", "/api/data", headers("Origin", NEW));
		assertThat(actual.status()).isEqualTo(200);
		assertThat(actual.headerValues("Access-Control-Allow-Origin")).containsExactly(NEW);
	}

	@Test
	void removedKeyTakesItsDefaultAgain() {
		assertThat(preflight(APP).headerValues("Access-Control-Max-Age")).containsExactly("600");
		this.config.remove("cors.max-age");
		writeConfig();
		assertThat(this.refresher.refresh()).contains("cors.max-age");
		assertThat(preflight(APP).headerValues("Access-Control-Max-Age")).containsExactly("1800");
	}

	@Test
	void invalidOriginKeepsThePolicyInForceAndIsReportedUntilAValidChange() throws IOException {
		this.config.put("cors.origins", "app.example.com");
		writeConfig();
		assertThat(this.refresher.refresh()).contains("cors.origins");
		RawHttpClient.Response stillAllowed = preflight(APP);
		assertThat(stillAllowed.status()).isEqualTo(204);
		assertThat(stillAllowed.headerValues("Access-Control-Allow-Origin")).containsExactly(APP);
		RawHttpClient.Response report = client().send("GET", "/actuator/cors", headers());
		assertThat(report.status()).isEqualTo(200);
		assertThat(report.body()).contains("\"lastRejectedChange\":{")
			.contains("\"keys\":[\"cors.origins\"]")
			.contains("\"property\":\"cors.origins[0]\"")
			.contains("\"value\":\"app.example.com\"");

		this.config.put("cors.origins", NEW);
		writeConfig();
		this.refresher.refresh();
		assertThat(preflight(NEW).status()).isEqualTo(204);
		assertThat(preflight(APP).status()).isEqualTo(403);
		RawHttpClient.Response cleared = client().send("GET", "/actuator/cors", headers());
		assertThat(cleared.body()).doesNotContain("lastRejectedChange").contains("\"lastAppliedChange\":{");
	}

	@Test
	void maxAgeThatIsNotADurationKeepsThePolicyInForceAndIsReported() {
		this.config.put("cors.max-age", "forever");
		this.config.put("cors.origins", NEW);
		// Spring Cloud's own rebinding of the cors.* properties bean fails after the
		// starter has rejected the change.
		writeConfig();
		assertThatExceptionOfType(ConfigurationPropertiesBindException.class).isThrownBy(() -> this.refresher.refresh())
			.withMessageContaining("CorsProperties");
		RawHttpClient.Response stillInForce = preflight(APP);
		assertThat(stillInForce.status()).isEqualTo(204);
		assertThat(stillInForce.headerValues("Access-Control-Max-Age")).containsExactly("600");
		assertThat(preflight(NEW).status()).isEqualTo(403);
		CorsEndpoint.RejectedChangeDescriptor rejected = policy().lastRejectedChange();
		assertThat(rejected).isNotNull();
		assertThat(rejected.violations()).singleElement().satisfies((violation) -> {
			assertThat(violation.property()).isEqualTo("cors.max-age");
			assertThat(violation.value()).isEqualTo("forever");
			assertThat(violation.reason()).isEqualTo("is not a duration");
		});

		this.config.put("cors.max-age", "5m");
		writeConfig();
		assertThat(this.refresher.refresh()).contains("cors.max-age");
		assertThat(preflight(NEW).headerValues("Access-Control-Max-Age")).containsExactly("300");
		assertThat(policy().lastRejectedChange()).isNull();
	}

	/**
	 * Returns what the endpoint shows without parameters: the policy, and what became of
	 * the changes.
	 */
	private CorsEndpoint.PolicyDescriptor policy() {
		Object description = this.endpoint.cors(null, null, null, null);
		assertThat(description).isInstanceOf(CorsEndpoint.PolicyDescriptor.class);
		return (CorsEndpoint.PolicyDescriptor) description;
	}

	private RawHttpClient client() {
		return new RawHttpClient(this.port);
	}

	private RawHttpClient.Response preflight(String origin) {
		try {
			return client().send("OPTIONS", "/api/data",
					headers("Origin", origin, "Access-Control-Request-Method", "PUT"));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void writeConfig() {
		write(this.stack, this.config);
	}

	private static void write(String stack, Map<String, String> config) {
		StringBuilder properties = new StringBuilder();
		config.forEach((key, value) -> properties.append(key).append('=').append(value).append('\n'));
		try {
			Path file = Path.of("target", "cors-refresh-config", stack + ".properties");
			Files.createDirectories(file.getParent());
			Files.writeString(file, properties);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
