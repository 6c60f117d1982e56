package io.github.corsstarter.test.browser;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * Runs a {@code fetch()} the way Chromium does: the preflight when one is needed, the
 * actual request, redirects, the CORS checks, and what the script may read of the
 * response. Every run starts with an empty preflight cache.
 */
public final class ChromiumFetch {

	/**
	 * A fetch follows at most this many redirects.
	 */
	static final int MAX_REDIRECTS = 20;

	private static final Set<Integer> REDIRECT_STATUSES = Set.of(301, 302, 303, 307, 308);

	private final FetchCall call;

	private final BrowserTransport transport;

	private final CookieJar cookies;

	private final List<Exchange> preflights = new ArrayList<>();

	private final List<Exchange> requests = new ArrayList<>();

	private final List<String> warnings = new ArrayList<>();

	private ChromiumFetch(FetchCall call, BrowserTransport transport, CookieJar cookies) {
		this.call = call;
		this.transport = transport;
		this.cookies = cookies;
		this.warnings.addAll(call.warnings());
	}

	/**
	 * Runs a call over a transport.
	 * @param call the script's call
	 * @param transport what carries the requests
	 * @return what the script gets, and what happened on the way
	 */
	public static FetchResult run(FetchCall call, BrowserTransport transport) {
		return run(call, transport, new CookieJar());
	}

	/**
	 * Runs a call over a transport with the cookies a browser holds: credentialed
	 * requests send those that match, and store what their responses set.
	 * @param call the script's call
	 * @param transport what carries the requests
	 * @param cookies the browser's cookies
	 * @return what the script gets, and what happened on the way
	 */
	public static FetchResult run(FetchCall call, BrowserTransport transport, CookieJar cookies) {
		return new ChromiumFetch(call, transport, cookies).run();
	}

	private FetchResult run() {
		String problem = this.call.problem();
		if (problem != null) {
			return blocked(new CorsError(FetchStep.FETCH_CALL,
					"TypeError: Failed to execute 'fetch' on 'Window': " + problem, Hints.fetchCall(problem)));
		}
		URI url = this.call.url();
		String method = this.call.method();
		List<HttpHeader> headers = this.call.headers();
		byte[] body = this.call.body();
		String origin = this.call.origin();
		boolean cors = false;
		for (int redirects = 0;; redirects++) {
			cors = cors || !Origins.of(url).equals(this.call.origin());
			ConsoleMessages.Where where = new ConsoleMessages.Where(url, this.call.url(), this.call.origin());
			List<String> unsafeNames = FetchRules.namesInCheckOrder(headers);
			if (cors && FetchRules.needsPreflight(method, unsafeNames)) {
				CorsError error = preflight(url, method, unsafeNames, origin, where);
				if (error != null) {
					return blocked(error);
				}
			}
			BrowserRequest request = new BrowserRequest(method, url, actualHeaders(url, method, headers, origin, cors),
					(body != null) ? body : new byte[0]);
			ServerResponse response = this.transport.exchange(request);
			this.requests.add(new Exchange(request, response));
			if (includesCredentials(cors)) {
				this.cookies.store(url, response.headers());
			}
			if (cors) {
				CorsChecks.Failure failure = CorsChecks.corsCheck(response, origin, includesCredentials(cors));
				if (failure != null) {
					FetchStep step = failure.isCredentials() ? FetchStep.ALLOW_CREDENTIALS : FetchStep.ALLOW_ORIGIN;
					return blocked(new CorsError(step, ConsoleMessages.corsCheck(where, failure, false),
							Hints.corsCheck(failure, response, this.call, false)));
				}
			}
			String location = response.header("Location");
			if (!REDIRECT_STATUSES.contains(response.status()) || location == null) {
				return allowed(response, cors);
			}
			if (redirects == MAX_REDIRECTS) {
				return blocked(
						new CorsError(FetchStep.REDIRECT, "TypeError: Failed to fetch (net::ERR_TOO_MANY_REDIRECTS)",
								Hints.redirect("more than " + MAX_REDIRECTS + " redirects")));
			}
			URI next = url.resolve(location.strip());
			if (cors && next.getRawUserInfo() != null) {
				return blocked(new CorsError(FetchStep.REDIRECT, ConsoleMessages.redirectWithCredentials(where),
						Hints.redirect("the location carries a user name and password")));
			}
			if (cors && !Origins.of(next).equals(Origins.of(url)) && !origin.equals(Origins.of(url))) {
				// A redirect to another origin from a cross-origin URL taints the origin.
				origin = "null";
			}
			int status = response.status();
			if (((status == 301 || status == 302) && method.equals("POST"))
					|| (status == 303 && !method.equals("GET") && !method.equals("HEAD"))) {
				method = "GET";
				body = null;
				headers = headers.stream()
					.filter((header) -> !header.name().toLowerCase(Locale.ROOT).startsWith("content-"))
					.toList();
			}
			url = next;
		}
	}

	private boolean includesCredentials(boolean cors) {
		return this.call.credentials() == Credentials.INCLUDE
				|| (this.call.credentials() == Credentials.SAME_ORIGIN && !cors);
	}

	/**
	 * Sends the preflight and checks its answer.
	 * @param unsafeNames the request's unsafe header names, in the order Chromium checks
	 * them ({@link FetchRules#namesInCheckOrder(List)})
	 */
	private @Nullable CorsError preflight(URI url, String method, List<String> unsafeNames, String origin,
			ConsoleMessages.Where where) {
		List<HttpHeader> lines = new ArrayList<>();
		lines.add(new HttpHeader("Accept", "*/*"));
		lines.add(new HttpHeader("Access-Control-Request-Method", method));
		if (!unsafeNames.isEmpty()) {
			lines.add(
					new HttpHeader("Access-Control-Request-Headers", String.join(",", FetchRules.sorted(unsafeNames))));
		}
		lines.add(new HttpHeader("Origin", origin));
		lines.add(new HttpHeader("Sec-Fetch-Mode", "cors"));
		BrowserRequest request = new BrowserRequest("OPTIONS", url, lines, new byte[0]);
		ServerResponse response = this.transport.exchange(request);
		this.preflights.add(new Exchange(request, response));
		boolean credentials = this.call.credentials() == Credentials.INCLUDE;
		if (REDIRECT_STATUSES.contains(response.status()) && response.header("Location") != null) {
			return new CorsError(FetchStep.PREFLIGHT_REDIRECT, ConsoleMessages.preflightRedirect(where),
					Hints.preflightRedirect(response));
		}
		CorsChecks.Failure failure = CorsChecks.corsCheck(response, origin, credentials);
		if (failure != null) {
			FetchStep step = failure.isCredentials() ? FetchStep.PREFLIGHT_ALLOW_CREDENTIALS
					: FetchStep.PREFLIGHT_ALLOW_ORIGIN;
			return new CorsError(step, ConsoleMessages.corsCheck(where, failure, true),
					Hints.corsCheck(failure, response, this.call, true));
		}
		if (response.status() < 200 || response.status() > 299) {
			return new CorsError(FetchStep.PREFLIGHT_STATUS, ConsoleMessages.preflightStatus(where),
					Hints.preflightStatus(response));
		}
		Set<String> methods = CorsChecks.allowList(response.header("Access-Control-Allow-Methods"), false);
		if (methods == null) {
			return new CorsError(FetchStep.PREFLIGHT_ALLOW_METHODS, ConsoleMessages.unparsableAllowMethods(where),
					Hints.unparsableList("Access-Control-Allow-Methods"));
		}
		Set<String> allowedHeaders = CorsChecks.allowList(response.header("Access-Control-Allow-Headers"), true);
		if (allowedHeaders == null) {
			return new CorsError(FetchStep.PREFLIGHT_ALLOW_HEADERS, ConsoleMessages.unparsableAllowHeaders(where),
					Hints.unparsableList("Access-Control-Allow-Headers"));
		}
		if (!CorsChecks.allowsMethod(methods, method, credentials)) {
			return new CorsError(FetchStep.PREFLIGHT_ALLOW_METHODS, ConsoleMessages.methodNotAllowed(where, method),
					Hints.methodNotAllowed(response, this.call));
		}
		String disallowed = CorsChecks.disallowedHeader(allowedHeaders, unsafeNames, credentials);
		if (disallowed != null) {
			return new CorsError(FetchStep.PREFLIGHT_ALLOW_HEADERS, ConsoleMessages.headerNotAllowed(where, disallowed),
					Hints.headerNotAllowed(disallowed));
		}
		if (unsafeNames.contains("authorization") && !allowedHeaders.contains("authorization")) {
			this.warnings.add("Authorization is allowed only by 'Access-Control-Allow-Headers: *': Chromium lets it"
					+ " through, but the Fetch standard (and Firefox and Safari) never let '*' cover Authorization."
					+ " List it by name (cors-spring-boot-starter: cors.allowed-headers).");
		}
		return null;
	}

	private List<HttpHeader> actualHeaders(URI url, String method, List<HttpHeader> headers, String origin,
			boolean cors) {
		List<HttpHeader> lines = new ArrayList<>();
		if (HeaderLines.combined(headers, "Accept") == null) {
			lines.add(new HttpHeader("Accept", "*/*"));
		}
		lines.addAll(headers);
		if (cors || (!method.equals("GET") && !method.equals("HEAD"))) {
			lines.add(new HttpHeader("Origin", origin));
		}
		if (includesCredentials(cors)) {
			StringJoiner cookies = new StringJoiner("; ");
			String given = this.call.cookies();
			String stored = this.cookies.cookieHeader(url, this.call.origin());
			Stream.of(given, stored).filter(Objects::nonNull).forEach(cookies::add);
			if (cookies.length() > 0) {
				lines.add(new HttpHeader("Cookie", cookies.toString()));
			}
		}
		lines.add(new HttpHeader("Sec-Fetch-Mode", "cors"));
		return lines;
	}

	private FetchResult allowed(ServerResponse response, boolean cors) {
		Set<String> exposed = CorsChecks.exposedNames(response.header("Access-Control-Expose-Headers"));
		boolean credentials = this.call.credentials() == Credentials.INCLUDE;
		Map<String, String> readable = new TreeMap<>();
		for (HttpHeader header : response.headers()) {
			// A same-origin response shows every header but Set-Cookie, as a CORS one
			// with
			// 'Access-Control-Expose-Headers: *' does.
			if (CorsChecks.isReadable(header.name(), cors ? exposed : Set.of("*"), cors && credentials)) {
				readable.merge(header.name().toLowerCase(Locale.ROOT), FetchRules.normalizeValue(header.value()),
						(first, second) -> first + ", " + second);
			}
		}
		return new FetchResult(this.call, this.preflights, this.requests, null, response, readable, this.warnings);
	}

	private FetchResult blocked(CorsError error) {
		return new FetchResult(this.call, this.preflights, this.requests, error, null, Map.of(), this.warnings);
	}

}
