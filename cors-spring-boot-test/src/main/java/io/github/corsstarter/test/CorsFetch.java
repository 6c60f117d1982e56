package io.github.corsstarter.test;

import java.net.URI;

import io.github.corsstarter.test.browser.BrowserTransport;
import io.github.corsstarter.test.browser.ChromiumFetch;
import io.github.corsstarter.test.browser.CookieJar;
import io.github.corsstarter.test.browser.Credentials;
import io.github.corsstarter.test.browser.FetchCall;
import io.github.corsstarter.test.browser.FetchResult;

/**
 * One {@code fetch()} call being written: its headers, credentials mode and body, then
 * {@link #send()}.
 */
public final class CorsFetch {

	private final FetchCall.Builder call;

	private final BrowserTransport transport;

	private final CookieJar cookies;

	CorsFetch(String origin, String method, URI url, BrowserTransport transport, CookieJar cookies) {
		this.call = FetchCall.builder(origin, method, url);
		this.transport = transport;
		this.cookies = cookies;
	}

	/**
	 * Adds a request header, as {@code headers.append(name, value)} does. A header
	 * scripts may not set (such as {@code Cookie}) is dropped, as the browser drops it,
	 * with a warning in the result.
	 * @param name the name
	 * @param value the value
	 * @return this fetch
	 */
	public CorsFetch header(String name, String value) {
		this.call.header(name, value);
		return this;
	}

	/**
	 * Sets the credentials mode ({@link Credentials#SAME_ORIGIN} by default).
	 * @param credentials the mode
	 * @return this fetch
	 */
	public CorsFetch credentials(Credentials credentials) {
		this.call.credentials(credentials);
		return this;
	}

	/**
	 * Sets a text body, sent as {@code text/plain;charset=UTF-8} unless a
	 * {@code Content-Type} header says otherwise.
	 * @param body the body
	 * @return this fetch
	 */
	public CorsFetch body(String body) {
		this.call.body(body);
		return this;
	}

	/**
	 * Sets a JSON body, with {@code Content-Type: application/json} (which needs a
	 * preflight).
	 * @param json the JSON text
	 * @return this fetch
	 */
	public CorsFetch json(String json) {
		this.call.header("Content-Type", "application/json");
		this.call.body(json);
		return this;
	}

	/**
	 * Sets the cookies the browser holds for the server
	 * ({@code name=value; other=value}); they go with the request when the credentials
	 * mode lets them, never with a preflight.
	 * @param cookies the cookies
	 * @return this fetch
	 */
	public CorsFetch cookies(String cookies) {
		this.call.cookies(cookies);
		return this;
	}

	/**
	 * Runs the fetch as Chromium would.
	 * @return what the script gets
	 */
	public FetchResult send() {
		return ChromiumFetch.run(this.call.build(), this.transport, this.cookies);
	}

}
