package io.github.corsstarter.benchmarks;

import java.util.ArrayList;
import java.util.List;

import io.github.corsstarter.benchmarks.doubles.PresetHttpServletRequest;
import io.github.corsstarter.benchmarks.doubles.ReactorNettyRequests;
import io.github.corsstarter.policy.CorsHeaders;
import io.github.corsstarter.policy.PlainCorsRequest;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * One request, as a browser would send it to {@code https://api.example.com/api/data},
 * presented to each implementation in the form it reads. Besides the CORS headers it
 * carries the three headers every browser request has ({@code Host}, {@code Accept},
 * {@code User-Agent}), since Spring copies all request headers before deciding.
 *
 * @param method the request method
 * @param origin the {@code Origin} header, or {@code null} for none
 * @param accessControlRequestMethod the {@code Access-Control-Request-Method} header, or
 * {@code null}
 * @param accessControlRequestHeaders the {@code Access-Control-Request-Headers} header,
 * or {@code null}
 */
public record BenchmarkRequest(String method, @Nullable String origin, @Nullable String accessControlRequestMethod,
		@Nullable String accessControlRequestHeaders) {

	/** The scheme of the server the request is sent to. */
	public static final String SCHEME = "https";

	/** The host of the server the request is sent to. */
	public static final String HOST = "api.example.com";

	/** The port of the server the request is sent to: the default of {@link #SCHEME}. */
	public static final int PORT = 443;

	/** The server's own origin. */
	public static final String SERVER_ORIGIN = SCHEME + "://" + HOST;

	/** The path of the request. */
	public static final String PATH = "/api/data";

	/**
	 * Returns a {@code GET}.
	 * @param origin its {@code Origin}, or {@code null} for none
	 * @return the request
	 */
	public static BenchmarkRequest get(@Nullable String origin) {
		return new BenchmarkRequest("GET", origin, null, null);
	}

	/**
	 * Returns a preflight: an {@code OPTIONS} with {@code Origin} and
	 * {@code Access-Control-Request-Method}.
	 * @param origin its {@code Origin}
	 * @param requestMethod the method it asks for
	 * @param requestHeaders the headers it asks for, or {@code null} for none
	 * @return the request
	 */
	public static BenchmarkRequest preflight(String origin, String requestMethod, @Nullable String requestHeaders) {
		return new BenchmarkRequest("OPTIONS", origin, requestMethod, requestHeaders);
	}

	/**
	 * Returns the header lines in the order a browser sends them.
	 * @return pairs of name and value
	 */
	public List<String[]> headerLines() {
		List<String[]> lines = new ArrayList<>();
		lines.add(new String[] { HttpHeaders.HOST, HOST });
		lines.add(new String[] { HttpHeaders.ACCEPT, "*/*" });
		if (this.accessControlRequestMethod != null) {
			lines.add(new String[] { CorsHeaders.REQUEST_METHOD, this.accessControlRequestMethod });
		}
		if (this.accessControlRequestHeaders != null) {
			lines.add(new String[] { CorsHeaders.REQUEST_HEADERS, this.accessControlRequestHeaders });
		}
		if (this.origin != null) {
			lines.add(new String[] { CorsHeaders.ORIGIN, this.origin });
		}
		lines.add(new String[] { HttpHeaders.USER_AGENT, "Mozilla/5.0 (X11; Linux x86_64) benchmark" });
		return lines;
	}

	/**
	 * Presents the request to the starter's engine.
	 * @return a request to reuse for every decision
	 */
	public PlainCorsRequest toCorsRequest() {
		return PlainCorsRequest.builder()
			.method(this.method)
			.path(PATH)
			.origin(this.origin)
			.scheme(SCHEME)
			.host(HOST)
			.port(PORT)
			.accessControlRequestMethod(this.accessControlRequestMethod)
			.accessControlRequestHeaders(this.accessControlRequestHeaders)
			.build();
	}

	/**
	 * Presents the request as a servlet request, as a container on port 443 behind the
	 * default servlet mapping would.
	 * @return a request to reuse, recycled between operations
	 */
	public PresetHttpServletRequest toServletRequest() {
		return new PresetHttpServletRequest(this.method, PATH, SCHEME, HOST, PORT, headerLines());
	}

	/**
	 * Returns Spring's view of the request headers.
	 * @return new headers
	 */
	public HttpHeaders toHttpHeaders() {
		HttpHeaders headers = new HttpHeaders();
		for (String[] line : headerLines()) {
			headers.add(line[0], line[1]);
		}
		return headers;
	}

	/**
	 * Returns the request headers as Reactor Netty decodes them. The filters only read
	 * them, so one instance serves every exchange.
	 * @return the headers
	 */
	public io.netty.handler.codec.http.HttpHeaders toNettyHeaders() {
		io.netty.handler.codec.http.HttpHeaders headers = new DefaultHttpHeaders();
		for (String[] line : headerLines()) {
			headers.add(line[0], line[1]);
		}
		return headers;
	}

	/**
	 * Presents the request as a reactive request, as Spring's
	 * {@code ReactorServerHttpRequest} does for each request Reactor Netty receives: a
	 * new request over headers already decoded.
	 * @param headers the decoded headers, from {@link #toNettyHeaders()}
	 * @return a new request
	 */
	public ServerHttpRequest toReactiveRequest(io.netty.handler.codec.http.HttpHeaders headers) {
		return ReactorNettyRequests.create(this.method, SCHEME, HOST, PORT, PATH, headers);
	}

}
