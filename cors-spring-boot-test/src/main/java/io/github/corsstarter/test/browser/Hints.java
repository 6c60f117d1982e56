package io.github.corsstarter.test.browser;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What to change on the server when the browser blocks a request. When the response is a
 * refusal by cors-spring-boot-starter (a 403 {@code application/problem+json} with one of
 * its titles), the hint names the {@code cors.*} property to change.
 */
final class Hints {

	private static final Pattern TITLE = Pattern.compile("\"title\"\\s*:\\s*\"([^\"]*)\"");

	private Hints() {
	}

	/**
	 * Returns the hint for a failed CORS check.
	 * @param failure what the check found
	 * @param response the response that failed it
	 * @param fetch what the script asked for
	 * @param preflight whether the response answered a preflight
	 * @return the hint
	 */
	static String corsCheck(CorsChecks.Failure failure, ServerResponse response, FetchCall fetch, boolean preflight) {
		String starter = starterRefusal(response, fetch, preflight);
		if (starter != null) {
			return starter;
		}
		String origin = fetch.origin();
		return switch (failure.problem()) {
			case WILDCARD_ORIGIN -> "The server answers 'Access-Control-Allow-Origin: *', which browsers refuse for a"
					+ " request with credentials: answer with the page's origin itself and"
					+ " 'Access-Control-Allow-Credentials: true' (cors-spring-boot-starter: list the origin in"
					+ " cors.origins and set cors.allow-credentials=true), or fetch without credentials.";
			case MISSING_ALLOW_ORIGIN -> missingAllowOrigin(response, origin, preflight);
			case MULTIPLE_ALLOW_ORIGIN -> "The response carries more than one Access-Control-Allow-Origin value ('"
					+ failure.value() + "'): usually a proxy or gateway adds CORS headers on top of the application's."
					+ " Let one of them answer CORS, and answer with one origin, the page's.";
			case INVALID_ALLOW_ORIGIN -> "'" + failure.value() + "' is not an origin: Access-Control-Allow-Origin must"
					+ " be the page's origin with its scheme, '" + origin + "' (cors.origins entries need the"
					+ " scheme too).";
			case ALLOW_ORIGIN_MISMATCH -> mismatch(failure.value(), origin);
			case INVALID_ALLOW_CREDENTIALS -> "The request includes credentials, so the response must carry"
					+ " 'Access-Control-Allow-Credentials: true', exactly, once (cors-spring-boot-starter:"
					+ " cors.allow-credentials=true), or fetch without credentials.";
		};
	}

	private static String missingAllowOrigin(ServerResponse response, String origin, boolean preflight) {
		int status = response.status();
		String request = preflight ? "The preflight" : "The request";
		if (status == 401 || status == 403) {
			return request + " was answered " + status + " without CORS headers: authentication or authorization ran"
					+ " before CORS. Let CORS answer first (cors-spring-boot-starter's filter runs before Spring"
					+ " Security on the paths it covers: check cors.paths and cors.exclude-paths).";
		}
		if (status == 404 || status == 405) {
			return request + " was answered " + status + " without CORS headers: nothing that does CORS handles this"
					+ " path" + (preflight ? " and method OPTIONS" : "") + ". Check the URL, and that the path is"
					+ " covered (cors.paths, cors.exclude-paths).";
		}
		return "The server does not allow the origin '" + origin + "': it sent no Access-Control-Allow-Origin. Allow"
				+ " the origin (cors-spring-boot-starter: add it to cors.origins) or check that the path is"
				+ " covered by CORS at all.";
	}

	private static String mismatch(String value, String origin) {
		if (value.equalsIgnoreCase(origin)) {
			return "'" + value + "' differs from the page's origin '" + origin + "' in case only: browsers compare"
					+ " origins exactly. Send the origin as the browser sent it.";
		}
		if (value.equals(origin + "/")) {
			return "'" + value + "' has a trailing slash: an origin has no path. Send '" + origin + "'.";
		}
		return "The server allows '" + value + "', not the page's origin '" + origin + "': origins match exactly"
				+ " (scheme, host, port). Allow '" + origin + "' (cors-spring-boot-starter: cors.origins).";
	}

	/**
	 * Returns the hint for a refusal by cors-spring-boot-starter, read from its problem
	 * document.
	 * @param response the response
	 * @param fetch what the script asked for
	 * @param preflight whether the response answered a preflight
	 * @return the hint, or {@code null} when the response is not the starter's refusal
	 */
	static @Nullable String starterRefusal(ServerResponse response, FetchCall fetch, boolean preflight) {
		String title = problemTitle(response);
		if (title == null) {
			return null;
		}
		String advice = switch (title) {
			case "Origin not allowed" -> "add '" + fetch.origin() + "' to cors.origins, or a pattern that matches it"
					+ " to cors.origin-patterns (or to the cors.mappings entry that covers this path).";
			case "Method not allowed" ->
				"add " + fetch.method() + " to cors.methods (or to the cors.mappings entry that covers this path).";
			case "Header not allowed" -> "add the request's headers (" + String.join(", ", fetch.unsafeNames())
					+ ") to cors.allowed-headers (or to the cors.mappings entry that covers this path).";
			case "Private network access not allowed" -> "set cors.allow-private-network=true.";
			case "Ambiguous path" -> "the URL has an encoded slash, semicolon or percent sign, or an empty or dot"
					+ " segment; no property allows it: fetch the plain path.";
			case "Malformed origin" -> "the Origin header was not one serialized origin.";
			default -> null;
		};
		return (advice != null) ? "cors-spring-boot-starter refused the " + (preflight ? "preflight" : "request") + " ("
				+ title + "): " + advice : null;
	}

	/**
	 * Returns the title of a 403 {@code application/problem+json} response.
	 */
	private static @Nullable String problemTitle(ServerResponse response) {
		String contentType = response.header("Content-Type");
		if (response.status() != 403 || contentType == null
				|| !contentType.toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
			return null;
		}
		Matcher matcher = TITLE.matcher(response.bodyText());
		return matcher.find() ? matcher.group(1) : null;
	}

	static String preflightStatus(ServerResponse response) {
		return "The preflight was answered " + response.status() + ": browsers need a 2xx (200 or 204) to a"
				+ " preflight. A 401 or 403 usually comes from authentication that runs before CORS; let OPTIONS"
				+ " requests with Access-Control-Request-Method through unauthenticated.";
	}

	static String preflightRedirect(ServerResponse response) {
		String location = response.header("Location");
		return "The preflight was answered " + response.status() + " to '" + location + "': a preflight is never"
				+ " redirected. Fetch the final URL (a missing trailing slash, http instead of https, or a login"
				+ " page are the usual causes).";
	}

	static String methodNotAllowed(ServerResponse response, FetchCall fetch) {
		String starter = starterRefusal(response, fetch, true);
		return (starter != null) ? starter : "Access-Control-Allow-Methods does not list "
				+ fetch.method().toUpperCase(Locale.ROOT) + " (cors-spring-boot-starter: cors.methods).";
	}

	static String unparsableList(String header) {
		return header + " is not a comma-separated list of tokens: write names such as 'GET, PUT' or"
				+ " 'Content-Type, Authorization', without quotes or other separators.";
	}

	static String headerNotAllowed(String name) {
		return "Access-Control-Allow-Headers does not list '" + name
				+ "' (cors-spring-boot-starter: add it to cors.allowed-headers).";
	}

	static String redirect(String problem) {
		return "The redirect was refused: " + problem + ".";
	}

	static String fetchCall(String problem) {
		return "fetch() rejects this call before sending anything (" + problem
				+ "): fix the call; the server is not involved.";
	}

}
