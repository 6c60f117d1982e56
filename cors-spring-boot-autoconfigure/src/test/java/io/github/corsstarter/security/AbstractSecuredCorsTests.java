package io.github.corsstarter.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter in front of Spring Security, over real HTTP, run by a subclass per web
 * stack.
 */
@SpringBootTest(classes = SecuredTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.address=127.0.0.1", "cors.origins=https://app.example.com",
				"cors.allow-credentials=true", "cors.allowed-headers=Authorization,Content-Type" })
abstract class AbstractSecuredCorsTests {

	private static final String ALLOWED = "https://app.example.com";

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private AtomicInteger securedInvocations;

	private HttpResponse<String> send(String method, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/secure"))
			.method(method, HttpRequest.BodyPublishers.noBody());
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String basic() {
		return "Basic " + Base64.getEncoder()
			.encodeToString((SecuredTestApplication.USER + ":" + SecuredTestApplication.PASSWORD)
				.getBytes(StandardCharsets.UTF_8));
	}

	private static List<String> varyTokens(HttpResponse<?> response) {
		List<String> tokens = new ArrayList<>();
		for (String value : response.headers().allValues("Vary")) {
			for (String token : value.split(",")) {
				tokens.add(token.strip());
			}
		}
		return tokens;
	}

	@Test
	void preflightToSecuredEndpointIsAnsweredWithoutCredentials() throws Exception {
		HttpResponse<String> response = send("OPTIONS", "Origin", ALLOWED, "Access-Control-Request-Method", "GET",
				"Access-Control-Request-Headers", "authorization");
		assertThat(response.statusCode()).isEqualTo(204);
		assertThat(response.headers().allValues("Access-Control-Allow-Origin")).containsExactly(ALLOWED);
		assertThat(response.headers().allValues("Access-Control-Allow-Headers"))
			.containsExactly("Authorization,Content-Type");
		assertThat(response.headers().allValues("WWW-Authenticate")).isEmpty();
	}

	@Test
	void unauthorizedResponseCarriesOneAllowOrigin() throws Exception {
		HttpResponse<String> response = send("GET", "Origin", ALLOWED);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().allValues("Access-Control-Allow-Origin")).containsExactly(ALLOWED);
		assertThat(response.headers().allValues("Access-Control-Allow-Credentials")).containsExactly("true");
		assertThat(varyTokens(response)).containsOnlyOnce("Origin");
	}

	@Test
	void authenticatedRequestGetsCorsHeadersOnce() throws Exception {
		int before = this.securedInvocations.get();
		HttpResponse<String> response = send("GET", "Origin", ALLOWED, "Authorization", basic());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("secret data");
		assertThat(response.headers().allValues("Access-Control-Allow-Origin")).containsExactly(ALLOWED);
		assertThat(response.headers().allValues("Access-Control-Allow-Credentials")).containsExactly("true");
		assertThat(varyTokens(response)).containsOnlyOnce("Origin");
		assertThat(this.securedInvocations.get()).isEqualTo(before + 1);
	}

	@Test
	void disallowedOriginGetsTheStartersRefusal() throws Exception {
		int before = this.securedInvocations.get();
		HttpResponse<String> response = send("GET", "Origin", "https://evil.example.net", "Authorization", basic());
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"title\":\"Origin not allowed\"");
		assertThat(response.headers().allValues("Access-Control-Allow-Origin")).isEmpty();
		assertThat(this.securedInvocations.get()).isEqualTo(before);
	}

}
