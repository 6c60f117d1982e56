package io.github.corsstarter.benchmarks.doubles;

import java.lang.management.ManagementFactory;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The servlet doubles behave as a container's request and response do for what filters
 * use, and allocate nothing doing it, so that the bytes JMH reports per operation are the
 * filters' own.
 */
class ServletDoublesTests {

	private static final int ROUNDS = 20_000;

	private final PresetHttpServletRequest request = new PresetHttpServletRequest("OPTIONS", "/api/data", "https",
			"api.example.com", 443,
			List.of(new String[] { "Host", "api.example.com" }, new String[] { "Origin", "https://app.example.com" },
					new String[] { "Access-Control-Request-Headers", "content-type" },
					new String[] { "Access-Control-Request-Headers", "authorization" }));

	private final ReusableHttpServletResponse response = new ReusableHttpServletResponse();

	@Test
	void requestHeadersAreReadIgnoringCase() {
		assertThat(this.request.getHeader("origin")).isEqualTo("https://app.example.com");
		assertThat(this.request.getHeader("Access-Control-Request-Method")).isNull();
		assertThat(Collections.list(this.request.getHeaders("ACCESS-CONTROL-REQUEST-HEADERS")))
			.containsExactly("content-type", "authorization");
		assertThat(Collections.list(this.request.getHeaderNames())).containsExactly("Host", "Origin",
				"Access-Control-Request-Headers");
	}

	@Test
	void recyclingForgetsAttributesHeadersStatusAndBody() throws Exception {
		this.request.setAttribute("decision", "ALLOWED");
		this.response.setStatus(403);
		this.response.addHeader("Vary", "Origin");
		this.response.getOutputStream().write(new byte[] { 1, 2, 3 });
		this.request.recycle();
		this.response.recycle();
		assertThat(this.request.getAttribute("decision")).isNull();
		assertThat(this.response.getStatus()).isEqualTo(200);
		assertThat(this.response.getHeaders("Vary")).isEmpty();
		assertThat(this.response.getHeaderNames()).isEmpty();
		assertThat(this.response.bodyLength()).isZero();
	}

	@Test
	void responseHeadersAreSetAddedAndReadIgnoringCase() {
		this.response.addHeader("Vary", "Origin");
		this.response.addHeader("vary", "Access-Control-Request-Method");
		this.response.setHeader("Access-Control-Allow-Origin", "https://app.example.com");
		this.response.setHeader("access-control-allow-origin", "https://admin.example.com");
		assertThat(this.response.getHeaders("VARY")).containsExactly("Origin", "Access-Control-Request-Method");
		assertThat(this.response.getHeader("Access-Control-Allow-Origin")).isEqualTo("https://admin.example.com");
		assertThat(this.response.getHeaderNames()).containsExactly("Vary", "Access-Control-Allow-Origin");
	}

	@Test
	void whatNoFilterCallsFailsLoudly() {
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(this.request::getSession)
			.withMessageContaining("getSession");
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> this.response.sendError(500));
	}

	@Test
	void usingTheDoublesAllocatesNothing() throws Exception {
		byte[] body = new byte[100];
		exercise(body);
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long before = threads.getCurrentThreadAllocatedBytes();
		for (int i = 0; i < ROUNDS; i++) {
			exercise(body);
		}
		long allocated = threads.getCurrentThreadAllocatedBytes() - before;
		// Less than one byte per round: what is left is the measuring itself, never a
		// per-round allocation.
		assertThat(allocated).isLessThan(ROUNDS);
	}

	private void exercise(byte[] body) throws Exception {
		this.request.recycle();
		this.response.recycle();
		this.request.getHeader("Origin");
		Enumeration<String> values = this.request.getHeaders("Access-Control-Request-Headers");
		while (values.hasMoreElements()) {
			values.nextElement();
		}
		this.request.setAttribute("decision", Boolean.TRUE);
		this.request.getAttribute("decision");
		this.request.removeAttribute("decision");
		this.response.getHeaders("Vary").contains("Origin");
		this.response.addHeader("Vary", "Origin");
		this.response.setHeader("Access-Control-Allow-Origin", "https://app.example.com");
		this.response.getHeaders("Vary").contains("Origin");
		this.response.setStatus(403);
		this.response.getOutputStream().write(body);
		this.response.flushBuffer();
	}

}
