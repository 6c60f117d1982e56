package io.github.corsstarter.test.browser;

/**
 * The {@code credentials} option of {@code fetch()}: whether cookies go with the request
 * and, for a cross-origin request, how strict the response's CORS headers must be.
 */
public enum Credentials {

	/**
	 * {@code 'omit'}: never send cookies.
	 */
	OMIT("omit"),

	/**
	 * {@code 'same-origin'}, the default: send cookies to the page's own origin only, so
	 * a cross-origin request goes without them.
	 */
	SAME_ORIGIN("same-origin"),

	/**
	 * {@code 'include'}: send cookies everywhere; a cross-origin response must then name
	 * the page's origin exactly and allow credentials.
	 */
	INCLUDE("include");

	private final String value;

	Credentials(String value) {
		this.value = value;
	}

	/**
	 * Returns the option's value as a script writes it, such as {@code include}.
	 * @return the value
	 */
	public String value() {
		return this.value;
	}

}
