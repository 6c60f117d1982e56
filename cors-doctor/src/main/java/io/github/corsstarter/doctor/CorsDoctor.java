package io.github.corsstarter.doctor;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLException;

import io.github.corsstarter.test.browser.ChromiumFetch;
import io.github.corsstarter.test.browser.Credentials;
import io.github.corsstarter.test.browser.FetchCall;
import io.github.corsstarter.test.browser.FetchResult;
import io.github.corsstarter.test.transport.HttpClientTransport;

/**
 * The {@code cors-doctor} command: {@code java -jar cors-doctor.jar [options] URL}.
 */
public final class CorsDoctor {

	/**
	 * The browser would allow the request.
	 */
	public static final int ALLOWED = 0;

	/**
	 * The browser would block the request.
	 */
	public static final int BLOCKED = 1;

	/**
	 * The command line is wrong, or the server could not be reached.
	 */
	public static final int ERROR = 2;

	private CorsDoctor() {
	}

	/**
	 * Runs the command and exits with its status.
	 * @param args the command line
	 */
	public static void main(String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	/**
	 * Runs the command.
	 * @param args the command line
	 * @param out where the report goes
	 * @param err where errors go
	 * @return the exit status: {@link #ALLOWED}, {@link #BLOCKED} or {@link #ERROR}
	 */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		DoctorOptions options;
		try {
			options = DoctorOptions.parse(args);
		}
		catch (UsageException ex) {
			err.println("cors-doctor: " + ex.getMessage());
			err.println("Run with --help for the options.");
			return ERROR;
		}
		if (options == null) {
			out.print(DoctorOptions.USAGE);
			return ALLOWED;
		}
		HttpClientTransport transport = new HttpClientTransport(options.timeout());
		FetchResult result;
		OriginScan scan = null;
		try {
			result = ChromiumFetch.run(call(options), transport);
			if (options.scan()) {
				scan = OriginScan.run(options, transport);
			}
		}
		catch (IllegalArgumentException ex) {
			err.println("cors-doctor: " + ex.getMessage());
			return ERROR;
		}
		catch (UncheckedIOException ex) {
			err.println("cors-doctor: " + unreachable(options, ex));
			return ERROR;
		}
		List<Finding> findings = new ArrayList<>(Diagnosis.of(result, options));
		if (scan != null) {
			for (Finding finding : scan.findings()) {
				// One finding per id: the scan's replaces the fetch's when it is more
				// severe
				// (the probes can see what the fetch alone cannot).
				int same = indexOf(findings, finding.id());
				if (same == -1) {
					findings.add(finding);
				}
				else if (finding.severity().compareTo(findings.get(same).severity()) < 0) {
					findings.set(same, finding);
				}
			}
			findings.sort((a, b) -> a.severity().compareTo(b.severity()));
		}
		Report report = new Report(options, result, findings, scan);
		out.println(options.json() ? report.json() : report.text());
		return result.isAllowed() ? ALLOWED : BLOCKED;
	}

	private static int indexOf(List<Finding> findings, String id) {
		for (int i = 0; i < findings.size(); i++) {
			if (findings.get(i).id().equals(id)) {
				return i;
			}
		}
		return -1;
	}

	private static FetchCall call(DoctorOptions options) {
		FetchCall.Builder call = FetchCall.builder(options.origin(), options.method(), options.url())
			.credentials(options.credentials() ? Credentials.INCLUDE : Credentials.SAME_ORIGIN)
			.body(options.body());
		options.headers().forEach((header) -> call.header(header.name(), header.value()));
		return call.build();
	}

	private static String unreachable(DoctorOptions options, UncheckedIOException ex) {
		URI url = options.url();
		int port = (url.getPort() != -1) ? url.getPort() : (url.getScheme().equalsIgnoreCase("https") ? 443 : 80);
		String server = url.getHost() + ":" + port;
		Throwable cause = ex.getCause();
		if (cause instanceof HttpConnectTimeoutException) {
			return "no connection to " + server + " within " + options.timeout().toSeconds() + " s (timeout)";
		}
		if (cause instanceof HttpTimeoutException) {
			return server + " accepted the connection but sent no answer within " + options.timeout().toSeconds()
					+ " s (timeout)";
		}
		for (Throwable reason = cause; reason != null; reason = reason.getCause()) {
			if (reason instanceof UnresolvedAddressException || reason instanceof UnknownHostException) {
				return "unknown host " + url.getHost();
			}
			if (reason instanceof SSLException) {
				return "TLS with " + server + " failed: " + reason.getMessage();
			}
		}
		if (cause instanceof ConnectException) {
			return "could not connect to " + server + " (connection refused, or nothing listens there)";
		}
		return "could not reach " + url + ": " + ((cause != null) ? cause : ex);
	}

}
