package io.github.corsstarter.doctor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.corsstarter.test.browser.BrowserRequest;
import io.github.corsstarter.test.browser.CorsError;
import io.github.corsstarter.test.browser.Exchange;
import io.github.corsstarter.test.browser.FetchResult;
import io.github.corsstarter.test.browser.HttpHeader;
import io.github.corsstarter.test.browser.ServerResponse;
import org.jspecify.annotations.Nullable;

/**
 * What the doctor prints: a short report for people, or one JSON object.
 */
final class Report {

	private static final Set<String> RESPONSE_HEADERS = Set.of("vary", "location", "content-type", "www-authenticate",
			"set-cookie");

	private final DoctorOptions options;

	private final FetchResult result;

	private final List<Finding> findings;

	private final @Nullable OriginScan scan;

	Report(DoctorOptions options, FetchResult result, List<Finding> findings, @Nullable OriginScan scan) {
		this.options = options;
		this.result = result;
		this.findings = findings;
		this.scan = scan;
	}

	String text() {
		StringBuilder text = new StringBuilder();
		text.append(this.result.call().method()).append(' ').append(this.result.call().url());
		text.append(" from a page at ").append(this.result.call().origin());
		if (!this.options.originGiven()) {
			text.append(" (an origin no server knows: --origin names yours)");
		}
		text.append(", credentials: ").append(this.result.call().credentials().value()).append("\n\n");
		for (Exchange preflight : this.result.preflights()) {
			exchange(text, preflight, "preflight");
		}
		for (Exchange request : this.result.requests()) {
			exchange(text, request, null);
		}
		if (this.result.isAllowed()) {
			text.append("ALLOWED: the script sees status ").append(this.result.status()).append(".\n");
			text.append("Readable headers: ").append(String.join(", ", this.result.readableHeaders().keySet()));
			text.append('\n');
		}
		else {
			CorsError error = this.result.error().orElseThrow();
			text.append("BLOCKED");
			text.append(this.result.hasReachedServer() ? " after the request reached the server"
					: " before the request: the browser never sends the " + this.result.call().method());
			text.append(".\nChromium's console:\n  ").append(error.consoleMessage()).append('\n');
		}
		if (this.scan != null) {
			text.append("\nOrigin scan (").append(this.scan.probes().isEmpty() ? "" : probeMethod()).append("):\n");
			for (OriginScan.Probe probe : this.scan.probes()) {
				text.append("  ").append(String.format("%-44s", probe.origin())).append(' ').append(probe.outcome());
				text.append('\n');
			}
		}
		text.append('\n');
		if (this.findings.isEmpty()) {
			text.append("No findings.\n");
		}
		else {
			text.append("Findings:\n");
			for (Finding finding : this.findings) {
				text.append("  ").append(String.format("%-7s", finding.severity().label())).append(finding.id());
				text.append("\n          ").append(finding.message());
				text.append("\n          Fix: ").append(finding.fix()).append('\n');
			}
		}
		return text.toString();
	}

	private String probeMethod() {
		String method = this.options.method().toUpperCase(Locale.ROOT);
		return (method.equals("GET") || method.equals("HEAD")) ? "GET from other origins"
				: "preflights for " + this.options.method() + " from other origins";
	}

	private void exchange(StringBuilder text, Exchange exchange, @Nullable String label) {
		BrowserRequest request = exchange.request();
		text.append("> ").append(request.method()).append(' ').append(request.url().getRawPath());
		if (request.url().getRawQuery() != null) {
			text.append('?').append(request.url().getRawQuery());
		}
		text.append((label != null) ? "  (" + label + ")" : "").append('\n');
		for (HttpHeader header : request.headers()) {
			String name = header.name().toLowerCase(Locale.ROOT);
			if (name.equals("accept") || name.equals("sec-fetch-mode")) {
				continue;
			}
			String value = switch (name) {
				case "authorization" -> "(set)";
				case "cookie" -> "(" + header.value().split(";").length + " cookie"
						+ ((header.value().split(";").length > 1) ? "s" : "") + ")";
				default -> header.value();
			};
			text.append("    ").append(header.name()).append(": ").append(value).append('\n');
		}
		ServerResponse response = exchange.response();
		text.append("< ").append(response.status()).append('\n');
		boolean allowOrigin = false;
		for (HttpHeader header : response.headers()) {
			String name = header.name().toLowerCase(Locale.ROOT);
			allowOrigin = allowOrigin || name.equals("access-control-allow-origin");
			if (name.startsWith("access-control-") || RESPONSE_HEADERS.contains(name)
					|| this.options.read().stream().anyMatch(name::equalsIgnoreCase)) {
				text.append("    ").append(header.name()).append(": ").append(header.value()).append('\n');
			}
		}
		if (!allowOrigin) {
			text.append("    (no Access-Control-Allow-Origin)\n");
		}
		text.append('\n');
	}

	String json() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("url", this.result.call().url().toString());
		json.put("origin", this.result.call().origin());
		json.put("method", this.result.call().method());
		json.put("credentials", this.result.call().credentials().value());
		json.put("allowed", this.result.isAllowed());
		json.put("preflight", this.result.isPreflightSent());
		json.put("actualSent", this.result.hasReachedServer());
		json.put("status", this.result.isAllowed() ? this.result.status() : null);
		json.put("readableHeaders", new ArrayList<>(this.result.readableHeaders().keySet()));
		json.put("consoleMessage", this.result.error().map(CorsError::consoleMessage).orElse(null));
		json.put("blockedAt", this.result.error().map((error) -> error.step().name()).orElse(null));
		List<Object> findings = new ArrayList<>();
		for (Finding finding : this.findings) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("id", finding.id());
			entry.put("severity", finding.severity().label());
			entry.put("message", finding.message());
			entry.put("fix", finding.fix());
			findings.add(entry);
		}
		json.put("findings", findings);
		List<Object> exchanges = new ArrayList<>();
		this.result.preflights().forEach((exchange) -> exchanges.add(exchange(exchange, true)));
		this.result.requests().forEach((exchange) -> exchanges.add(exchange(exchange, false)));
		json.put("exchanges", exchanges);
		if (this.scan != null) {
			List<Object> probes = new ArrayList<>();
			for (OriginScan.Probe probe : this.scan.probes()) {
				Map<String, Object> entry = new LinkedHashMap<>();
				entry.put("origin", probe.origin());
				entry.put("outcome", probe.outcome());
				ServerResponse response = probe.response();
				entry.put("status", (response != null) ? response.status() : null);
				entry.put("allowOrigin", (response != null) ? response.header("Access-Control-Allow-Origin") : null);
				probes.add(entry);
			}
			json.put("scan", probes);
		}
		return Json.write(json);
	}

	private static Map<String, Object> exchange(Exchange exchange, boolean preflight) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("preflight", preflight);
		entry.put("method", exchange.request().method());
		entry.put("url", exchange.request().url().toString());
		entry.put("requestHeaders", lines(exchange.request().headers()));
		entry.put("status", exchange.response().status());
		entry.put("responseHeaders", lines(exchange.response().headers()));
		return entry;
	}

	private static List<Object> lines(List<HttpHeader> headers) {
		List<Object> lines = new ArrayList<>();
		for (HttpHeader header : headers) {
			lines.add(List.of(header.name(), header.isNamed("Authorization") ? "(set)" : header.value()));
		}
		return lines;
	}

}
