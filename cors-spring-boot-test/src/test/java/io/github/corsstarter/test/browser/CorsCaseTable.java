package io.github.corsstarter.test.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a table of {@link CorsCase}s: one case per line, {@code #} starts a comment.
 * <pre>
 * name | request | preflight | response [=&gt; redirected] | expected
 * </pre> Items within a column are separated by {@code ;;}. The request is the method and
 * the credentials mode ({@code GET omit}), then {@code Name: value} headers and
 * {@code body=text}. An answer is the status, then header lines and {@code body=text};
 * {@code -} is a 404 without headers. In values, {@code {origin}} is the page's origin,
 * {@code {ORIGIN}} the same upper-cased, {@code {host}} its host and port, and
 * {@code {x*N}} the character x N times. The expected column starts with
 * {@code allowed <status>} or {@code blocked <STEP>}, then any of: {@code preflight},
 * {@code no-preflight}, {@code reached}, {@code not-reached}, {@code read:<name>},
 * {@code unread:<name>}, {@code sent:<name>}, {@code unsent:<name>},
 * {@code acrh:<value>}, {@code message:<text to the end>}, {@code warning}.
 */
public final class CorsCaseTable {

	private static final Pattern REPEAT = Pattern.compile("\\{(.)\\*(\\d+)}");

	private CorsCaseTable() {
	}

	/**
	 * Loads a table from the class path.
	 * @param resource the resource's absolute name
	 * @return the cases, in order
	 */
	public static List<CorsCase> load(String resource) {
		try (InputStream in = CorsCaseTable.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalArgumentException("No table at " + resource);
			}
			return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Parses a table.
	 * @param text the table
	 * @return the cases, in order
	 */
	public static List<CorsCase> parse(String text) {
		List<CorsCase> cases = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (String line : text.split("\n")) {
			String trimmed = line.strip();
			if (trimmed.isEmpty() || trimmed.startsWith("#")) {
				continue;
			}
			CorsCase parsed = parseLine(trimmed);
			if (!names.add(parsed.name())) {
				throw new IllegalArgumentException("Two cases named " + parsed.name());
			}
			cases.add(parsed);
		}
		return cases;
	}

	private static CorsCase parseLine(String line) {
		String[] columns = line.split(" \\| ", -1);
		if (columns.length < 4 || columns.length > 5) {
			throw new IllegalArgumentException("Expected 4 or 5 columns: " + line);
		}
		String[] request = items(columns[1]);
		String[] first = request[0].split(" ");
		List<HttpHeader> headers = new ArrayList<>();
		String body = null;
		for (int i = 1; i < request.length; i++) {
			if (request[i].startsWith("body=")) {
				body = request[i].substring(5);
			}
			else {
				headers.add(header(request[i]));
			}
		}
		String[] responses = columns[3].split(" => ", -1);
		CorsCase.Reply redirected = (responses.length > 1) ? reply(responses[1]) : CorsCase.NOT_FOUND;
		return new CorsCase(columns[0].strip(), first[0], credentials((first.length > 1) ? first[1] : "same-origin"),
				headers, body, reply(columns[2]), reply(responses[0]), redirected,
				(columns.length == 5) ? expected(columns[4].strip()) : null);
	}

	private static String[] items(String column) {
		String[] items = column.strip().split(";;", -1);
		for (int i = 0; i < items.length; i++) {
			items[i] = repeat(items[i].strip());
		}
		return items;
	}

	private static String repeat(String value) {
		Matcher matcher = REPEAT.matcher(value);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(result,
					Matcher.quoteReplacement(matcher.group(1).repeat(Integer.parseInt(matcher.group(2)))));
		}
		matcher.appendTail(result);
		return result.toString();
	}

	private static HttpHeader header(String item) {
		int colon = item.indexOf(':');
		if (colon <= 0) {
			throw new IllegalArgumentException("Not a header: " + item);
		}
		String value = item.substring(colon + 1);
		return new HttpHeader(item.substring(0, colon), value.startsWith(" ") ? value.substring(1) : value);
	}

	private static Credentials credentials(String value) {
		for (Credentials credentials : Credentials.values()) {
			if (credentials.value().equals(value)) {
				return credentials;
			}
		}
		throw new IllegalArgumentException("Not a credentials mode: " + value);
	}

	private static CorsCase.Reply reply(String column) {
		if (column.strip().equals("-")) {
			return CorsCase.NOT_FOUND;
		}
		String[] items = items(column);
		List<HttpHeader> headers = new ArrayList<>();
		String body = "";
		for (int i = 1; i < items.length; i++) {
			if (items[i].startsWith("body=")) {
				body = items[i].substring(5);
			}
			else {
				headers.add(header(items[i]));
			}
		}
		return new CorsCase.Reply(Integer.parseInt(items[0]), headers, body);
	}

	private static CorsCase.Expected expected(String column) {
		String message = null;
		int at = column.indexOf("message:");
		if (at >= 0) {
			message = column.substring(at + "message:".length());
			column = column.substring(0, at).strip();
		}
		String[] words = column.split(" ");
		FetchStep step = null;
		Integer status = null;
		if (words[0].equals("blocked")) {
			step = FetchStep.valueOf(words[1]);
		}
		else if (words[0].equals("allowed")) {
			status = Integer.valueOf(words[1]);
		}
		else {
			throw new IllegalArgumentException("Expected 'allowed <status>' or 'blocked <STEP>': " + column);
		}
		boolean preflight = false;
		boolean reached = step == null || step.isAfterRequest();
		List<String> readable = new ArrayList<>();
		List<String> unreadable = new ArrayList<>();
		List<String> sent = new ArrayList<>();
		List<String> unsent = new ArrayList<>();
		String requestHeaders = null;
		boolean warning = false;
		for (int i = 2; i < words.length; i++) {
			String word = words[i];
			String value = word.substring(word.indexOf(':') + 1).toLowerCase(Locale.ROOT);
			switch (word.contains(":") ? word.substring(0, word.indexOf(':')) : word) {
				case "preflight" -> preflight = true;
				case "no-preflight" -> preflight = false;
				case "reached" -> reached = true;
				case "not-reached" -> reached = false;
				case "read" -> readable.add(value);
				case "unread" -> unreadable.add(value);
				case "sent" -> sent.add(value);
				case "unsent" -> unsent.add(value);
				case "acrh" -> requestHeaders = value;
				case "warning" -> warning = true;
				default -> throw new IllegalArgumentException("Unknown expectation '" + word + "' in " + column);
			}
		}
		return new CorsCase.Expected(step, status, preflight, reached, readable, unreadable, sent, unsent,
				requestHeaders, message, warning);
	}

}
