package io.github.corsstarter.e2e;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The playground page (the sample application's {@code static/index.html}) open in a
 * browser: the origin it shows, and what each scenario got when the page ran it.
 */
public final class PlaygroundPage {

	private final WebDriver driver;

	private final WebDriverWait wait;

	private PlaygroundPage(WebDriver driver) {
		this.driver = driver;
		this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
	}

	/**
	 * Loads the page and waits until it has read its configuration.
	 * @param driver the browser
	 * @param url the page's address
	 * @return the page
	 */
	public static PlaygroundPage open(WebDriver driver, String url) {
		driver.get(url);
		PlaygroundPage page = new PlaygroundPage(driver);
		page.wait.until(ExpectedConditions.elementToBeClickable(By.id("run-all")));
		return page;
	}

	/**
	 * Returns the page's origin, as the page shows it.
	 * @return the origin
	 */
	public String origin() {
		return this.driver.findElement(By.id("page-origin")).getText();
	}

	/**
	 * Returns whether the page says that the API allows its origin.
	 * @return whether the origin is allowed
	 */
	public boolean isOriginAllowed() {
		return Boolean.parseBoolean(this.driver.findElement(By.id("origin-verdict")).getDomAttribute("data-allowed"));
	}

	/**
	 * Returns the identifiers of the scenarios the page lists, in order.
	 * @return the scenario identifiers
	 */
	public List<String> scenarios() {
		return rows().stream().map((row) -> row.getDomAttribute("id")).toList();
	}

	/**
	 * Runs one scenario with its button and waits until it has an outcome.
	 * @param scenario the scenario's identifier
	 */
	public void run(String scenario) {
		WebElement row = this.driver.findElement(By.id(scenario));
		row.findElement(By.tagName("button")).click();
		this.wait.until((driver) -> isFinished(row));
	}

	/**
	 * Runs every scenario with the page's "Run all" button and waits until each has an
	 * outcome.
	 */
	public void runAll() {
		this.driver.findElement(By.id("run-all")).click();
		this.wait.until((driver) -> rows().stream().allMatch(PlaygroundPage::isFinished));
	}

	private static boolean isFinished(WebElement row) {
		String outcome = row.getDomAttribute("data-outcome");
		return "pass".equals(outcome) || "fail".equals(outcome);
	}

	/**
	 * Returns what a scenario got when it last ran.
	 * @param scenario the scenario's identifier
	 * @return the result
	 */
	public Result result(String scenario) {
		WebElement row = this.driver.findElement(By.id(scenario));
		String status = row.getDomAttribute("data-status");
		String error = row.getDomAttribute("data-error");
		return new Result(row.getDomAttribute("data-outcome"),
				(status == null || status.isEmpty()) ? null : Integer.valueOf(status),
				(error == null || error.isEmpty()) ? null : error, row.findElement(By.tagName("output")).getText());
	}

	/**
	 * Takes a PNG screenshot of the whole page, resizing the window to the page's height
	 * first.
	 * @return the PNG image
	 */
	public byte[] screenshot() {
		JavascriptExecutor script = (JavascriptExecutor) this.driver;
		Dimension window = this.driver.manage().window().getSize();
		long viewport = (Long) script.executeScript("return window.innerHeight");
		long page = (Long) script.executeScript("return document.documentElement.scrollHeight");
		int height = (int) (window.getHeight() - viewport + page);
		this.driver.manage().window().setSize(new Dimension(window.getWidth(), height));
		return ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.BYTES);
	}

	private List<WebElement> rows() {
		return this.driver.findElements(By.cssSelector("#scenarios tr"));
	}

	/**
	 * What a scenario got, as the page shows it.
	 *
	 * @param outcome {@code pass} when it is what the page expected for its origin,
	 * {@code fail} otherwise
	 * @param status the response status the script read, or {@code null} when
	 * {@code fetch} failed
	 * @param error the error {@code fetch} failed with, or {@code null} when there was a
	 * response
	 * @param text the result as the page shows it: status, readable headers and body, or
	 * the error
	 */
	public record Result(@Nullable String outcome, @Nullable Integer status, @Nullable String error, String text) {

	}

}
