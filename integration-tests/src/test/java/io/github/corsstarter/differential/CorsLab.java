package io.github.corsstarter.differential;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.github.corsstarter.test.browser.CorsCase;
import org.jspecify.annotations.Nullable;

/**
 * Two HTTP servers on 127.0.0.1 for cross-origin experiments in a browser: a page server,
 * whose blank page at {@code /} gives the browser the origin
 * {@code http://127.0.0.1:<pagePort>}, and an API server on another port (so another
 * origin of the same site) whose answers are scripted per case.
 * <p>
 * Requests to {@code /c/<caseId>/...} on the API server are answered with the case's
 * preflight reply when their method is {@code OPTIONS}, and with its actual reply
 * otherwise; every one of them is recorded for the case. A {@link CorsCase} scripted with
 * {@link #script(CorsCase)} is answered as its table says instead: {@code OPTIONS} with
 * its preflight, {@link CorsCase#targetPath()} (where its redirects lead) with its
 * redirected answer, {@link CorsCase#path()} with its response, and any other path with a
 * 404. {@code /set-cookie} on the API server sets the cookie {@value #COOKIE} for
 * {@code 127.0.0.1}, which the browser then sends to both ports.
 * <p>
 * Both are JDK servers ({@code jdk.httpserver}). Reply headers go out as one line per
 * {@link Header}, duplicates included and values untouched, but the JDK writes their
 * names with only the first letter upper case ({@code Access-control-allow-origin}), adds
 * {@code Date} and {@code Content-length}, and groups lines of the same name. It reports
 * request header names the same way, grouped by name, in no particular order.
 */
public final class CorsLab implements AutoCloseable {

	/**
	 * The cookie that {@code /set-cookie} sets.
	 */
	public static final String COOKIE = "lab=crumb";

	private static final String CASES = "/c/";

	static {
		// Without it, the JDK server's small writes wait for delayed ACKs (40 ms each).
		System.setProperty("sun.net.httpserver.nodelay", "true");
	}

	private final com.sun.net.httpserver.HttpServer page;

	private final com.sun.net.httpserver.HttpServer api;

	private final ExecutorService executor = Executors.newFixedThreadPool(8);

	private final Map<String, Script> scripts = new ConcurrentHashMap<>();

	private final Map<String, List<Received>> received = new ConcurrentHashMap<>();

	private CorsLab() {
		this.page = create();
		this.api = create();
		this.page.createContext("/", this::servePage);
		this.api.createContext("/", this::serveApi);
		this.page.start();
		this.api.start();
	}

	/**
	 * Starts both servers on ephemeral ports.
	 * @return the running lab
	 */
	public static CorsLab start() {
		return new CorsLab();
	}

	private com.sun.net.httpserver.HttpServer create() {
		try {
			com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer
				.create(new InetSocketAddress("127.0.0.1", 0), 64);
			server.setExecutor(this.executor);
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Scripts the answers of the API server for one case.
	 * @param caseId the case, a single path segment not used before
	 * @param preflight the answer to {@code OPTIONS} requests
	 * @param actual the answer to requests with any other method
	 */
	public void script(String caseId, Reply preflight, Reply actual) {
		if (caseId.isEmpty() || caseId.contains("/")) {
			throw new IllegalArgumentException("Not a path segment: '" + caseId + "'");
		}
		this.scripts.put(caseId, new Script(preflight, actual, null));
	}

	/**
	 * Scripts the answers of the API server for a case of a table, its {@code {origin}}
	 * placeholders replaced by the {@linkplain #pageOrigin() page's origin}.
	 * @param scripted the case, whose name is not used before
	 */
	public void script(CorsCase scripted) {
		String origin = pageOrigin();
		this.scripts.put(scripted.name(), new Script(reply(scripted.preflight().forOrigin(origin)),
				reply(scripted.response().forOrigin(origin)),
				new Paths(scripted.path(), scripted.targetPath(), reply(scripted.redirected().forOrigin(origin)))));
	}

	private static Reply reply(CorsCase.Reply reply) {
		return new Reply(reply.status(),
				reply.headers().stream().map((header) -> new Header(header.name(), header.value())).toList(),
				reply.body());
	}

	/**
	 * Forgets the requests received for a case so far, so that another client can run it
	 * again and have its own record.
	 * @param caseId the case
	 */
	public void forget(String caseId) {
		this.received.remove(caseId);
	}

	/**
	 * Returns the requests the API server received for a case so far, in order.
	 * @param caseId the case
	 * @return the requests
	 */
	public List<Received> received(String caseId) {
		return List.copyOf(this.received.getOrDefault(caseId, List.of()));
	}

	/**
	 * Returns the origin of the API server.
	 * @return {@code http://127.0.0.1:<apiPort>}
	 */
	public String apiOrigin() {
		return "http://127.0.0.1:" + this.api.getAddress().getPort();
	}

	/**
	 * Returns the origin of the page server, which is the browser's origin on its page.
	 * @return {@code http://127.0.0.1:<pagePort>}
	 */
	public String pageOrigin() {
		return "http://127.0.0.1:" + this.page.getAddress().getPort();
	}

	/**
	 * Returns the address of the blank page.
	 * @return the page's address
	 */
	public URI pageUrl() {
		return URI.create(pageOrigin() + "/");
	}

	/**
	 * Returns the address on the API server that sets {@link #COOKIE}.
	 * @return the address
	 */
	public URI setCookieUrl() {
		return URI.create(apiOrigin() + "/set-cookie");
	}

	/**
	 * Returns an address of a case on the API server.
	 * @param caseId the case
	 * @param rest the rest of the path, and a query if wanted ({@code "x?y=1"}), or empty
	 * @return {@code http://127.0.0.1:<apiPort>/c/<caseId>/<rest>}
	 */
	public URI url(String caseId, String rest) {
		return URI.create(apiOrigin() + path(caseId, rest));
	}

	/**
	 * Returns the path of an address of a case, as a {@code Location} header would give
	 * it.
	 * @param caseId the case
	 * @param rest the rest of the path
	 * @return {@code /c/<caseId>/<rest>}
	 */
	public static String path(String caseId, String rest) {
		return CASES + caseId + "/" + rest;
	}

	private void servePage(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
		try (exchange) {
			drain(exchange.getRequestBody());
			byte[] body = "<!DOCTYPE html><html><head><title>lab</title></head><body></body></html>"
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
			exchange.getResponseHeaders().add("Cache-Control", "no-store");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
		}
	}

	private void serveApi(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
		try (exchange) {
			String body = new String(drain(exchange.getRequestBody()), StandardCharsets.UTF_8);
			String path = exchange.getRequestURI().getRawPath();
			if (path.equals("/set-cookie")) {
				send(exchange,
						new Reply(200, List.of(new Header("Set-Cookie", COOKIE + "; Path=/"),
								new Header("Content-Type", "text/plain"), new Header("Cache-Control", "no-store")),
								"set"));
				return;
			}
			String caseId = caseId(path);
			if (caseId == null) {
				send(exchange, new Reply(404, List.of(), ""));
				return;
			}
			this.received.computeIfAbsent(caseId, (id) -> new CopyOnWriteArrayList<>())
				.add(new Received(exchange.getRequestMethod(), requestTarget(exchange), headers(exchange), body));
			Script script = this.scripts.get(caseId);
			if (script == null) {
				send(exchange, new Reply(404, List.of(), ""));
				return;
			}
			send(exchange, script.answer(exchange.getRequestMethod(), path));
		}
	}

	private static @Nullable String caseId(String path) {
		if (!path.startsWith(CASES)) {
			return null;
		}
		int end = path.indexOf('/', CASES.length());
		return path.substring(CASES.length(), (end != -1) ? end : path.length());
	}

	private static String requestTarget(com.sun.net.httpserver.HttpExchange exchange) {
		URI uri = exchange.getRequestURI();
		return (uri.getRawQuery() != null) ? uri.getRawPath() + "?" + uri.getRawQuery() : uri.getRawPath();
	}

	private static List<Header> headers(com.sun.net.httpserver.HttpExchange exchange) {
		List<Header> headers = new ArrayList<>();
		exchange.getRequestHeaders()
			.forEach((name, values) -> values.forEach((value) -> headers.add(new Header(name, value))));
		return headers;
	}

	private static void send(com.sun.net.httpserver.HttpExchange exchange, Reply reply) throws IOException {
		reply.headers().forEach((header) -> exchange.getResponseHeaders().add(header.name(), header.value()));
		byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
		boolean bodyless = reply.status() == 204 || reply.status() == 304
				|| (reply.status() >= 100 && reply.status() < 200) || "HEAD".equals(exchange.getRequestMethod());
		if (bodyless || body.length == 0) {
			exchange.sendResponseHeaders(reply.status(), -1);
			return;
		}
		exchange.sendResponseHeaders(reply.status(), body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private static byte[] drain(InputStream in) throws IOException {
		try (in) {
			return in.readAllBytes();
		}
	}

	@Override
	public void close() {
		this.page.stop(0);
		this.api.stop(0);
		this.executor.shutdownNow();
		try {
			this.executor.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private record Script(Reply preflight, Reply actual, @Nullable Paths paths) {

		Reply answer(String method, String path) {
			if ("OPTIONS".equals(method)) {
				return this.preflight;
			}
			if (this.paths == null || path.equals(this.paths.path())) {
				return this.actual;
			}
			return path.equals(this.paths.target()) ? this.paths.redirected() : Reply.of(404);
		}

	}

	/**
	 * The paths of a case of a table: its request's, and its redirect target's with the
	 * answer there.
	 */
	private record Paths(String path, String target, Reply redirected) {
	}

	/**
	 * A header line.
	 *
	 * @param name the header's name
	 * @param value the header's value, as sent or received
	 */
	public record Header(String name, String value) {

		/**
		 * Returns a header line.
		 * @param name the header's name
		 * @param value the header's value
		 * @return the header line
		 */
		public static Header of(String name, String value) {
			return new Header(name, value);
		}

	}

	/**
	 * A scripted answer of the API server.
	 *
	 * @param status the status code
	 * @param headers the header lines, in order, duplicates included
	 * @param body the body, empty for none
	 */
	public record Reply(int status, List<Header> headers, String body) {

		/**
		 * Creates a reply.
		 * @param status the status code
		 * @param headers the header lines, in order, duplicates included
		 * @param body the body, empty for none
		 */
		public Reply {
			headers = List.copyOf(headers);
		}

		/**
		 * Returns a reply without a body.
		 * @param status the status code
		 * @param headers the header lines, in order, duplicates included
		 * @return the reply
		 */
		public static Reply of(int status, Header... headers) {
			return new Reply(status, Arrays.asList(headers), "");
		}

		/**
		 * Returns a reply with a body.
		 * @param status the status code
		 * @param body the body
		 * @param headers the header lines, in order, duplicates included
		 * @return the reply
		 */
		public static Reply withBody(int status, String body, Header... headers) {
			return new Reply(status, Arrays.asList(headers), body);
		}

	}

	/**
	 * A request that the API server received.
	 *
	 * @param method the method
	 * @param path the path, and the query if there was one
	 * @param headers the header lines, names as the JDK reports them (first letter upper
	 * case, the rest lower case), grouped by name
	 * @param body the body, empty for none
	 */
	public record Received(String method, String path, List<Header> headers, String body) {

		/**
		 * Returns the values of a header, in the order received.
		 * @param name the header's name, in any case
		 * @return the values, empty if there were none
		 */
		public List<String> values(String name) {
			return this.headers.stream()
				.filter((header) -> header.name().equalsIgnoreCase(name))
				.map(Header::value)
				.toList();
		}

		/**
		 * Returns the value of a header, its first if there were several.
		 * @param name the header's name, in any case
		 * @return the value, or {@code null} if there was none
		 */
		public @Nullable String value(String name) {
			List<String> values = values(name);
			return values.isEmpty() ? null : values.get(0);
		}

	}

}
