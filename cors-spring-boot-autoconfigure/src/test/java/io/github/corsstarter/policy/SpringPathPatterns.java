package io.github.corsstarter.policy;

import org.jspecify.annotations.Nullable;

import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.web.util.pattern.PatternParseException;

/**
 * Spring's own {@code PathPattern}, parsed and matched as a default
 * {@code PathPatternParser} does in request mappings: the reference the starter's path
 * patterns are held against in tests.
 */
final class SpringPathPatterns {

	private SpringPathPatterns() {
	}

	/**
	 * Returns whether Spring's pattern matches a path that is already routed (decoded,
	 * without parameters).
	 */
	static boolean matches(String pattern, String routedPath) {
		PathContainer path = PathContainer.parsePath(routedPath, PathContainer.Options.create('/', false));
		return PathPatternParser.defaultInstance.parse(pattern).matches(path);
	}

	/**
	 * Returns whether Spring's pattern matches a request path as the router sees it: the
	 * raw path decoded and without parameters, segment by segment.
	 */
	static boolean matchesRequest(String pattern, String rawPath) {
		return PathPatternParser.defaultInstance.parse(pattern).matches(RequestPath.parse(rawPath, null));
	}

	/**
	 * Returns why Spring's parser refuses a pattern, or {@code null} when it accepts it.
	 */
	static @Nullable String problem(String pattern) {
		try {
			PathPatternParser.defaultInstance.parse(pattern);
			return null;
		}
		catch (PatternParseException ex) {
			return ex.getMessage();
		}
	}

}
