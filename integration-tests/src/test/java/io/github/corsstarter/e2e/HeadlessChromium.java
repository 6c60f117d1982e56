package io.github.corsstarter.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import org.springframework.util.FileSystemUtils;

/**
 * Debian's Chromium ({@code apt-get install chromium chromium-driver}), driven headless
 * through its chromedriver.
 * <p>
 * Selenium is given both binaries, so it never runs Selenium Manager, which would try to
 * download a browser and a driver. The system properties {@code e2e.chromium} and
 * {@code e2e.chromedriver} point elsewhere if needed.
 */
public final class HeadlessChromium implements AutoCloseable {

	static final Path BROWSER = Path.of(System.getProperty("e2e.chromium", "/usr/bin/chromium"));

	static final Path DRIVER = Path.of(System.getProperty("e2e.chromedriver", "/usr/bin/chromedriver"));

	private final Path profile;

	private final ChromeDriver driver;

	private HeadlessChromium(Path profile, ChromeDriver driver) {
		this.profile = profile;
		this.driver = driver;
	}

	/**
	 * Starts a browser with a fresh profile and a 1200 by 900 window.
	 * @return the running browser
	 */
	public static HeadlessChromium start() {
		return start((options) -> {
		});
	}

	/**
	 * Starts a browser with a fresh profile and a 1200 by 900 window, and options of the
	 * caller's on top of the usual ones (capabilities such as {@code goog:loggingPrefs}).
	 * @param customizer adds to the options
	 * @return the running browser
	 */
	public static HeadlessChromium start(Consumer<ChromeOptions> customizer) {
		Path profile = createProfile();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BROWSER.toFile());
		options.addArguments("--headless=new", "--window-size=1200,900", "--user-data-dir=" + profile,
				// Running as root, in a container without a GPU or a large /dev/shm.
				"--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				// No traffic but the test's: Chromium otherwise keeps calling home, and
				// the network is closed.
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
				"--no-first-run");
		customizer.accept(options);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return new HeadlessChromium(profile, driver);
	}

	private static Path createProfile() {
		try {
			return Files.createTempDirectory("chromium-profile");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Returns the driver of this browser.
	 * @return the driver
	 */
	public WebDriver driver() {
		return this.driver;
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			FileSystemUtils.deleteRecursively(this.profile.toFile());
		}
	}

}
