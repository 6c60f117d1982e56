package io.github.corsstarter.servlet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.github.corsstarter.IgnoredHeaderWarnings;
import io.github.corsstarter.policy.CorsPolicy;
import io.github.corsstarter.policy.CorsSettings;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CorsPolicyFilter} owning the CORS headers of covered responses: what
 * the rest of the chain writes is ignored and reported once per header name, on the
 * request dispatch and on error and async dispatches, while uncovered paths are left to
 * the application.
 */
@ExtendWith(OutputCaptureExtension.class)
class CorsPolicyFilterTests {

	private static final String ORIGIN = "https://app.example.com";

	private final CorsPolicyFilter filter = new CorsPolicyFilter(
			CorsPolicy.compile(CorsSettings.builder().origins(ORIGIN).paths("/api/**").build()),
			new ProblemDetailRejectionHandler());

	private final List<ServletResponse> chainResponses = new ArrayList<>();

	@Test
	void corsHeaderTheApplicationWritesIsLoggedOncePerNameWithThePath(CapturedOutput output) throws Exception {
		MockHttpServletResponse first = filter(get("/api/data", ORIGIN), (response) -> {
			response.addHeader("Access-Control-Allow-Origin", "*");
			response.setHeader("Access-Control-Allow-Origin", "*");
			response.setIntHeader("Access-Control-Max-Age", 600);
		});
		assertThat(first.getHeaders("Access-Control-Allow-Origin")).containsExactly(ORIGIN);
		assertThat(first.getHeaders("Access-Control-Max-Age")).isEmpty();
		MockHttpServletResponse second = filter(get("/api/other", ORIGIN), (response) -> {
			response.addHeader("access-control-allow-origin", "*");
			response.setHeader("Access-Control-Allow-Credentials", "true");
		});
		assertThat(second.getHeaders("Access-Control-Allow-Origin")).containsExactly(ORIGIN);
		assertThat(second.getHeaders("Access-Control-Allow-Credentials")).isEmpty();
		IgnoredHeaderWarnings.assertOncePerNameWithThePath(output);
	}

	@Test
	void requestWithoutOriginKeepsNoCorsHeaderOfTheApplications(CapturedOutput output) throws Exception {
		MockHttpServletResponse response = filter(get("/api/data", null), (chained) -> {
			chained.addHeader("Access-Control-Allow-Origin", "*");
			chained.setHeader("Vary", "Accept-Encoding");
		});
		assertThat(response.getHeaderNames()).containsExactly("Vary");
		assertThat(response.getHeaders("Vary")).containsExactly("Accept-Encoding, Origin");
		assertThat(warnings(output)).singleElement()
			.satisfies((line) -> assertThat(line).contains("Access-Control-Allow-Origin", "/api/data"));
	}

	@Test
	void uncoveredPathIsLeftToTheApplication(CapturedOutput output) throws Exception {
		MockHttpServletResponse response = filter(get("/static/app.js", ORIGIN),
				(chained) -> chained.addHeader("Access-Control-Allow-Origin", "*"));
		assertThat(this.chainResponses).containsExactly(response);
		assertThat(response.getHeaders("Access-Control-Allow-Origin")).containsExactly("*");
		assertThat(warnings(output)).isEmpty();
	}

	@Test
	void refusedRequestNeverReachesTheChain() throws Exception {
		MockHttpServletResponse response = filter(get("/api/data", "https://evil.example"),
				(chained) -> chained.addHeader("Access-Control-Allow-Origin", "*"));
		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(this.chainResponses).isEmpty();
	}

	@Test
	void errorDispatchRunsTheChainBehindTheWrapperAgain(CapturedOutput output) throws Exception {
		MockHttpServletRequest request = get("/api/data", ORIGIN);
		filter(request, (chained) -> ((HttpServletResponse) chained).sendError(401));
		// Tomcat renders the error page on its own response, not on the wrappers the
		// request dispatch saw.
		request.setDispatcherType(DispatcherType.ERROR);
		MockHttpServletResponse errorPage = filter(request,
				(chained) -> chained.addHeader("Access-Control-Allow-Origin", "*"));
		assertThat(this.chainResponses.get(1)).isInstanceOf(CorsHeadersResponse.class);
		assertThat(errorPage.getHeaders("Access-Control-Allow-Origin")).containsExactly(ORIGIN);
		assertThat(errorPage.getHeaders("Vary")).containsExactly("Origin");
		assertThat(warnings(output)).singleElement()
			.satisfies((line) -> assertThat(line).contains("Access-Control-Allow-Origin"));
	}

	@Test
	void asyncDispatchThroughTheRequestDispatchsWrapperRestoresHeadersWithoutWrappingAgain(CapturedOutput output)
			throws Exception {
		MockHttpServletRequest request = get("/api/data", ORIGIN);
		MockHttpServletResponse response = filter(request, (chained) -> {
		});
		ServletResponse wrapper = this.chainResponses.get(0);
		assertThat(wrapper).isInstanceOf(CorsHeadersResponse.class);
		response.reset();
		// Spring MVC hands startAsync the response it was given, in a wrapper of its own:
		// the async dispatch goes
		// on with that.
		HttpServletResponseWrapper async = new HttpServletResponseWrapper((HttpServletResponse) wrapper);
		request.setDispatcherType(DispatcherType.ASYNC);
		this.filter.doFilter(request, async, (chainedRequest, chained) -> this.chainResponses.add(chained));
		assertThat(this.chainResponses.get(1)).isSameAs(async);
		assertThat(response.getHeaders("Access-Control-Allow-Origin")).containsExactly(ORIGIN);
		assertThat(response.getHeaders("Vary")).containsExactly("Origin");
		assertThat(warnings(output)).isEmpty();
	}

	private MockHttpServletResponse filter(MockHttpServletRequest request, ResponseWrites writes) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		FilterChain chain = (chainedRequest, chained) -> {
			this.chainResponses.add(chained);
			writes.write((HttpServletResponse) chained);
		};
		this.filter.doFilter(request, response, chain);
		return response;
	}

	private static MockHttpServletRequest get(String path, String origin) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		request.setServerName("api.example.com");
		if (origin != null) {
			request.addHeader("Origin", origin);
		}
		return request;
	}

	private static List<String> warnings(CapturedOutput output) {
		return IgnoredHeaderWarnings.of(output);
	}

	/**
	 * What the rest of the chain writes on the response it is given.
	 */
	interface ResponseWrites {

		void write(HttpServletResponse response) throws IOException;

	}

}
