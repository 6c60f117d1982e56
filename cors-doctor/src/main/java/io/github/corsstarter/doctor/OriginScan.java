package io.github.corsstarter.doctor;

import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.corsstarter.test.browser.BrowserRequest;
import io.github.corsstarter.test.browser.BrowserTransport;
import io.github.corsstarter.test.browser.HttpHeader;
import io.github.corsstarter.test.browser.ServerResponse;
import org.jspecify.annotations.Nullable;

/**
 * Probes how a server checks origins, as misconfiguration scanners do: the same request
 * from origins no server should allow. A probe is a {@code GET} when the fetch is a
 * {@code GET} or {@code HEAD}, and a preflight otherwise, so that probing never repeats a
 * request that changes something on the server.
 */
final class OriginScan {

	private static final SecureRandom random = new SecureRandom();

	private final DoctorOptions options;

	private final BrowserTransport transport;

	private final List<Probe> probes = new ArrayList<>();

	private final List<Finding> findings = new ArrayList<>();

	private OriginScan(DoctorOptions options, BrowserTransport transport) {
		this.options = options;
		this.transport = transport;
	}

	/**
	 * Runs the probes.
	 * @param options what was asked
	 * @param transport how to reach the server
	 * @return the probes and what they found
	 */
	static OriginScan run(DoctorOptions options, BrowserTransport transport) {
		OriginScan scan = new OriginScan(options, transport);
		scan.probeAll();
		return scan;
	}

	List<Probe> probes() {
		return this.probes;
	}

	List<Finding> findings() {
		return this.findings;
	}

	private void probeAll() {
		String stranger = "https://" + randomLabel() + ".example";
		check("reflects-any-origin", stranger,
				"echoes an origin it cannot know (" + stranger + "): it reflects any"
						+ " origin, so every site on the web can call it from its visitors' browsers",
				"Check the Origin against a list of allowed origins before echoing it (cors-spring-boot-starter:"
						+ " cors.origins and cors.origin-patterns).");
		check("null-origin-allowed", "null",
				"allows the origin 'null', which sandboxed iframes and local files of" + " any site send",
				"Never allow 'null' (cors-spring-boot-starter refuses it).");
		String origin = this.options.origin();
		if (!this.options.originGiven() || !allows(probe(origin), origin)) {
			this.probes.add(new Probe(origin, null, "look-alike probes skipped: " + (this.options.originGiven()
					? "the server does not allow " + origin : "--origin names no allowed origin")));
			return;
		}
		URI page = URI.create(origin);
		String host = page.getRawAuthority();
		check("suffix-match", origin + ".attacker.test",
				"allows " + origin + ".attacker.test: its check accepts any"
						+ " origin that starts with an allowed one, and anyone can register such a name",
				"Compare the whole origin, not a prefix of it.");
		check("prefix-match", page.getScheme() + "://attacker" + host,
				"allows " + page.getScheme() + "://attacker" + host
						+ ": its check accepts any origin that ends with an allowed host, and anyone can register such"
						+ " a name",
				"Compare the whole origin, or match subdomains at a dot (*.example.com), not a suffix"
						+ " of the string.");
		if (page.getScheme().equalsIgnoreCase("https")) {
			check("insecure-origin-trusted", "http://" + host,
					"allows http://" + host + ", the unencrypted twin of " + origin
							+ ": anyone on the network path can inject a script into that page and call the API as"
							+ " the user",
					"Allow the https:// origin only (cors-spring-boot-starter refuses http:// origins with"
							+ " credentials unless cors.allow-insecure-origins=true).");
		}
	}

	private void check(String id, String probeOrigin, String message, String fix) {
		ServerResponse response = probe(probeOrigin);
		boolean credentials = "true".equals(response.header("Access-Control-Allow-Credentials"));
		String allowOrigin = response.header("Access-Control-Allow-Origin");
		if (allows(response, probeOrigin) && !"*".equals(allowOrigin)) {
			this.findings.add(new Finding(id, credentials ? Severity.HIGH : Severity.MEDIUM,
					"The server " + message + (credentials ? ", with credentials (cookies) allowed." : "."), fix));
			this.probes.add(new Probe(probeOrigin, response, "allowed"));
		}
		else {
			this.probes.add(new Probe(probeOrigin, response, "refused"));
		}
		if ("*".equals(allowOrigin) && credentials
				&& this.findings.stream().noneMatch((finding) -> finding.id().equals("wildcard-with-credentials"))) {
			this.findings.add(new Finding("wildcard-with-credentials", Severity.HIGH, "The server answers"
					+ " 'Access-Control-Allow-Origin: *' with 'Access-Control-Allow-Credentials: true': browsers refuse"
					+ " that for credentialed requests, and a server that means it is one configuration change from"
					+ " echoing every origin with credentials.",
					"Answer with the request's origin, checked against" + " a list, and Vary: Origin."));
		}
	}

	private static boolean allows(ServerResponse response, String origin) {
		String allowOrigin = response.header("Access-Control-Allow-Origin");
		return origin.equals(allowOrigin) || "*".equals(allowOrigin);
	}

	private ServerResponse probe(String origin) {
		String method = this.options.method().toUpperCase(Locale.ROOT);
		List<HttpHeader> headers = new ArrayList<>();
		headers.add(new HttpHeader("Origin", origin));
		boolean simple = method.equals("GET") || method.equals("HEAD");
		if (!simple) {
			headers.add(new HttpHeader("Access-Control-Request-Method", this.options.method()));
		}
		return this.transport
			.exchange(new BrowserRequest(simple ? "GET" : "OPTIONS", this.options.url(), headers, new byte[0]));
	}

	private static String randomLabel() {
		StringBuilder label = new StringBuilder("probe-");
		for (int i = 0; i < 10; i++) {
			label.append((char) ('a' + random.nextInt(26)));
		}
		return label.toString();
	}

	/**
	 * One probe and what it got.
	 *
	 * @param origin the origin it came from
	 * @param response the answer, or {@code null} when the probe was not sent
	 * @param outcome {@code allowed}, {@code refused}, or why it was not sent
	 */
	record Probe(String origin, @Nullable ServerResponse response, String outcome) {

	}

}
