package io.github.corsstarter.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Enables {@link RequiresChromium} tests when Chromium and chromedriver are installed.
 * When either is missing, it disables them, or fails them under CI.
 */
class ChromiumCondition implements ExecutionCondition {

	private static final Log logger = LogFactory.getLog(ChromiumCondition.class);

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		List<Path> missing = Stream.of(HeadlessChromium.BROWSER, HeadlessChromium.DRIVER)
			.filter((binary) -> !Files.isExecutable(binary))
			.toList();
		if (missing.isEmpty()) {
			return ConditionEvaluationResult.enabled("Chromium and chromedriver are installed");
		}
		String message = "Chromium not found (" + missing.stream().map(Path::toString).collect(Collectors.joining(", "))
				+ "): install it with `apt-get install chromium chromium-driver` to run the browser tests";
		if ("true".equals(System.getenv("CI"))) {
			throw new IllegalStateException(message + "; CI must run them, and .ci/run installs it");
		}
		// Surefire counts skipped tests without saying why: say it in the build's output.
		logger.warn(context.getDisplayName() + " skipped. " + message);
		return ConditionEvaluationResult.disabled(message);
	}

}
