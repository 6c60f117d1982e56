package io.github.corsstarter.differential;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;

import io.github.corsstarter.test.browser.CorsCase;
import io.github.corsstarter.test.browser.Credentials;
import io.github.corsstarter.test.browser.FetchCall;
import io.github.corsstarter.test.browser.HttpHeader;
import io.github.corsstarter.test.browser.ScriptedServer;

/**
 * Draws {@link CorsCase}s at random, from a seed: a {@code fetch()} whose method, headers
 * and credentials mode range from simple to unsafe, and a server whose CORS headers range
 * from right to subtly wrong. The cases have no expected outcome; what Chromium does with
 * them is the expectation. Each one prints as a line of {@code chromium-cases.txt}
 * ({@link CorsCase#toLine()}).
 */
final class CorsCaseGenerator {

	private static final String[] METHODS = { "GET", "GET", "HEAD", "POST", "POST", "PUT", "DELETE", "PATCH", "patch",
			"put", "Fetch-Lab" };

	private static final String[] CONTENT_TYPES = { "text/plain", "text/plain;charset=utf-8",
			"multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/json",
			"text/plain; x=\"(\"", "TEXT/PLAIN" };

	private final Random random;

	private final String prefix;

	private int count;

	/**
	 * Creates a generator.
	 * @param seed the seed: the same seed draws the same cases
	 */
	CorsCaseGenerator(long seed) {
		this.random = new Random(seed);
		this.prefix = "gen-" + Long.toHexString(seed) + "-";
	}

	/**
	 * Draws cases.
	 * @param count how many
	 * @return the cases, named {@code gen-<seed in hex>-<index>}
	 */
	List<CorsCase> cases(int count) {
		List<CorsCase> cases = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			cases.add(next());
		}
		return cases;
	}

	private CorsCase next() {
		String name = this.prefix + this.count++;
		String method = pick(METHODS);
		Credentials credentials = pick(Credentials.values());
		List<HttpHeader> headers = new ArrayList<>();
		int headerCount = this.random.nextInt(4);
		for (int i = 0; i < headerCount; i++) {
			headers.add(requestHeader());
		}
		boolean bodyless = method.equalsIgnoreCase("GET") || method.equalsIgnoreCase("HEAD");
		// Now and then a body on GET or HEAD, which fetch() refuses.
		String body = (bodyless ? chance(4) : chance(50)) ? "x" : null;
		FetchCall.Builder builder = FetchCall
			.builder(ScriptedServer.PAGE, method, URI.create(ScriptedServer.API + "/c/" + name + "/x"))
			.credentials(credentials)
			.body(body);
		headers.forEach((header) -> builder.header(header.name(), header.value()));
		FetchCall call = builder.build();
		CorsCase.Reply preflight = preflight(call);
		CorsCase.Reply response = response();
		return new CorsCase(name, method, credentials, headers, body, preflight, response, CorsCase.NOT_FOUND, null);
	}

	private HttpHeader requestHeader() {
		return switch (this.random.nextInt(11)) {
			case 0, 1 -> new HttpHeader("Content-Type", pick(CONTENT_TYPES));
			case 2 -> new HttpHeader("Accept", pick("application/json", "text/(html", "*/*"));
			case 3 -> new HttpHeader("Accept", "a".repeat(120 + this.random.nextInt(11)));
			case 4 -> new HttpHeader("Accept-Language", pick("en-US", "de-DE, en;q=0.5", "en_US"));
			case 5 -> new HttpHeader("Content-Language", "c".repeat(124 + this.random.nextInt(7)));
			case 6 -> new HttpHeader("Range", pick("bytes=0-1", "bytes=5-", "bytes=-5", "bytes=1-0"));
			case 7, 8 -> new HttpHeader(pick("X-Custom", "x-custom", "X-Other"), pick("1", "a b"));
			default -> new HttpHeader("Authorization", "Bearer t");
		};
	}

	private CorsCase.Reply preflight(FetchCall call) {
		List<HttpHeader> headers = new ArrayList<>();
		int status = pickStatus(204, 204, 204, 204, 200, 200, 301, 401, 403, 500);
		if (status == 301) {
			headers.add(new HttpHeader("Location", "target"));
		}
		allowOrigin(headers::add);
		allowCredentials(headers::add, call.credentials());
		String method = call.method();
		switch (this.random.nextInt(6)) {
			case 0 -> {
			}
			case 1 -> headers.add(new HttpHeader("Access-Control-Allow-Methods", "*"));
			case 2 -> headers.add(new HttpHeader("Access-Control-Allow-Methods", "GET, " + method));
			case 3 -> headers.add(new HttpHeader("Access-Control-Allow-Methods", method));
			case 4 -> headers.add(new HttpHeader("Access-Control-Allow-Methods", "GET, POST"));
			default -> headers.add(new HttpHeader("Access-Control-Allow-Methods", otherCase(method)));
		}
		List<String> names = call.unsafeNames();
		switch (this.random.nextInt(6)) {
			case 0 -> {
			}
			case 1 -> headers.add(new HttpHeader("Access-Control-Allow-Headers", "*"));
			case 2 -> headers.add(new HttpHeader("Access-Control-Allow-Headers", String.join(", ", names)));
			case 3 -> headers
				.add(new HttpHeader("Access-Control-Allow-Headers", String.join(", ", names).toUpperCase(Locale.ROOT)));
			case 4 -> headers.add(new HttpHeader("Access-Control-Allow-Headers",
					String.join(", ", names.subList(0, names.size() / 2))));
			default -> headers.add(new HttpHeader("Access-Control-Allow-Headers", "x-unrelated, *"));
		}
		return new CorsCase.Reply(status, headers, "");
	}

	private CorsCase.Reply response() {
		List<HttpHeader> headers = new ArrayList<>();
		allowOrigin(headers::add);
		allowCredentials(headers::add, Credentials.INCLUDE);
		switch (this.random.nextInt(4)) {
			case 0 -> {
			}
			case 1 -> headers.add(new HttpHeader("Access-Control-Expose-Headers", "X-Total-Count, x-other"));
			case 2 -> headers.add(new HttpHeader("Access-Control-Expose-Headers", "*"));
			default -> headers.add(new HttpHeader("Access-Control-Expose-Headers", "x-total-count"));
		}
		headers.add(new HttpHeader("Content-Type", "text/plain"));
		headers.add(new HttpHeader("X-Total-Count", "3"));
		headers.add(new HttpHeader("X-Other", "o"));
		if (chance(30)) {
			headers.add(new HttpHeader("Cache-Control", "no-store"));
		}
		return new CorsCase.Reply(pickStatus(200, 200, 200, 404, 500), headers, "ok");
	}

	private void allowOrigin(Consumer<HttpHeader> headers) {
		String name = "Access-Control-Allow-Origin";
		switch (this.random.nextInt(20)) {
			case 0 -> {
			}
			case 1, 2 -> headers.accept(new HttpHeader(name, "*"));
			case 3 -> headers.accept(new HttpHeader(name, "{ORIGIN}"));
			case 4 -> headers.accept(new HttpHeader(name, "{origin}/"));
			case 5 -> headers.accept(new HttpHeader(name, "null"));
			case 6 -> headers.accept(new HttpHeader(name, "{origin}, {origin}"));
			case 7 -> {
				headers.accept(new HttpHeader(name, "{origin}"));
				headers.accept(new HttpHeader(name, "{origin}"));
			}
			default -> headers.accept(new HttpHeader(name, "{origin}"));
		}
	}

	private void allowCredentials(Consumer<HttpHeader> headers, Credentials credentials) {
		String name = "Access-Control-Allow-Credentials";
		// Mostly right for credentialed requests, so that more of them get past this
		// check.
		int draw = this.random.nextInt((credentials == Credentials.INCLUDE) ? 8 : 5);
		switch (draw) {
			case 0 -> {
			}
			case 1 -> headers.accept(new HttpHeader(name, "TRUE"));
			case 2 -> {
				headers.accept(new HttpHeader(name, "true"));
				headers.accept(new HttpHeader(name, "true"));
			}
			default -> headers.accept(new HttpHeader(name, "true"));
		}
	}

	private String otherCase(String value) {
		String lower = value.toLowerCase(Locale.ROOT);
		return lower.equals(value) ? value.toUpperCase(Locale.ROOT) : lower;
	}

	private boolean chance(int percent) {
		return this.random.nextInt(100) < percent;
	}

	@SafeVarargs
	private <T> T pick(T... values) {
		return values[this.random.nextInt(values.length)];
	}

	private int pickStatus(int... values) {
		return values[this.random.nextInt(values.length)];
	}

}
