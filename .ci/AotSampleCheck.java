import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The AOT check of CI (issue 11), run by {@code .ci/aot-check} with Java's single-file source launcher:
 * {@code java .ci/AotSampleCheck.java sample-app/target/sample-app-<version>-aot.jar}.
 * <p>
 * Starts the sample, processed ahead of time by {@code mvn -Paot}, on the JVM with
 * {@code -Dspring.aot.enabled=true}, on the loopback address and on free ports, then checks that it really runs
 * the AOT-processed application and that its CORS answers are those of {@code application.yml}: a preflight from
 * the allowed origin gets 204 and its {@code Access-Control-Allow-Origin}, one from another origin gets a 403
 * problem detail. The application is stopped whatever happens (and on Ctrl-C); when a check fails, its log is
 * printed and the exit status is 1.
 */
public class AotSampleCheck {

	/** The frontend origin that the sample's {@code application.yml} allows when CORS_ORIGINS is not set. */
	private static final String ALLOWED_ORIGIN = "http://localhost:5173";

	private static final String OTHER_ORIGIN = "https://other.example";

	/** The runtime hints that process-aot generates for the sample, where repackage puts them in the jar. */
	private static final String REACHABILITY_METADATA = "META-INF/native-image/io.github.corsstarter/sample-app/"
			+ "reachability-metadata.json";

	private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

	private final List<String> failures = new ArrayList<>();

	public static void main(String[] args) throws Exception {
		if (args.length != 1 || !Files.isRegularFile(Path.of(args[0]))) {
			System.err.println("Usage: java .ci/AotSampleCheck.java <sample-app-<version>-aot.jar>, built with"
					+ " mvn -Paot -pl sample-app -am -DskipTests package");
			System.exit(2);
		}
		System.exit(new AotSampleCheck().run(Path.of(args[0])) ? 0 : 1);
	}

	private boolean run(Path jar) throws Exception {
		checkStarterHints(jar);
		int[] ports = freePorts();
		Path log = jar.resolveSibling("aot-check.log");
		String java = ProcessHandle.current().info().command().orElse("java");
		// The sample also serves its playground page on sample.frontend.port: a free port too.
		List<String> command = List.of(java, "-Dspring.aot.enabled=true", "-jar", jar.toString(),
				"--server.address=127.0.0.1", "--server.port=" + ports[0], "--sample.frontend.port=" + ports[1]);
		System.out.println("Starting " + String.join(" ", command));
		Process app = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		Thread stopOnExit = new Thread(() -> stop(app));
		Runtime.getRuntime().addShutdownHook(stopOnExit);
		try {
			if (awaitStartup(app, log)) {
				check(read(log).contains("Starting AOT-processed SampleApplication"),
						"the log says 'Starting AOT-processed SampleApplication'");
				checkPreflights("http://127.0.0.1:" + ports[0]);
			}
		}
		finally {
			stop(app);
			Runtime.getRuntime().removeShutdownHook(stopOnExit);
		}
		if (this.failures.isEmpty()) {
			System.out.println("AOT check passed");
			return true;
		}
		System.out.println("AOT check FAILED: " + String.join("; ", this.failures));
		System.out.println("---- application log (" + log + ") ----");
		System.out.println(read(log));
		System.out.println("---- end of application log ----");
		return false;
	}

	/**
	 * The runtime hints that process-aot generated for the sample hold those of the starter's registrar.
	 */
	private void checkStarterHints(Path jar) throws IOException {
		try (JarFile file = new JarFile(jar.toFile())) {
			Optional<JarEntry> metadata = Optional.ofNullable(file.getJarEntry(REACHABILITY_METADATA));
			check(metadata.isPresent(), "the jar holds the reachability metadata that process-aot generates");
			if (metadata.isPresent()) {
				try (InputStream stream = file.getInputStream(metadata.get())) {
					String json = new String(stream.readAllBytes(), StandardCharsets.UTF_8).replace("\\/", "/");
					check(json.contains("\"META-INF/cors/*\""),
							"the generated hints name the starter's resources (META-INF/cors/*)");
				}
			}
		}
	}

	private boolean awaitStartup(Process app, Path log) throws Exception {
		Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
		while (Instant.now().isBefore(deadline)) {
			if (read(log).contains("Started SampleApplication")) {
				System.out.println("PASS the application started");
				return true;
			}
			if (!app.isAlive()) {
				check(false, "the application started (it exited with status " + app.exitValue() + ")");
				return false;
			}
			Thread.sleep(250);
		}
		check(false, "the application started within " + STARTUP_TIMEOUT.toSeconds() + " s");
		return false;
	}

	private void checkPreflights(String api) throws Exception {
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		HttpResponse<String> allowed = client.send(preflight(api, ALLOWED_ORIGIN), HttpResponse.BodyHandlers.ofString());
		check(allowed.statusCode() == 204,
				"a preflight from " + ALLOWED_ORIGIN + " gets 204 (got " + allowed.statusCode() + ")");
		Optional<String> allowOrigin = allowed.headers().firstValue("Access-Control-Allow-Origin");
		check(allowOrigin.equals(Optional.of(ALLOWED_ORIGIN)),
				"its Access-Control-Allow-Origin is " + ALLOWED_ORIGIN + " (got " + allowOrigin.orElse("none") + ")");
		HttpResponse<String> other = client.send(preflight(api, OTHER_ORIGIN), HttpResponse.BodyHandlers.ofString());
		check(other.statusCode() == 403,
				"a preflight from " + OTHER_ORIGIN + " gets 403 (got " + other.statusCode() + ")");
		String contentType = other.headers().firstValue("Content-Type").orElse("none");
		check(contentType.startsWith("application/problem+json"),
				"its Content-Type is application/problem+json (got " + contentType + ")");
		check(other.headers().firstValue("Access-Control-Allow-Origin").isEmpty(),
				"it has no Access-Control-Allow-Origin");
		System.out.println("     403 body: " + other.body());
	}

	private static HttpRequest preflight(String api, String origin) {
		return HttpRequest.newBuilder(URI.create(api + "/api/items/1"))
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.header("Origin", origin)
			.header("Access-Control-Request-Method", "PUT")
			.header("Access-Control-Request-Headers", "content-type")
			.timeout(Duration.ofSeconds(30))
			.build();
	}

	private void check(boolean passed, String what) {
		System.out.println((passed ? "PASS " : "FAIL ") + what);
		if (!passed) {
			this.failures.add(what);
		}
	}

	/**
	 * Two free ports on the loopback address, found by binding both at once so that they differ.
	 */
	private static int[] freePorts() throws IOException {
		InetAddress loopback = InetAddress.getLoopbackAddress();
		try (ServerSocket api = new ServerSocket(0, 1, loopback);
				ServerSocket frontend = new ServerSocket(0, 1, loopback)) {
			return new int[] { api.getLocalPort(), frontend.getLocalPort() };
		}
	}

	private static void stop(Process app) {
		if (!app.isAlive()) {
			return;
		}
		app.destroy();
		try {
			if (!app.waitFor(30, TimeUnit.SECONDS)) {
				app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			app.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	private static String read(Path log) throws IOException {
		// Not Files.readString: the log may end in the middle of a character that is being written.
		return Files.exists(log) ? new String(Files.readAllBytes(log), StandardCharsets.UTF_8) : "";
	}

}
