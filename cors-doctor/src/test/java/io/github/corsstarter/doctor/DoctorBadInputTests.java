package io.github.corsstarter.doctor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Command lines the doctor cannot run and servers it cannot reach: a clear message on the
 * error stream, exit status 2, and no stack trace.
 */
class DoctorBadInputTests {

	@Test
	void malformedUrl() {
		ZooTests.Run run = ZooTests.Run.of("http://127.0.0.1:8080/a b");
		assertError(run, "'http://127.0.0.1:8080/a b' is not a URL");
	}

	@Test
	void urlWithoutScheme() {
		ZooTests.Run run = ZooTests.Run.of("api.example.com/items");
		assertError(run, "is not an http or https URL");
	}

	@Test
	void closedPort() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		ZooTests.Run run = ZooTests.Run.of("--timeout", "5", "http://127.0.0.1:" + port + "/items");
		assertError(run, "could not connect to 127.0.0.1:" + port);
	}

	@Test
	void unknownHost() {
		ZooTests.Run run = ZooTests.Run.of("--timeout", "5", "http://no-such-host.invalid/items");
		assertError(run, "unknown host no-such-host.invalid");
	}

	@Test
	void serverThatNeverAnswers() throws IOException {
		try (Silent silent = new Silent()) {
			long start = System.nanoTime();
			ZooTests.Run run = ZooTests.Run.of("--timeout", "1", "http://127.0.0.1:" + silent.port() + "/items");
			assertError(run, "accepted the connection but sent no answer within 1 s (timeout)");
			assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds").isLessThan(10_000);
		}
	}

	@Test
	void originWithoutScheme() {
		ZooTests.Run run = ZooTests.Run.of("--origin", "app.example.com", "http://127.0.0.1:8080/items");
		assertError(run, "--origin 'app.example.com' is not an origin: write the scheme too, such as"
				+ " https://app.example.com");
	}

	@Test
	void originWithPath() {
		ZooTests.Run run = ZooTests.Run.of("--origin", "https://app.example.com/", "http://127.0.0.1:8080/items");
		assertError(run, "scheme, host and port only");
	}

	@Test
	void unknownOption() {
		ZooTests.Run run = ZooTests.Run.of("--orign", "https://app.example.com", "http://127.0.0.1:8080/items");
		assertError(run, "Unknown option --orign");
	}

	@Test
	void missingUrl() {
		ZooTests.Run run = ZooTests.Run.of("--origin", "https://app.example.com");
		assertError(run, "No URL");
	}

	@Test
	void optionWithoutValue() {
		ZooTests.Run run = ZooTests.Run.of("http://127.0.0.1:8080/items", "--timeout");
		assertError(run, "--timeout needs a value");
	}

	@Test
	void badTimeout() {
		ZooTests.Run run = ZooTests.Run.of("--timeout", "soon", "http://127.0.0.1:8080/items");
		assertError(run, "--timeout takes whole seconds");
	}

	@Test
	void malformedHeader() {
		ZooTests.Run run = ZooTests.Run.of("--header", "X-Api-Key", "http://127.0.0.1:8080/items");
		assertError(run, "--header takes 'Name: value'");
	}

	private static void assertError(ZooTests.Run run, String message) {
		assertThat(run.exit()).as(run.err()).isEqualTo(CorsDoctor.ERROR);
		assertThat(run.err()).startsWith("cors-doctor: ").contains(message);
		assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
		assertThat(run.out()).isEmpty();
	}

	/**
	 * A server that accepts connections and never answers.
	 */
	private static final class Silent implements AutoCloseable {

		private final ServerSocket socket;

		private final List<Socket> accepted = new ArrayList<>();

		private final Thread acceptor;

		Silent() throws IOException {
			this.socket = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
			this.acceptor = new Thread(this::accept, "silent-server");
			this.acceptor.setDaemon(true);
			this.acceptor.start();
		}

		int port() {
			return this.socket.getLocalPort();
		}

		private void accept() {
			try {
				while (true) {
					Socket accepted = this.socket.accept();
					synchronized (this.accepted) {
						this.accepted.add(accepted);
					}
				}
			}
			catch (IOException ex) {
				// Closed.
			}
		}

		@Override
		public void close() {
			try {
				this.socket.close();
				synchronized (this.accepted) {
					for (Socket accepted : this.accepted) {
						accepted.close();
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
