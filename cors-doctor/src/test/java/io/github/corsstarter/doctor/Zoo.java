package io.github.corsstarter.doctor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * A zoo of small CORS servers, each making one of the mistakes the doctor finds, or none:
 * one JDK server ({@code jdk.httpserver}) on 127.0.0.1 whose first path segment picks the
 * server ({@code /duplicate-allow-origin/...}) and whose second names the
 * {@linkplain Entry entry} (so that every entry has addresses of its own, which no
 * browser cache answers for). Every server trusts one page origin, given at start: a name
 * of the doctor's tests, or the origin of the Chromium lab's page.
 * <p>
 * The servers are written as people write them, without this starter: an exact check with
 * credentials as Express's {@code cors} package does it, a public {@code *} API, a proxy
 * that adds a second {@code Access-Control-Allow-Origin}, and origin checks that reflect
 * anything, allow {@code null}, or compare only one end of the string.
 * <p>
 * The JDK server writes header names with only the first letter upper case
 * ({@code Access-control-allow-origin}), which browsers and the doctor read the same way.
 */
public final class Zoo implements AutoCloseable {

	/**
	 * The origin the doctor's own tests give the servers: https, so that the scan also
	 * probes its http twin.
	 */
	public static final String APP_ORIGIN = "https://app.example.com";

	static {
		// Without it, the JDK server's small writes wait for delayed ACKs (40 ms each).
		System.setProperty("sun.net.httpserver.nodelay", "true");
	}

	private final String trusted;

	private final com.sun.net.httpserver.HttpServer server;

	private final ExecutorService executor = Executors.newFixedThreadPool(4);

	private final Map<String, Server> servers = new LinkedHashMap<>();

	private final Map<String, List<String>> received = new ConcurrentHashMap<>();

	private Zoo(String trusted) {
		this.trusted = trusted;
		try {
			this.server = com.sun.net.httpserver.HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::serve);
		defineServers();
		this.server.start();
	}

	/**
	 * Starts the zoo on an ephemeral port.
	 * @param trusted the page origin every server trusts, such as
	 * {@code https://app.example.com}
	 * @return the running zoo
	 */
	public static Zoo start(String trusted) {
		return new Zoo(trusted);
	}

	/**
	 * Returns the page origin the servers trust.
	 * @return the origin
	 */
	public String trusted() {
		return this.trusted;
	}

	/**
	 * Returns the address of an entry: its server's, under a path of its own.
	 * @param entry the entry
	 * @return {@code http://127.0.0.1:<port>/<server>/<entry>}
	 */
	public URI url(Entry entry) {
		return URI.create(origin() + "/" + entry.server() + "/" + entry.name());
	}

	/**
	 * Returns the methods of the requests received at an entry's address so far, in
	 * order.
	 * @param entry the entry
	 * @return the methods, such as {@code [OPTIONS, PUT]}
	 */
	public List<String> received(Entry entry) {
		return List.copyOf(this.received.getOrDefault(entry.name(), List.of()));
	}

	/**
	 * Forgets the requests received at an entry's address, so that another client can run
	 * it again and have its own record.
	 * @param entry the entry
	 */
	public void forget(Entry entry) {
		this.received.remove(entry.name());
	}

	/**
	 * Returns the doctor's command line for an entry: its origin, its options and its
	 * address.
	 * @param entry the entry
	 * @param more further options, such as {@code --json}
	 * @return the arguments
	 */
	public String[] args(Entry entry, String... more) {
		List<String> args = new ArrayList<>();
		args.add("--origin");
		args.add((entry.origin() != null) ? entry.origin() : this.trusted);
		if (!entry.method().equals("GET")) {
			args.add("--method");
			args.add(entry.method());
		}
		entry.headers().forEach((header) -> {
			args.add("--header");
			args.add(header);
		});
		if (entry.credentials()) {
			args.add("--credentials");
		}
		entry.read().forEach((name) -> {
			args.add("--read");
			args.add(name);
		});
		if (entry.body() != null) {
			args.add("--body");
			args.add(entry.body());
		}
		if (entry.scan()) {
			args.add("--scan");
		}
		args.addAll(Arrays.asList(more));
		args.add(url(entry).toString());
		return args.toArray(String[]::new);
	}

	private String origin() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/**
	 * Every entry: a server, a request to it, and what the doctor must say.
	 * @return the entries
	 */
	public static List<Entry> entries() {
		return List.of(
				// Correct servers.
				entry("express-get", "express").withCredentials().reading("X-Request-Id").expectAllowed(),
				entry("express-put-json", "express").using("PUT")
					.withHeader("Content-Type: application/json")
					.withHeader("Authorization: Bearer token")
					.withCredentials()
					.withBody("{\"name\":\"pen\"}")
					.expectAllowed(),
				entry("express-scan", "express").withCredentials().scanning().expectAllowed(),
				entry("express-other-origin", "express").from("https://elsewhere.example")
					.expectBlocked("missing-allow-origin", "request-ran-but-blocked"),
				entry("public-get", "public").expectAllowed(),
				entry("public-scan", "public").scanning().expectAllowed(),
				entry("header-not-sent", "public").reading("X-Total-Count").expectAllowed("header-not-sent"),
				entry("forbidden-header-dropped", "public").withHeader("Cookie: session=1")
					.expectAllowed("forbidden-header-dropped"),
				entry("invalid-request", "public").withBody("x").expectBlocked("invalid-request"),
				// One mistake each.
				entry("duplicate-allow-origin", "duplicate-allow-origin").expectBlocked("duplicate-allow-origin",
						"request-ran-but-blocked"),
				entry("origin-mismatch", "trailing-slash").expectBlocked("origin-mismatch", "request-ran-but-blocked"),
				entry("wildcard-with-credentials", "wildcard-with-credentials").withCredentials()
					.expectBlocked("wildcard-with-credentials", "request-ran-but-blocked"),
				entry("wildcard-with-credentials-uncredentialed", "wildcard-with-credentials")
					.expectAllowed("wildcard-with-credentials"),
				entry("wildcard-with-credentials-scan", "wildcard-with-credentials").scanning()
					.expectAllowed("wildcard-with-credentials"),
				entry("preflight-unauthenticated", "preflight-unauthenticated").using("DELETE")
					.withCredentials()
					.expectBlocked("preflight-not-ok"),
				entry("preflight-not-found", "preflight-not-found").using("PUT").expectBlocked("preflight-not-ok"),
				entry("preflight-redirect", "preflight-redirect").using("PUT").expectBlocked("preflight-not-ok"),
				entry("method-not-allowed", "methods-get-post").using("DELETE").expectBlocked("method-not-allowed"),
				entry("header-not-allowed", "headers-content-type").withHeader("X-Api-Key: 1")
					.expectBlocked("header-not-allowed"),
				entry("authorization-under-wildcard", "headers-wildcard").withHeader("Authorization: Bearer token")
					.expectAllowed("authorization-under-wildcard"),
				entry("missing-vary-origin", "no-vary").expectAllowed("missing-vary-origin"),
				entry("max-age-capped", "max-age-day").using("PUT").expectAllowed("max-age-capped"),
				entry("header-not-exposed", "unexposed").reading("X-Request-Id").expectAllowed("header-not-exposed"),
				entry("missing-allow-origin", "no-cors").expectBlocked("missing-allow-origin",
						"request-ran-but-blocked"),
				entry("request-ran-but-blocked", "no-cors").using("POST")
					.withBody("name=pen")
					.expectBlocked("missing-allow-origin", "request-ran-but-blocked"),
				entry("credentials-not-allowed", "no-allow-credentials").withCredentials()
					.expectBlocked("credentials-not-allowed", "request-ran-but-blocked"),
				entry("redirect-refused", "redirect-with-userinfo").expectBlocked("redirect-refused"),
				// Origin checks, found by --scan only.
				entry("reflects-any-origin", "reflects-any-origin").withCredentials()
					.scanning()
					.expectAllowed("reflects-any-origin", "null-origin-allowed", "suffix-match", "prefix-match",
							"insecure-origin-trusted"),
				entry("null-origin-allowed", "null-allowed").scanning().expectAllowed("null-origin-allowed"),
				entry("suffix-match", "starts-with").scanning().expectAllowed("suffix-match"),
				entry("prefix-match", "ends-with").scanning().expectAllowed("prefix-match"),
				entry("insecure-origin-trusted", "http-twin").scanning().expectAllowed("insecure-origin-trusted"));
	}

	private static Entry entry(String name, String server) {
		return new Entry(name, server, null, "GET", List.of(), false, List.of(), null, false, CorsDoctor.ALLOWED,
				Set.of());
	}

	private void defineServers() {
		String trusted = this.trusted;
		URI page = URI.create(trusted);
		// Express's cors({ origin: 'https://app.example.com', credentials: true,
		// exposedHeaders: ['X-Request-Id'], maxAge: 600 }).
		this.servers.put("express", (method, origin, path) -> {
			boolean allowed = trusted.equals(origin);
			if (method.equals("OPTIONS")) {
				return allowed
						? reply(204, "Access-Control-Allow-Origin", trusted, "Vary", "Origin",
								"Access-Control-Allow-Credentials", "true", "Access-Control-Allow-Methods",
								"GET,HEAD,PUT,PATCH,POST,DELETE", "Access-Control-Allow-Headers",
								"Content-Type,Authorization", "Access-Control-Max-Age", "600")
						: reply(204, "Vary", "Origin");
			}
			return allowed
					? json("Access-Control-Allow-Origin", trusted, "Vary", "Origin", "Access-Control-Allow-Credentials",
							"true", "Access-Control-Expose-Headers", "X-Request-Id", "X-Request-Id", "42")
					: json("Vary", "Origin");
		});
		// A public API: '*' for everyone, without credentials.
		this.servers.put("public",
				(method, origin, path) -> method.equals("OPTIONS")
						? reply(204, "Access-Control-Allow-Origin", "*", "Access-Control-Allow-Methods", "GET, POST",
								"Access-Control-Allow-Headers", "Content-Type")
						: json("Access-Control-Allow-Origin", "*"));
		// A proxy adds its own Access-Control-Allow-Origin to the application's.
		this.servers.put("duplicate-allow-origin", exact(trusted, "Access-Control-Allow-Origin", trusted));
		// The origin configured with a trailing slash, sent as configured.
		this.servers.put("trailing-slash",
				(method, origin, path) -> json("Access-Control-Allow-Origin", trusted + "/", "Vary", "Origin"));
		// '*' and credentials together.
		this.servers.put("wildcard-with-credentials", (method, origin, path) -> json("Access-Control-Allow-Origin", "*",
				"Access-Control-Allow-Credentials", "true"));
		// Authentication runs before CORS and refuses the preflight, which has no
		// credentials.
		this.servers.put("preflight-unauthenticated",
				(method, origin, path) -> method.equals("OPTIONS") ? reply(401, "WWW-Authenticate", "Bearer")
						: json("Access-Control-Allow-Origin", trusted, "Vary", "Origin",
								"Access-Control-Allow-Credentials", "true"));
		// CORS headers on every response, but no route for OPTIONS.
		this.servers.put("preflight-not-found",
				(method, origin, path) -> method.equals("OPTIONS")
						? reply(404, "Access-Control-Allow-Origin", trusted, "Vary", "Origin")
						: json("Access-Control-Allow-Origin", trusted, "Vary", "Origin"));
		// OPTIONS sent to the login page.
		this.servers.put("preflight-redirect", (method, origin, path) -> method.equals("OPTIONS")
				? reply(302, "Location", "/login") : json("Access-Control-Allow-Origin", trusted, "Vary", "Origin"));
		this.servers.put("methods-get-post", exact(trusted, "Access-Control-Allow-Methods", "GET, POST",
				"Access-Control-Allow-Headers", "Content-Type"));
		this.servers.put("headers-content-type", exact(trusted, "Access-Control-Allow-Methods", "GET, POST, PUT",
				"Access-Control-Allow-Headers", "Content-Type"));
		this.servers.put("headers-wildcard",
				exact(trusted, "Access-Control-Allow-Methods", "GET, POST", "Access-Control-Allow-Headers", "*"));
		// The origin echoed, but caches not told that the answer depends on it.
		this.servers.put("no-vary", (method, origin, path) -> trusted.equals(origin)
				? json("Access-Control-Allow-Origin", trusted) : json());
		this.servers.put("max-age-day",
				exact(trusted, "Access-Control-Allow-Methods", "GET, PUT", "Access-Control-Max-Age", "86400"));
		// A header the script wants, not exposed.
		this.servers.put("unexposed", exact(trusted, "X-Request-Id", "42"));
		// No CORS at all.
		this.servers.put("no-cors", (method, origin, path) -> json());
		// The exact origin, but no Access-Control-Allow-Credentials for credentialed
		// requests.
		this.servers.put("no-allow-credentials", exact(trusted));
		// A redirect whose location carries a user name and password.
		this.servers.put("redirect-with-userinfo",
				(method, origin, path) -> reply(302, "Location",
						"http://user:secret@127.0.0.1:" + this.server.getAddress().getPort() + "/public/target",
						"Access-Control-Allow-Origin", trusted, "Vary", "Origin"));
		// Origin checks.
		this.servers.put("reflects-any-origin", reflect((origin) -> true));
		this.servers.put("null-allowed", reflect((origin) -> trusted.equals(origin) || "null".equals(origin)));
		// origin.startsWith(allowed), or a regular expression without '$'.
		this.servers.put("starts-with", reflect((origin) -> origin.startsWith(trusted)));
		// The right scheme, and a host that ends with the allowed one: a regular
		// expression without '^' or the dot.
		this.servers.put("ends-with", reflect(
				(origin) -> origin.startsWith(page.getScheme() + "://") && origin.endsWith(page.getRawAuthority())));
		// The https origin and its http twin.
		this.servers.put("http-twin",
				reflect((origin) -> trusted.equals(origin) || origin.equals("http://" + page.getRawAuthority())));
	}

	/**
	 * A server that allows exactly the trusted origin, with {@code Vary: Origin}, and
	 * answers preflights with 204.
	 */
	private static Server exact(String trusted, String... more) {
		return (method, origin, path) -> {
			if (!trusted.equals(origin)) {
				return method.equals("OPTIONS") ? reply(204, "Vary", "Origin") : json("Vary", "Origin");
			}
			List<String> headers = new ArrayList<>(List.of("Access-Control-Allow-Origin", trusted, "Vary", "Origin"));
			headers.addAll(Arrays.asList(more));
			String[] lines = headers.toArray(String[]::new);
			return method.equals("OPTIONS") ? reply(204, lines) : json(lines);
		};
	}

	/**
	 * A server that echoes the origins its check accepts, with credentials.
	 */
	private static Server reflect(java.util.function.Predicate<String> check) {
		return (method, origin, path) -> {
			if (origin == null || !check.test(origin)) {
				return method.equals("OPTIONS") ? reply(204, "Vary", "Origin") : json("Vary", "Origin");
			}
			String[] lines = { "Access-Control-Allow-Origin", origin, "Vary", "Origin",
					"Access-Control-Allow-Credentials", "true", "Access-Control-Allow-Methods", "GET, POST, PUT" };
			return method.equals("OPTIONS") ? reply(204, lines) : json(lines);
		};
	}

	private static Reply reply(int status, String... namesAndValues) {
		return new Reply(status, List.of(namesAndValues), "");
	}

	private static Reply json(String... namesAndValues) {
		List<String> lines = new ArrayList<>(List.of("Content-Type", "application/json"));
		lines.addAll(Arrays.asList(namesAndValues));
		return new Reply(200, lines, "{\"items\":[]}");
	}

	private void serve(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
		try (exchange) {
			drain(exchange.getRequestBody());
			String[] segments = exchange.getRequestURI().getRawPath().split("/");
			Server server = (segments.length > 1) ? this.servers.get(segments[1]) : null;
			if (segments.length > 2) {
				this.received.computeIfAbsent(segments[2], (name) -> new CopyOnWriteArrayList<>())
					.add(exchange.getRequestMethod());
			}
			Reply reply = (server != null) ? server.answer(exchange.getRequestMethod(),
					exchange.getRequestHeaders().getFirst("Origin"), exchange.getRequestURI().getRawPath())
					: reply(404);
			send(exchange, reply);
		}
	}

	private static void send(com.sun.net.httpserver.HttpExchange exchange, Reply reply) throws IOException {
		List<String> lines = reply.headers();
		for (int i = 0; i < lines.size(); i += 2) {
			exchange.getResponseHeaders().add(lines.get(i), lines.get(i + 1));
		}
		exchange.getResponseHeaders().add("Cache-Control", "no-store");
		byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
		boolean bodyless = reply.status() == 204 || reply.status() == 304 || "HEAD".equals(exchange.getRequestMethod());
		if (bodyless || body.length == 0) {
			exchange.sendResponseHeaders(reply.status(), -1);
			return;
		}
		exchange.sendResponseHeaders(reply.status(), body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private static void drain(InputStream in) throws IOException {
		try (in) {
			in.readAllBytes();
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
		try {
			this.executor.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * One server of the zoo.
	 */
	@FunctionalInterface
	private interface Server {

		Reply answer(String method, @Nullable String origin, String path);

	}

	/**
	 * An answer: status, header lines as names and values in turn, body.
	 */
	private record Reply(int status, List<String> headers, String body) {
	}

	/**
	 * One entry of the zoo: a server, a request to it, and what the doctor must say.
	 *
	 * @param name the entry's name, also its address's last segment
	 * @param server the server's name, its address's first segment
	 * @param origin the page's origin, or {@code null} for the one the servers trust
	 * @param method the method
	 * @param headers the script's headers, {@code Name: value}
	 * @param credentials whether the fetch includes credentials
	 * @param read the response headers the script reads
	 * @param body the body, or {@code null}
	 * @param scan whether the doctor also probes the server's origin check
	 * @param exit the doctor's exit status
	 * @param ids the ids of the doctor's findings, exactly
	 */
	public record Entry(String name, String server, @Nullable String origin, String method, List<String> headers,
			boolean credentials, List<String> read, @Nullable String body, boolean scan, int exit, Set<String> ids) {

		/**
		 * Whether a page at the trusted origin can make the same request in a browser:
		 * not for the scan's probes, which come from other origins.
		 * @return whether a browser can reproduce the entry
		 */
		public boolean browser() {
			return !this.scan && this.origin == null;
		}

		/**
		 * Whether the doctor must say that the browser allows the request.
		 * @return whether the entry is allowed
		 */
		public boolean allowed() {
			return this.exit == CorsDoctor.ALLOWED;
		}

		Entry from(String origin) {
			return new Entry(this.name, this.server, origin, this.method, this.headers, this.credentials, this.read,
					this.body, this.scan, this.exit, this.ids);
		}

		Entry using(String method) {
			return new Entry(this.name, this.server, this.origin, method, this.headers, this.credentials, this.read,
					this.body, this.scan, this.exit, this.ids);
		}

		Entry withHeader(String header) {
			List<String> headers = new ArrayList<>(this.headers);
			headers.add(header);
			return new Entry(this.name, this.server, this.origin, this.method, List.copyOf(headers), this.credentials,
					this.read, this.body, this.scan, this.exit, this.ids);
		}

		Entry withCredentials() {
			return new Entry(this.name, this.server, this.origin, this.method, this.headers, true, this.read, this.body,
					this.scan, this.exit, this.ids);
		}

		Entry reading(String name) {
			List<String> read = new ArrayList<>(this.read);
			read.add(name);
			return new Entry(this.name, this.server, this.origin, this.method, this.headers, this.credentials,
					List.copyOf(read), this.body, this.scan, this.exit, this.ids);
		}

		Entry withBody(String body) {
			return new Entry(this.name, this.server, this.origin, this.method, this.headers, this.credentials,
					this.read, body, this.scan, this.exit, this.ids);
		}

		Entry scanning() {
			return new Entry(this.name, this.server, this.origin, this.method, this.headers, this.credentials,
					this.read, this.body, true, this.exit, this.ids);
		}

		Entry expectAllowed(String... ids) {
			return expect(CorsDoctor.ALLOWED, ids);
		}

		Entry expectBlocked(String... ids) {
			return expect(CorsDoctor.BLOCKED, ids);
		}

		private Entry expect(int exit, String... ids) {
			return new Entry(this.name, this.server, this.origin, this.method, this.headers, this.credentials,
					this.read, this.body, this.scan, exit, Set.copyOf(new LinkedHashSet<>(Arrays.asList(ids))));
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

}
