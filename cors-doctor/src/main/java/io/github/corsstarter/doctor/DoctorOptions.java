package io.github.corsstarter.doctor;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.corsstarter.test.browser.HttpHeader;
import org.jspecify.annotations.Nullable;

/**
 * The doctor's command line, read and checked.
 *
 * @param origin the page's origin
 * @param originGiven whether {@code --origin} named it
 * @param method the method
 * @param headers the request headers the script sets
 * @param credentials whether the fetch includes credentials
 * @param read the response headers the script wants to read
 * @param body the request body, or {@code null}
 * @param scan whether to probe the server's origin checks
 * @param json whether to print JSON
 * @param timeout how long to wait for a connection and each response
 * @param url the URL
 */
record DoctorOptions(String origin, boolean originGiven, String method, List<HttpHeader> headers, boolean credentials,
		List<String> read, @Nullable String body, boolean scan, boolean json, Duration timeout, URI url) {

	/**
	 * The page's origin when {@code --origin} names none: a reserved name no server
	 * allows by name.
	 */
	static final String ANY_ORIGIN = "https://cors-doctor.example";

	static final String USAGE = """
			Usage: java -jar cors-doctor.jar [options] URL

			Sends what Chromium would send from a page at ORIGIN to URL (a preflight when one is needed, then the
			request), and says whether the browser would allow it, what its console would print, and what to fix.

			Options:
			  --origin ORIGIN        the page's origin, such as https://app.example.com (default: %s)
			  --method METHOD        the request's method (default: GET)
			  --header 'Name: value' a header the script sets (repeatable)
			  --body TEXT            a text body (sent as text/plain unless a Content-Type header says otherwise)
			  --credentials          fetch with credentials: 'include' (cookies, and the stricter CORS rules)
			  --read NAME            a response header the script wants to read (repeatable)
			  --scan                 also probe how the server checks origins (reflection, null, look-alikes)
			  --json                 print one JSON object instead of the report
			  --timeout SECONDS      how long to wait for a connection and each response (default: 10)
			  --help                 print this help

			Exit status: 0 when the browser would allow the request, 1 when it would block it, 2 for a usage or
			network error.
			""".formatted(ANY_ORIGIN);

	/**
	 * Reads a command line.
	 * @param args the arguments
	 * @return the options, or {@code null} when {@code --help} asked for the usage
	 * @throws UsageException when the command line is wrong
	 */
	static @Nullable DoctorOptions parse(String[] args) throws UsageException {
		String origin = null;
		String method = "GET";
		List<HttpHeader> headers = new ArrayList<>();
		List<String> read = new ArrayList<>();
		String body = null;
		boolean credentials = false;
		boolean scan = false;
		boolean json = false;
		Duration timeout = Duration.ofSeconds(10);
		String url = null;
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			switch (arg) {
				case "--help", "-h" -> {
					return null;
				}
				case "--origin" -> origin = value(args, ++i, arg);
				case "--method" -> method = value(args, ++i, arg);
				case "--header" -> headers.add(header(value(args, ++i, arg)));
				case "--body" -> body = value(args, ++i, arg);
				case "--read" -> read.add(value(args, ++i, arg));
				case "--credentials" -> credentials = true;
				case "--scan" -> scan = true;
				case "--json" -> json = true;
				case "--timeout" -> timeout = timeout(value(args, ++i, arg));
				default -> {
					if (arg.startsWith("-")) {
						throw new UsageException("Unknown option " + arg);
					}
					if (url != null) {
						throw new UsageException("One URL only: got " + url + " and " + arg);
					}
					url = arg;
				}
			}
		}
		if (url == null) {
			throw new UsageException("No URL: say which URL the page fetches");
		}
		return new DoctorOptions(origin(origin), origin != null, method, List.copyOf(headers), credentials,
				List.copyOf(read), body, scan, json, timeout, url(url));
	}

	private static String value(String[] args, int index, String option) throws UsageException {
		if (index >= args.length) {
			throw new UsageException(option + " needs a value");
		}
		return args[index];
	}

	private static HttpHeader header(String value) throws UsageException {
		int colon = value.indexOf(':');
		if (colon <= 0) {
			throw new UsageException("--header takes 'Name: value', not '" + value + "'");
		}
		return new HttpHeader(value.substring(0, colon).strip(), value.substring(colon + 1).strip());
	}

	private static Duration timeout(String value) throws UsageException {
		try {
			long seconds = Long.parseLong(value);
			if (seconds < 1 || seconds > 600) {
				throw new NumberFormatException();
			}
			return Duration.ofSeconds(seconds);
		}
		catch (NumberFormatException ex) {
			throw new UsageException("--timeout takes whole seconds from 1 to 600, not '" + value + "'");
		}
	}

	private static String origin(@Nullable String origin) throws UsageException {
		if (origin == null) {
			return ANY_ORIGIN;
		}
		URI uri;
		try {
			uri = new URI(origin);
		}
		catch (URISyntaxException ex) {
			throw new UsageException("--origin '" + origin + "' is not an origin: " + ex.getReason());
		}
		String scheme = uri.getScheme();
		boolean web = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
		if (!web || uri.getHost() == null) {
			throw new UsageException(
					"--origin '" + origin + "' is not an origin: write the scheme too, such as https://"
							+ origin.replaceFirst("^[a-zA-Z]+://", ""));
		}
		boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null
				&& uri.getRawFragment() == null && uri.getRawUserInfo() == null;
		if (!bare) {
			throw new UsageException("--origin '" + origin + "' is not an origin: scheme, host and port only, no path,"
					+ " such as " + scheme.toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority());
		}
		return origin;
	}

	private static URI url(String url) throws UsageException {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			throw new UsageException("'" + url + "' is not a URL: " + ex.getReason() + " at index " + ex.getIndex());
		}
		String scheme = uri.getScheme();
		if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
			throw new UsageException(
					"'" + url + "' is not an http or https URL, such as https://api.example.com/items");
		}
		if (uri.getHost() == null) {
			throw new UsageException("'" + url + "' has no host, such as https://api.example.com/items");
		}
		return uri;
	}

}
