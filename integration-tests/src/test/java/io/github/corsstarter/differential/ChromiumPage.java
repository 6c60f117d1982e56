package io.github.corsstarter.differential;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import io.github.corsstarter.differential.CorsLab.Header;
import io.github.corsstarter.e2e.HeadlessChromium;
import org.jspecify.annotations.Nullable;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Chromium with the blank page of a {@link CorsLab} open, which runs
 * {@code fetch()} from the page's origin and reports what the page saw and what Chromium
 * wrote to the console.
 * <p>
 * One browser serves many fetches. Every case should use addresses of its own (a new case
 * id), so that neither the preflight cache nor the HTTP cache answers in place of the
 * server.
 */
public final class ChromiumPage implements AutoCloseable {

	/**
	 * What Chromium's console messages about CORS have in common.
	 */
	public static final String CORS_MESSAGE = "has been blocked by CORS policy";

	private static final String SCRIPT = """
			const [url, method, headers, credentials, body, done] = arguments;
			const init = { method, headers, credentials };
			if (body !== null) {
				init.body = body;
			}
			let response;
			try {
				response = fetch(url, init);
			}
			catch (error) {
				done({ resolved: false, error: String(error) });
				return;
			}
			response.then(async (response) => {
				const headers = [];
				for (const [name, value] of response.headers) {
					headers.push([name, value]);
				}
				let text = null;
				try {
					text = await response.text();
				}
				catch (error) {
					text = null;
				}
				done({ resolved: true, status: response.status, headers, body: text });
			}, (error) => done({ resolved: false, error: String(error) }));
			""";

	private final HeadlessChromium chromium;

	private final CorsLab lab;

	private List<LogEntry> lastLog = List.of();

	private ChromiumPage(HeadlessChromium chromium, CorsLab lab) {
		this.chromium = chromium;
		this.lab = lab;
	}

	/**
	 * Starts a browser, lets the API server set {@link CorsLab#COOKIE}, and opens the
	 * lab's page.
	 * @param lab the servers
	 * @return the browser, on the page
	 */
	public static ChromiumPage open(CorsLab lab) {
		HeadlessChromium chromium = HeadlessChromium.start((options) -> {
			LoggingPreferences logging = new LoggingPreferences();
			logging.enable(LogType.BROWSER, Level.ALL);
			options.setCapability("goog:loggingPrefs", logging);
		});
		try {
			WebDriver driver = chromium.driver();
			driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
			driver.get(lab.setCookieUrl().toString());
			driver.get(lab.pageUrl().toString());
			ChromiumPage fetch = new ChromiumPage(chromium, lab);
			fetch.readLog();
			return fetch;
		}
		catch (RuntimeException ex) {
			chromium.close();
			throw ex;
		}
	}

	/**
	 * Returns the lab whose page is open.
	 * @return the lab
	 */
	public CorsLab lab() {
		return this.lab;
	}

	/**
	 * Returns the driver of the browser.
	 * @return the driver
	 */
	public WebDriver driver() {
		return this.chromium.driver();
	}

	/**
	 * Runs {@code fetch(url, {method, headers, credentials, body})} in the page and waits
	 * for the response's body or the failure.
	 * @param url the address
	 * @param method the method, passed as given
	 * @param headers the request headers, passed as {@code [[name, value], ...]}
	 * @param credentials {@code omit}, {@code same-origin} or {@code include}
	 * @param body the body, or {@code null} for none
	 * @return what the page saw, and the CORS messages on the console
	 */
	public ChromiumOutcome fetch(URI url, String method, List<Header> headers, String credentials,
			@Nullable String body) {
		List<List<String>> pairs = headers.stream().map((header) -> List.of(header.name(), header.value())).toList();
		Object result = ((JavascriptExecutor) driver()).executeAsyncScript(SCRIPT, url.toString(), method, pairs,
				credentials, body);
		List<String> console = readLog();
		return outcome((Map<?, ?>) result, console);
	}

	/**
	 * Runs a {@code GET} without headers or credentials.
	 * @param url the address
	 * @return what the page saw, and the CORS messages on the console
	 */
	public ChromiumOutcome get(URI url) {
		return fetch(url, "GET", List.of(), "omit", null);
	}

	/**
	 * Returns every entry of the browser's log that the last fetch produced, CORS
	 * messages or not, as chromedriver reports them.
	 * @return the entries
	 */
	public List<LogEntry> lastLog() {
		return this.lastLog;
	}

	private List<String> readLog() {
		this.lastLog = driver().manage().logs().get(LogType.BROWSER).getAll();
		List<String> messages = new ArrayList<>();
		for (LogEntry entry : this.lastLog) {
			String text = messageText(entry.getMessage());
			if (text.contains(CORS_MESSAGE)) {
				messages.add(text);
			}
		}
		return messages;
	}

	/**
	 * Returns the text of a console message as DevTools shows it, without the source that
	 * chromedriver puts before it ({@code "<url> - "} for messages of the browser, and
	 * {@code "<url> <line>:<column> "} before a quoted text for the page's own).
	 * @param message the message as chromedriver reports it
	 * @return the text
	 */
	static String messageText(String message) {
		int dash = message.indexOf(" - ");
		if (dash != -1 && !message.substring(0, dash).contains(" ")) {
			return message.substring(dash + 3);
		}
		return message;
	}

	private static ChromiumOutcome outcome(Map<?, ?> result, List<String> console) {
		boolean resolved = Boolean.TRUE.equals(result.get("resolved"));
		Integer status = (result.get("status") instanceof Number number) ? number.intValue() : null;
		Map<String, String> headers = new LinkedHashMap<>();
		if (result.get("headers") instanceof List<?> pairs) {
			for (Object pair : pairs) {
				List<?> nameAndValue = (List<?>) pair;
				headers.put(String.valueOf(nameAndValue.get(0)), String.valueOf(nameAndValue.get(1)));
			}
		}
		String body = (result.get("body") instanceof String text) ? text : null;
		String error = (result.get("error") instanceof String text) ? text : null;
		return new ChromiumOutcome(resolved, status, Collections.unmodifiableMap(headers), body, error,
				List.copyOf(console));
	}

	@Override
	public void close() {
		this.chromium.close();
	}

	/**
	 * What the page saw of one {@code fetch()}, and what Chromium wrote to the console.
	 *
	 * @param resolved whether the promise resolved with a response
	 * @param status the response's status, if it resolved
	 * @param readableHeaders the response's headers as iterating {@code response.headers}
	 * yields them (lower-case names, sorted, values of repeated names combined), if it
	 * resolved
	 * @param body the response's body, if it resolved and could be read
	 * @param error the rejection, as {@code String(error)} gives it
	 * ({@code "TypeError: Failed to fetch"}), if it did not resolve
	 * @param console the CORS messages of the console, texts as DevTools shows them
	 */
	public record ChromiumOutcome(boolean resolved, @Nullable Integer status, Map<String, String> readableHeaders,
			@Nullable String body, @Nullable String error, List<String> console) {

	}

}
