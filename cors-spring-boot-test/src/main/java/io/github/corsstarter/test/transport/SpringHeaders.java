package io.github.corsstarter.test.transport;

import java.util.ArrayList;
import java.util.List;

import io.github.corsstarter.test.browser.HttpHeader;

import org.springframework.http.HttpHeaders;

/**
 * Converts between the model's header lines and Spring's {@link HttpHeaders}.
 */
final class SpringHeaders {

	private SpringHeaders() {
	}

	static void copy(List<HttpHeader> from, HttpHeaders to) {
		for (HttpHeader header : from) {
			to.add(header.name(), header.value());
		}
	}

	static List<HttpHeader> lines(HttpHeaders headers) {
		List<HttpHeader> lines = new ArrayList<>();
		headers.forEach((name, values) -> values.forEach((value) -> lines.add(new HttpHeader(name, value))));
		return lines;
	}

}
