package io.github.corsstarter.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.Objects;

import io.github.corsstarter.test.browser.BrowserTransport;
import io.github.corsstarter.test.browser.CookieJar;
import io.github.corsstarter.test.transport.HttpClientTransport;
import io.github.corsstarter.test.transport.MockMvcTransport;
import io.github.corsstarter.test.transport.RestTestClientTransport;
import io.github.corsstarter.test.transport.WebTestClientTransport;
import org.jspecify.annotations.Nullable;

import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * A browser page at one origin that calls the application under test with
 * {@code fetch()}, as Chromium would: it sends the preflight when one is needed, checks
 * the CORS headers, and tells what the script gets.
 *
 * <pre class="code">
 * FetchResult result = CorsBrowser.from("https://app.example.com")
 * 	.using(mockMvc)
 * 	.fetch("PUT", "/api/items/1")
 * 	.header("Authorization", "Bearer t")
 * 	.credentials(Credentials.INCLUDE)
 * 	.send();
 * assertThat(result).isAllowed().canReadHeader("X-Total-Count");
 * </pre>
 *
 * Relative URLs go to the application under test: {@code http://localhost} for MockMvc,
 * WebTestClient and RestTestClient (as their requests say), the given address for
 * {@link #using(URI)}; {@link #server(String)} sets another. Every fetch starts with an
 * empty preflight cache. The browser keeps cookies, as a real one does: what a
 * credentialed response sets goes back with later credentialed requests to the same
 * server (a browser from {@link #from(String)} starts without cookies; the browsers
 * derived from it with {@code using} and {@code server} share its cookies).
 */
public final class CorsBrowser {

	private static final URI MOCK_SERVER = URI.create("http://localhost");

	private final String origin;

	private final @Nullable BrowserTransport transport;

	private final URI server;

	private final CookieJar cookies;

	private CorsBrowser(String origin, @Nullable BrowserTransport transport, URI server, CookieJar cookies) {
		this.origin = origin;
		this.transport = transport;
		this.server = server;
		this.cookies = cookies;
	}

	/**
	 * Opens a page at an origin.
	 * @param origin the page's origin, such as {@code https://app.example.com}
	 * @return a browser at that origin, which still needs a transport
	 */
	public static CorsBrowser from(String origin) {
		return new CorsBrowser(Objects.requireNonNull(origin, "origin"), null, MOCK_SERVER, new CookieJar());
	}

	/**
	 * Sends requests through MockMvc, with the application's filters.
	 * @param mockMvc the application's {@code MockMvc}
	 * @return a browser that uses it
	 */
	public CorsBrowser using(MockMvc mockMvc) {
		return using(new MockMvcTransport(mockMvc));
	}

	/**
	 * Sends requests through a {@link WebTestClient}.
	 * @param client the client
	 * @return a browser that uses it
	 */
	public CorsBrowser using(WebTestClient client) {
		return using(new WebTestClientTransport(client));
	}

	/**
	 * Sends requests through a {@link RestTestClient}.
	 * @param client the client
	 * @return a browser that uses it
	 */
	public CorsBrowser using(RestTestClient client) {
		return using(new RestTestClientTransport(client));
	}

	/**
	 * Sends requests over the network to a running server, with the JDK's
	 * {@link HttpClient}; relative URLs resolve against the server's address.
	 * @param server the server's address, such as {@code http://localhost:8080}
	 * @return a browser that uses it
	 */
	public CorsBrowser using(URI server) {
		return new CorsBrowser(this.origin, new HttpClientTransport(), server, this.cookies);
	}

	/**
	 * Sends requests through a transport of one's own.
	 * @param transport the transport
	 * @return a browser that uses it
	 */
	public CorsBrowser using(BrowserTransport transport) {
		return new CorsBrowser(this.origin, Objects.requireNonNull(transport, "transport"), this.server, this.cookies);
	}

	/**
	 * Sets the address relative URLs resolve against, such as
	 * {@code https://api.example.com} for an application that checks its host.
	 * @param server the server's address
	 * @return a browser that uses it
	 */
	public CorsBrowser server(String server) {
		return new CorsBrowser(this.origin, this.transport, URI.create(server), this.cookies);
	}

	/**
	 * Starts a {@code fetch()}.
	 * @param method the method, as the script passes it
	 * @param url the URL, relative to the server or absolute
	 * @return the fetch, to complete and {@link CorsFetch#send() send}
	 */
	public CorsFetch fetch(String method, String url) {
		if (this.transport == null) {
			throw new IllegalStateException("No transport: call using(mockMvc), using(webTestClient), "
					+ "using(restTestClient) or using(URI) first");
		}
		return new CorsFetch(this.origin, method, this.server.resolve(url), this.transport, this.cookies);
	}

	/**
	 * Starts a {@code fetch()} with {@code GET}, the default method.
	 * @param url the URL, relative to the server or absolute
	 * @return the fetch
	 */
	public CorsFetch fetch(String url) {
		return fetch("GET", url);
	}

}
