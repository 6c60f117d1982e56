package io.github.corsstarter.test.browser;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser's cookies: which {@code Set-Cookie} lines are kept and where they go back.
 */
class CookieJarTests {

	private final CookieJar jar = new CookieJar();

	private void set(String url, String... cookies) {
		this.jar.store(URI.create(url),
				Arrays.stream(cookies).map((cookie) -> new HttpHeader("Set-Cookie", cookie)).toList());
	}

	private String sent(String url, String page) {
		return this.jar.cookieHeader(URI.create(url), page);
	}

	@Test
	void hostOnlyCookiesGoBackToTheirHost() {
		set("https://api.example.com/login", "a=1", "b = 2 ; HttpOnly");
		assertThat(sent("https://api.example.com/x", "https://app.example.com")).isEqualTo("a=1; b=2");
		assertThat(sent("https://other.example.com/x", "https://app.example.com")).isNull();
		assertThat(sent("https://www.api.example.com/x", "https://app.example.com")).isNull();
	}

	@Test
	void domainCookiesGoToSubdomains() {
		set("https://api.example.com/", "a=1; Domain=.example.com");
		assertThat(sent("https://www.example.com/", "https://app.example.com")).isEqualTo("a=1");
		assertThat(sent("https://example.com/", "https://app.example.com")).isEqualTo("a=1");
		assertThat(sent("https://example.org/", "https://app.example.org")).isNull();
		set("https://api.example.com/", "b=1; Domain=other.com");
		assertThat(sent("https://other.com/", "https://other.com")).isNull();
	}

	@Test
	void pathsMatchBySegments() {
		set("https://api.example.com/api/login", "a=1; Path=/api", "b=2", "c=3; Path=nope");
		assertThat(sent("https://api.example.com/api/items", "https://app.example.com")).isEqualTo("a=1; b=2; c=3");
		assertThat(sent("https://api.example.com/api", "https://app.example.com")).isEqualTo("a=1; b=2; c=3");
		assertThat(sent("https://api.example.com/apix", "https://app.example.com")).isNull();
		assertThat(sent("https://api.example.com/", "https://app.example.com")).isNull();
		set("https://api.example.com/", "root=1");
		assertThat(sent("https://api.example.com/", "https://app.example.com")).isEqualTo("root=1");
		set("https://api.example.com/dir/", "d=1; Path=/dir/");
		assertThat(sent("https://api.example.com/dir/x", "https://app.example.com")).contains("d=1");
	}

	@Test
	void secureCookiesNeedHttps() {
		set("https://api.example.com/", "a=1; Secure");
		assertThat(sent("http://api.example.com/", "http://app.example.com")).isNull();
	}

	@Test
	void crossSitePagesGetOnlySameSiteNoneSecureCookies() {
		set("https://api.example.com/", "lax=1", "none=2; SameSite=None; Secure", "insecure=3; SameSite=None");
		assertThat(sent("https://api.example.com/", "https://app.example.com")).isEqualTo("lax=1; none=2; insecure=3");
		assertThat(sent("https://api.example.com/", "https://evil.example")).isEqualTo("none=2");
		assertThat(sent("https://api.example.com/", "http://app.example.com")).isEqualTo("none=2");
	}

	@Test
	void localhostPortsAndAddressesAreTheirOwnSites() {
		set("http://localhost:8080/api", "s=1; Path=/api");
		assertThat(sent("http://localhost:8080/api/x", "http://localhost:5173")).isEqualTo("s=1");
		assertThat(sent("http://localhost:8080/api/x", "http://127.0.0.1:5173")).isNull();
		set("http://127.0.0.1:8080/", "ip=1");
		assertThat(sent("http://127.0.0.1:8080/", "http://127.0.0.1:5173")).isEqualTo("ip=1");
		assertThat(sent("http://127.0.0.1:8080/", "http://127.0.0.2:5173")).isNull();
	}

	@Test
	void newValuesReplaceAndMaxAgeZeroDeletes() {
		set("https://api.example.com/", "a=1", "b=1");
		set("https://api.example.com/", "a=2");
		assertThat(sent("https://api.example.com/", "https://app.example.com")).isEqualTo("b=1; a=2");
		set("https://api.example.com/", "a=gone; Max-Age=0", "b=x; Max-Age=-1", "c=1; Max-Age=60", "d=1; Max-Age=soon");
		assertThat(sent("https://api.example.com/", "https://app.example.com")).isEqualTo("c=1; d=1");
	}

	@Test
	void linesThatAreNotCookiesAreIgnored() {
		set("https://api.example.com/", "novalue", "=1", "");
		this.jar.store(URI.create("https://api.example.com/"), List.of(new HttpHeader("X-Set-Cookie", "a=1")));
		assertThat(sent("https://api.example.com/", "https://app.example.com")).isNull();
	}

}
