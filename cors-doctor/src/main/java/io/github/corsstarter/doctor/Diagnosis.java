package io.github.corsstarter.doctor;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.github.corsstarter.test.browser.CorsError;
import io.github.corsstarter.test.browser.Credentials;
import io.github.corsstarter.test.browser.Exchange;
import io.github.corsstarter.test.browser.FetchResult;
import io.github.corsstarter.test.browser.FetchStep;
import io.github.corsstarter.test.browser.ServerResponse;
import org.jspecify.annotations.Nullable;

/**
 * Reads a fetch's exchanges for the mistakes of the Express guide's checklist and their
 * relatives. Each finding id appears once.
 */
final class Diagnosis {

	/**
	 * Chromium keeps a preflight at most this many seconds.
	 */
	static final long CHROMIUM_MAX_AGE = 7200;

	/**
	 * Firefox keeps a preflight at most this many seconds.
	 */
	static final long FIREFOX_MAX_AGE = 86400;

	private static final String STARTER = "cors-spring-boot-starter refused";

	private final FetchResult result;

	private final DoctorOptions options;

	private final Map<String, Finding> findings = new LinkedHashMap<>();

	private Diagnosis(FetchResult result, DoctorOptions options) {
		this.result = result;
		this.options = options;
	}

	/**
	 * Returns what is wrong with a fetch's exchanges.
	 * @param result the fetch
	 * @param options what was asked
	 * @return the findings, the most severe first
	 */
	static List<Finding> of(FetchResult result, DoctorOptions options) {
		Diagnosis diagnosis = new Diagnosis(result, options);
		diagnosis.blocked();
		diagnosis.responses();
		diagnosis.preflightAnswers();
		diagnosis.readable();
		diagnosis.warnings();
		List<Finding> findings = new ArrayList<>(diagnosis.findings.values());
		findings.sort((a, b) -> a.severity().compareTo(b.severity()));
		return findings;
	}

	private void add(String id, Severity severity, String message, String fix) {
		this.findings.putIfAbsent(id, new Finding(id, severity, message, fix));
	}

	private void blocked() {
		Optional<CorsError> error = this.result.error();
		if (error.isEmpty()) {
			return;
		}
		CorsError cause = error.get();
		String hint = cause.hint();
		boolean starter = hint.startsWith(STARTER);
		switch (cause.step()) {
			case FETCH_CALL -> add("invalid-request", Severity.HIGH,
					"fetch() rejects this call before sending anything: " + cause.consoleMessage(), hint);
			case PREFLIGHT_REDIRECT -> add("preflight-not-ok", Severity.HIGH, "The preflight was answered "
					+ preflight().status() + " with a redirect; browsers never follow a preflight's redirect.", hint);
			case PREFLIGHT_STATUS -> add("preflight-not-ok", Severity.HIGH,
					"The preflight was answered " + preflight().status() + "; browsers need 200 or 204 (any 2xx)."
							+ authentication(preflight()),
					"Answer OPTIONS requests that carry Access-Control-Request-Method before authentication,"
							+ " routing and method checks, with 204 and the CORS headers.");
			case PREFLIGHT_ALLOW_ORIGIN, ALLOW_ORIGIN -> allowOrigin(cause, starter);
			case PREFLIGHT_ALLOW_CREDENTIALS,
					ALLOW_CREDENTIALS ->
				add("credentials-not-allowed", Severity.HIGH,
						"The request includes credentials, but the response's Access-Control-Allow-Credentials is "
								+ quoted(response(cause.step()).header("Access-Control-Allow-Credentials"))
								+ ", not exactly 'true'.",
						hint);
			case PREFLIGHT_ALLOW_METHODS -> add("method-not-allowed", Severity.HIGH,
					"The preflight does not allow " + this.result.call().method() + ": Access-Control-Allow-Methods is "
							+ quoted(preflight().header("Access-Control-Allow-Methods")) + ".",
					hint);
			case PREFLIGHT_ALLOW_HEADERS ->
				add("header-not-allowed", Severity.HIGH, "The preflight does not allow every header the request sets ("
						+ String.join(", ", this.result.call().unsafeNames()) + "): Access-Control-Allow-Headers is "
						+ quoted(preflight().header("Access-Control-Allow-Headers")) + ".", hint);
			case REDIRECT -> add("redirect-refused", Severity.HIGH, cause.consoleMessage(), hint);
		}
		if (cause.step().isAfterRequest() && cause.step() != FetchStep.REDIRECT) {
			int status = response(cause.step()).status();
			String ran = starter ? " cors-spring-boot-starter refused it before the application's handlers ran."
					: " Whatever the request does on the server, it did.";
			add("request-ran-but-blocked", Severity.INFO,
					"The server received the " + this.result.call().method() + " and answered " + status
							+ ": a command-line client such as curl shows that answer, the browser hides it from the"
							+ " script." + ran,
					"Fix the CORS headers; testing with curl cannot show CORS errors, which only browsers enforce.");
		}
	}

	private void allowOrigin(CorsError cause, boolean starter) {
		boolean preflight = cause.step() == FetchStep.PREFLIGHT_ALLOW_ORIGIN;
		ServerResponse response = response(cause.step());
		if (starter && cause.hint().contains("(Method not allowed)")) {
			add("method-not-allowed", Severity.HIGH, "The server refused the method " + this.result.call().method()
					+ " with 403 " + "(cors-spring-boot-starter's problem document).", cause.hint());
			return;
		}
		if (starter && cause.hint().contains("(Header not allowed)")) {
			add("header-not-allowed", Severity.HIGH,
					"The server refused a request header (" + String.join(", ", this.result.call().unsafeNames())
							+ ") with 403 (cors-spring-boot-starter's problem document).",
					cause.hint());
			return;
		}
		String allowOrigin = response.header("Access-Control-Allow-Origin");
		if (allowOrigin == null) {
			if (preflight && !starter && (response.status() < 200 || response.status() > 299)) {
				add("preflight-not-ok", Severity.HIGH, "The preflight was answered " + response.status()
						+ " without CORS headers." + authentication(response), cause.hint());
			}
			else {
				add("missing-allow-origin", Severity.HIGH,
						"The " + (preflight ? "preflight's" : "") + (preflight ? " answer" : "response")
								+ " has no Access-Control-Allow-Origin: the server does not allow "
								+ this.result.call().origin() + " (or does no CORS on this path).",
						cause.hint());
			}
		}
	}

	private static String authentication(ServerResponse response) {
		int status = response.status();
		return (status == 401 || status == 403)
				? " A 401 or 403 to a preflight usually means that authentication runs before CORS: the browser never"
						+ " sends credentials on a preflight."
				: "";
	}

	private void responses() {
		String origin = this.result.call().origin();
		boolean credentials = this.result.call().credentials() == Credentials.INCLUDE;
		for (Exchange exchange : exchanges()) {
			ServerResponse response = exchange.response();
			List<String> lines = response.headerValues("Access-Control-Allow-Origin");
			String value = response.header("Access-Control-Allow-Origin");
			if (value == null) {
				continue;
			}
			if (lines.size() > 1 || value.contains(",")) {
				add("duplicate-allow-origin", Severity.HIGH, "The response carries Access-Control-Allow-Origin "
						+ lines.size() + " time" + ((lines.size() > 1) ? "s" : "") + " ('" + value
						+ "'): two layers add"
						+ " CORS headers, such as a proxy or gateway and the application, and browsers accept one value"
						+ " only.",
						"Let one layer answer CORS: remove the headers from the proxy's configuration or"
								+ " from the application.");
			}
			else if (value.equals("*")) {
				String allowCredentials = response.header("Access-Control-Allow-Credentials");
				if (credentials || "true".equals(allowCredentials)) {
					add("wildcard-with-credentials", credentials ? Severity.HIGH : Severity.MEDIUM,
							"The server answers 'Access-Control-Allow-Origin: *'"
									+ ("true".equals(allowCredentials)
											? " with 'Access-Control-Allow-Credentials: true'" : "")
									+ ": browsers refuse '*' for every request with credentials.",
							"Answer with the request's origin, checked against a list, and Vary: Origin (with"
									+ " cors-spring-boot-starter: list the origins in cors.origins and set"
									+ " cors.allow-credentials=true; it never sends '*' with credentials).");
				}
			}
			else if (!value.equals(origin)) {
				add("origin-mismatch", Severity.HIGH,
						"The server allows '" + value + "', not the page's origin '" + origin + "': "
								+ mismatchCause(value, origin) + ".",
						"Answer with the request's Origin exactly as the browser sent it: scheme, host and port, no"
								+ " path or trailing slash (cors-spring-boot-starter: cors.origins entries are"
								+ " checked for this at startup).");
			}
			else if (!variesByOrigin(response)) {
				add("missing-vary-origin", Severity.MEDIUM, "The response echoes the origin in"
						+ " Access-Control-Allow-Origin but its Vary does not name Origin (Vary: "
						+ Optional.ofNullable(response.header("Vary")).orElse("none") + "): a CDN or shared cache"
						+ " can serve this answer to a page from another origin, which the browser then blocks.",
						"Add 'Vary: Origin' to every response whose CORS headers depend on the Origin"
								+ " (cors-spring-boot-starter always does).");
			}
		}
	}

	static String mismatchCause(String value, String origin) {
		String host = origin.substring(origin.indexOf("://") + 3);
		if (!value.contains("://") && value.equalsIgnoreCase(host)) {
			return "the value has no scheme (write " + origin + ")";
		}
		if (value.endsWith("/") && value.substring(0, value.length() - 1).equals(origin)) {
			return "the value has a trailing slash, and an origin has no path";
		}
		if (value.equalsIgnoreCase(origin)) {
			return "the value differs in case, and browsers compare origins exactly";
		}
		URI allowed = parse(value);
		URI page = URI.create(origin);
		if (allowed != null && allowed.getHost() != null && allowed.getHost().equalsIgnoreCase(page.getHost())) {
			if (!page.getScheme().equalsIgnoreCase(allowed.getScheme())) {
				return "the scheme differs (" + allowed.getScheme() + " against " + page.getScheme()
						+ "): http and https origins are different origins";
			}
			return "the port differs (" + port(allowed) + " against " + port(page) + ")";
		}
		if (value.equals("null")) {
			return "'null' is the origin of sandboxed frames and local files, not of this page";
		}
		return "it is another origin; the server may allow a fixed origin rather than the request's";
	}

	private static @Nullable URI parse(String value) {
		try {
			return new URI(value);
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

	private static int port(URI uri) {
		return (uri.getPort() != -1) ? uri.getPort() : ("https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80);
	}

	private static boolean variesByOrigin(ServerResponse response) {
		for (String vary : response.headerValues("Vary")) {
			for (String token : vary.split(",")) {
				String name = token.strip();
				if (name.equalsIgnoreCase("Origin") || name.equals("*")) {
					return true;
				}
			}
		}
		return false;
	}

	private void preflightAnswers() {
		for (Exchange preflight : this.result.preflights()) {
			ServerResponse response = preflight.response();
			String maxAge = response.header("Access-Control-Max-Age");
			long seconds = (maxAge != null && maxAge.matches("[0-9]{1,18}")) ? Long.parseLong(maxAge) : 0;
			if (seconds > CHROMIUM_MAX_AGE) {
				add("max-age-capped", Severity.LOW, "Access-Control-Max-Age is " + maxAge
						+ " s, but Chromium keeps a preflight at most " + CHROMIUM_MAX_AGE + " s (2 hours)"
						+ ((seconds > FIREFOX_MAX_AGE) ? " and Firefox at most " + FIREFOX_MAX_AGE + " s (24 hours)"
								: "")
						+ ": browsers send preflights more often than the value says.",
						"Send at most 7200 to say what browsers do (cors-spring-boot-starter: cors.max-age=2h).");
			}
			List<String> allowHeaders = List
				.of(Objects.requireNonNullElse(response.header("Access-Control-Allow-Headers"), "")
					.toLowerCase(Locale.ROOT)
					.split("\\s*,\\s*"));
			String requestHeaders = preflight.request().header("Access-Control-Request-Headers");
			boolean authorization = requestHeaders != null && requestHeaders.contains("authorization");
			if (this.result.isAllowed() && authorization && allowHeaders.contains("*")
					&& !allowHeaders.contains("authorization")) {
				add("authorization-under-wildcard", Severity.MEDIUM, "The preflight allows Authorization only through"
						+ " 'Access-Control-Allow-Headers: *': Chromium lets it through, but the Fetch standard,"
						+ " Firefox and Safari do not, so the request fails there.",
						"List Authorization by name in Access-Control-Allow-Headers (cors-spring-boot-starter:"
								+ " cors.allowed-headers).");
			}
		}
	}

	private void readable() {
		if (this.result.isBlocked() || this.options.read().isEmpty()) {
			return;
		}
		ServerResponse last = this.result.requests().get(this.result.requests().size() - 1).response();
		for (String name : this.options.read()) {
			if (this.result.readableHeader(name).isPresent()) {
				continue;
			}
			if (last.header(name) != null) {
				add("header-not-exposed", Severity.MEDIUM,
						"The response has " + name + ", but the script cannot read"
								+ " it: Access-Control-Expose-Headers is "
								+ quoted(last.header("Access-Control-Expose-Headers")) + ".",
						"Add " + name + " to Access-Control-Expose-Headers (cors-spring-boot-starter:"
								+ " cors.exposed-headers)" + ((this.result.call().credentials() == Credentials.INCLUDE)
										? "; '*' does not cover credentialed requests." : "."));
			}
			else {
				add("header-not-sent", Severity.INFO, "The response has no " + name + " header at all.",
						"Check that the server sends " + name + " on this path.");
			}
		}
	}

	private void warnings() {
		for (String warning : this.result.warnings()) {
			if (warning.startsWith("The browser drops the header")) {
				add("forbidden-header-dropped", Severity.INFO, warning,
						"Remove the header from the script: the browser sets it itself, or never.");
			}
		}
	}

	private List<Exchange> exchanges() {
		List<Exchange> exchanges = new ArrayList<>(this.result.preflights());
		exchanges.addAll(this.result.requests());
		return exchanges;
	}

	private ServerResponse preflight() {
		List<Exchange> preflights = this.result.preflights();
		return preflights.get(preflights.size() - 1).response();
	}

	private ServerResponse response(FetchStep step) {
		if (!step.isAfterRequest()) {
			return preflight();
		}
		List<Exchange> requests = this.result.requests();
		return requests.get(requests.size() - 1).response();
	}

	private static String quoted(@Nullable String value) {
		return (value != null) ? "'" + value + "'" : "missing";
	}

}
