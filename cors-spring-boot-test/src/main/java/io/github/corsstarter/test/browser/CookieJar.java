package io.github.corsstarter.test.browser;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;

/**
 * The cookies a browser keeps between fetches: what {@code Set-Cookie} stores on a
 * credentialed response, sent back on later credentialed requests whose URL matches (RFC
 * 6265: domain, path, {@code Secure}, {@code Max-Age} 0 or less to delete) and whose page
 * is of the same site, unless the cookie says {@code SameSite=None; Secure}. Sites are
 * compared by scheme and the host's last two labels (the whole host for an IP address or
 * a single label), which covers {@code localhost} and ordinary domains but not every
 * public suffix.
 */
public final class CookieJar {

	private final List<Cookie> cookies = new ArrayList<>();

	/**
	 * Stores the cookies a response sets.
	 * @param url the URL of the request the response answers
	 * @param response the response's header lines
	 */
	public synchronized void store(URI url, List<HttpHeader> response) {
		for (String value : HeaderLines.values(response, "Set-Cookie")) {
			Cookie cookie = Cookie.parse(value, url);
			if (cookie != null) {
				this.cookies.removeIf((stored) -> stored.sameSlot(cookie));
				if (!cookie.expired()) {
					this.cookies.add(cookie);
				}
			}
		}
	}

	/**
	 * Returns the {@code Cookie} header a credentialed request sends.
	 * @param url the request's URL
	 * @param pageOrigin the origin of the page that makes the request
	 * @return the header's value, or {@code null} when no cookie applies
	 */
	public synchronized @Nullable String cookieHeader(URI url, String pageOrigin) {
		boolean sameSite = site(URI.create(pageOrigin)).equals(site(url));
		StringJoiner header = new StringJoiner("; ");
		for (Cookie cookie : this.cookies) {
			if (cookie.matches(url) && (sameSite || cookie.crossSite())) {
				header.add(cookie.name() + "=" + cookie.value());
			}
		}
		return (header.length() > 0) ? header.toString() : null;
	}

	private static String site(URI url) {
		String host = url.getHost().toLowerCase(Locale.ROOT);
		boolean address = host.startsWith("[") || host.matches("[0-9.]+");
		int last = host.lastIndexOf('.');
		int previous = (last > 0) ? host.lastIndexOf('.', last - 1) : -1;
		String domain = (address || last < 0) ? host : host.substring(previous + 1);
		return url.getScheme().toLowerCase(Locale.ROOT) + "://" + domain;
	}

	private record Cookie(String name, String value, @Nullable String domain, String host, String path, boolean secure,
			boolean crossSite, boolean expired) {

		static @Nullable Cookie parse(String header, URI url) {
			String[] parts = header.split(";");
			int equals = parts[0].indexOf('=');
			if (equals <= 0) {
				return null;
			}
			String domain = null;
			String path = defaultPath(url);
			boolean secure = false;
			boolean none = false;
			boolean expired = false;
			for (int i = 1; i < parts.length; i++) {
				String attribute = parts[i].strip();
				int at = attribute.indexOf('=');
				String key = ((at < 0) ? attribute : attribute.substring(0, at)).strip().toLowerCase(Locale.ROOT);
				String value = (at < 0) ? "" : attribute.substring(at + 1).strip();
				switch (key) {
					case "domain" ->
						domain = value.isEmpty() ? null : value.replaceFirst("^\\.", "").toLowerCase(Locale.ROOT);
					case "path" -> path = value.startsWith("/") ? value : defaultPath(url);
					case "secure" -> secure = true;
					case "samesite" -> none = value.equalsIgnoreCase("none");
					case "max-age" -> expired = value.matches("-?[0-9]+") && Long.parseLong(value) <= 0;
					default -> {
					}
				}
			}
			String host = url.getHost().toLowerCase(Locale.ROOT);
			if (domain != null && !domainMatches(host, domain)) {
				return null;
			}
			return new Cookie(parts[0].substring(0, equals).strip(), parts[0].substring(equals + 1).strip(), domain,
					host, path, secure, none && secure, expired);
		}

		private static String defaultPath(URI url) {
			String path = url.getRawPath();
			int slash = (path != null) ? path.lastIndexOf('/') : -1;
			return (slash <= 0) ? "/" : path.substring(0, slash);
		}

		private static boolean domainMatches(String host, String domain) {
			return host.equals(domain) || host.endsWith("." + domain);
		}

		boolean sameSlot(Cookie other) {
			return this.name.equals(other.name) && this.path.equals(other.path) && this.host.equals(other.host)
					&& Objects.equals(this.domain, other.domain);
		}

		boolean matches(URI url) {
			String host = url.getHost().toLowerCase(Locale.ROOT);
			boolean hostMatches = (this.domain != null) ? domainMatches(host, this.domain) : host.equals(this.host);
			String path = (url.getRawPath() == null || url.getRawPath().isEmpty()) ? "/" : url.getRawPath();
			boolean pathMatches = path.equals(this.path) || (path.startsWith(this.path)
					&& (this.path.endsWith("/") || path.charAt(this.path.length()) == '/'));
			return hostMatches && pathMatches && (!this.secure || "https".equalsIgnoreCase(url.getScheme()));
		}

	}

}
