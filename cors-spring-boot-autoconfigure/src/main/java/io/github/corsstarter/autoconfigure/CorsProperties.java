package io.github.corsstarter.autoconfigure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.corsstarter.policy.CorsSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * Configuration properties for app-wide CORS. Each setting of a policy is a component of
 * {@link CorsSettings}, which holds its default ({@code DEFAULT_*}); the fields here
 * start from those defaults, and {@link #toSettings()} hands the values over.
 */
@ConfigurationProperties("cors")
public class CorsProperties {

	/**
	 * Whether to apply CORS. When false, no filter is registered and no request is
	 * touched.
	 */
	private boolean enabled = true;

	/**
	 * Comma-separated list of exact origins allowed to make cross-origin requests, such
	 * as 'https://app.example.com'. '*' allows any origin, but never with credentials.
	 * Environment variable: CORS_ORIGINS.
	 */
	private List<String> origins = new ArrayList<>();

	/**
	 * Comma-separated list of origin patterns: 'https://*.example.com' allows one or more
	 * labels under the domain, 'http://localhost:*' any port of that host.
	 */
	private List<String> originPatterns = new ArrayList<>();

	/**
	 * Comma-separated list of methods a preflight may ask for, compared case-sensitively.
	 * '*' allows any. GET, HEAD and POST are always allowed.
	 */
	private List<String> methods = new ArrayList<>(CorsSettings.DEFAULT_METHODS);

	/**
	 * Comma-separated list of request headers a preflight may ask for, compared
	 * case-insensitively. '*' allows any, and is answered with the requested names.
	 */
	private List<String> allowedHeaders = new ArrayList<>(CorsSettings.DEFAULT_ALLOWED_HEADERS);

	/**
	 * Comma-separated list of response headers that scripts may read, such as
	 * 'X-Total-Count'.
	 */
	private List<String> exposedHeaders = new ArrayList<>();

	/**
	 * Whether cross-origin requests may carry credentials (cookies, Authorization) and
	 * scripts read their responses.
	 */
	private boolean allowCredentials;

	/**
	 * How long browsers may cache a preflight answer. Sent in seconds; a number without
	 * unit is seconds.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration maxAge = CorsSettings.DEFAULT_MAX_AGE;

	/**
	 * Whether to grant preflights that ask for private network access
	 * (Access-Control-Request-Private-Network).
	 */
	private boolean allowPrivateNetwork;

	/**
	 * Whether to accept plain-http origins other than loopback while credentials are
	 * allowed.
	 */
	private boolean allowInsecureOrigins;

	/**
	 * Status of an allowed preflight answer: 204 or 200.
	 */
	private int preflightStatus = CorsSettings.DEFAULT_PREFLIGHT_STATUS;

	/**
	 * Comma-separated list of path patterns the policy covers, such as '/api/**'.
	 */
	private List<String> paths = new ArrayList<>(CorsSettings.DEFAULT_PATHS);

	/**
	 * Comma-separated list of path patterns never touched: requests to them pass through
	 * without CORS headers.
	 */
	private List<String> excludePaths = new ArrayList<>();

	/**
	 * Order of the CORS filter. Defaults to CorsPolicyFilter.DEFAULT_ORDER (servlet) or
	 * CorsPolicyWebFilter.DEFAULT_ORDER (reactive), ahead of Spring Security.
	 */
	private @Nullable Integer filterOrder;

	/**
	 * Per-path policies, by name. Each takes 'paths' (required) and 'exclude-paths', and
	 * any of 'origins', 'origin-patterns', 'methods', 'allowed-headers',
	 * 'exposed-headers', 'allow-credentials', 'max-age', 'allow-private-network',
	 * 'allow-insecure-origins' and 'preflight-status'; unset keys inherit the top-level
	 * values. The first mapping whose paths match a request decides it.
	 */
	private Map<String, Mapping> mappings = new LinkedHashMap<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public List<String> getOrigins() {
		return this.origins;
	}

	public void setOrigins(List<String> origins) {
		this.origins = origins;
	}

	public List<String> getOriginPatterns() {
		return this.originPatterns;
	}

	public void setOriginPatterns(List<String> originPatterns) {
		this.originPatterns = originPatterns;
	}

	public List<String> getMethods() {
		return this.methods;
	}

	public void setMethods(List<String> methods) {
		this.methods = methods;
	}

	public List<String> getAllowedHeaders() {
		return this.allowedHeaders;
	}

	public void setAllowedHeaders(List<String> allowedHeaders) {
		this.allowedHeaders = allowedHeaders;
	}

	public List<String> getExposedHeaders() {
		return this.exposedHeaders;
	}

	public void setExposedHeaders(List<String> exposedHeaders) {
		this.exposedHeaders = exposedHeaders;
	}

	public boolean isAllowCredentials() {
		return this.allowCredentials;
	}

	public void setAllowCredentials(boolean allowCredentials) {
		this.allowCredentials = allowCredentials;
	}

	public Duration getMaxAge() {
		return this.maxAge;
	}

	public void setMaxAge(Duration maxAge) {
		this.maxAge = maxAge;
	}

	public boolean isAllowPrivateNetwork() {
		return this.allowPrivateNetwork;
	}

	public void setAllowPrivateNetwork(boolean allowPrivateNetwork) {
		this.allowPrivateNetwork = allowPrivateNetwork;
	}

	public boolean isAllowInsecureOrigins() {
		return this.allowInsecureOrigins;
	}

	public void setAllowInsecureOrigins(boolean allowInsecureOrigins) {
		this.allowInsecureOrigins = allowInsecureOrigins;
	}

	public int getPreflightStatus() {
		return this.preflightStatus;
	}

	public void setPreflightStatus(int preflightStatus) {
		this.preflightStatus = preflightStatus;
	}

	public List<String> getPaths() {
		return this.paths;
	}

	public void setPaths(List<String> paths) {
		this.paths = paths;
	}

	public List<String> getExcludePaths() {
		return this.excludePaths;
	}

	public void setExcludePaths(List<String> excludePaths) {
		this.excludePaths = excludePaths;
	}

	public @Nullable Integer getFilterOrder() {
		return this.filterOrder;
	}

	public void setFilterOrder(@Nullable Integer filterOrder) {
		this.filterOrder = filterOrder;
	}

	public Map<String, Mapping> getMappings() {
		return this.mappings;
	}

	public void setMappings(Map<String, Mapping> mappings) {
		this.mappings = mappings;
	}

	/**
	 * Returns the engine's settings for these properties, mappings included, for an
	 * application that compiles or swaps policies itself: for example
	 * {@code holder.replace(properties.toSettings())} on a
	 * {@link io.github.corsstarter.policy.CorsPolicyHolder} after binding {@code cors.*}
	 * afresh with
	 * {@code Binder.get(environment).bindOrCreate("cors", CorsProperties.class)}. The
	 * settings are not checked here: compiling them does that. {@code enabled} and
	 * {@code filter-order} are not settings of a policy and are left out.
	 * @return the settings, a snapshot that later changes to these properties do not
	 * affect
	 */
	public CorsSettings toSettings() {
		CorsSettings.Builder settings = CorsSettings.builder()
			.origins(this.origins)
			.originPatterns(this.originPatterns)
			.methods(this.methods)
			.allowedHeaders(this.allowedHeaders)
			.exposedHeaders(this.exposedHeaders)
			.allowCredentials(this.allowCredentials)
			.maxAge(this.maxAge)
			.allowPrivateNetwork(this.allowPrivateNetwork)
			.allowInsecureOrigins(this.allowInsecureOrigins)
			.preflightStatus(this.preflightStatus)
			.paths(this.paths)
			.excludePaths(this.excludePaths);
		this.mappings.forEach((name, mapping) -> settings.mapping(name, mapping.toSettings()));
		return settings.build();
	}

	/**
	 * A per-path policy. Every key but paths inherits the top-level value when unset.
	 */
	public static class Mapping {

		/**
		 * Comma-separated list of path patterns this mapping covers, such as
		 * '/api/public/**'. Required.
		 */
		private @Nullable List<String> paths;

		/**
		 * Comma-separated list of path patterns within this mapping that are never
		 * touched.
		 */
		private @Nullable List<String> excludePaths;

		/**
		 * Comma-separated list of exact allowed origins. Defaults to the top-level
		 * 'cors.origins'.
		 */
		private @Nullable List<String> origins;

		/**
		 * Comma-separated list of origin patterns. Defaults to the top-level
		 * 'cors.origin-patterns'.
		 */
		private @Nullable List<String> originPatterns;

		/**
		 * Comma-separated list of methods a preflight may ask for. Defaults to the
		 * top-level 'cors.methods'.
		 */
		private @Nullable List<String> methods;

		/**
		 * Comma-separated list of request headers a preflight may ask for. Defaults to
		 * the top-level 'cors.allowed-headers'.
		 */
		private @Nullable List<String> allowedHeaders;

		/**
		 * Comma-separated list of response headers scripts may read. Defaults to the
		 * top-level 'cors.exposed-headers'.
		 */
		private @Nullable List<String> exposedHeaders;

		/**
		 * Whether credentials are allowed. Defaults to the top-level
		 * 'cors.allow-credentials'.
		 */
		private @Nullable Boolean allowCredentials;

		/**
		 * How long browsers may cache a preflight answer; a number without unit is
		 * seconds. Defaults to the top-level 'cors.max-age'.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private @Nullable Duration maxAge;

		/**
		 * Whether to grant private network access. Defaults to the top-level
		 * 'cors.allow-private-network'.
		 */
		private @Nullable Boolean allowPrivateNetwork;

		/**
		 * Whether to accept plain-http origins with credentials. Defaults to the
		 * top-level 'cors.allow-insecure-origins'.
		 */
		private @Nullable Boolean allowInsecureOrigins;

		/**
		 * Status of an allowed preflight answer, 204 or 200. Defaults to the top-level
		 * 'cors.preflight-status'.
		 */
		private @Nullable Integer preflightStatus;

		public @Nullable List<String> getPaths() {
			return this.paths;
		}

		public void setPaths(@Nullable List<String> paths) {
			this.paths = paths;
		}

		public @Nullable List<String> getExcludePaths() {
			return this.excludePaths;
		}

		public void setExcludePaths(@Nullable List<String> excludePaths) {
			this.excludePaths = excludePaths;
		}

		public @Nullable List<String> getOrigins() {
			return this.origins;
		}

		public void setOrigins(@Nullable List<String> origins) {
			this.origins = origins;
		}

		public @Nullable List<String> getOriginPatterns() {
			return this.originPatterns;
		}

		public void setOriginPatterns(@Nullable List<String> originPatterns) {
			this.originPatterns = originPatterns;
		}

		public @Nullable List<String> getMethods() {
			return this.methods;
		}

		public void setMethods(@Nullable List<String> methods) {
			this.methods = methods;
		}

		public @Nullable List<String> getAllowedHeaders() {
			return this.allowedHeaders;
		}

		public void setAllowedHeaders(@Nullable List<String> allowedHeaders) {
			this.allowedHeaders = allowedHeaders;
		}

		public @Nullable List<String> getExposedHeaders() {
			return this.exposedHeaders;
		}

		public void setExposedHeaders(@Nullable List<String> exposedHeaders) {
			this.exposedHeaders = exposedHeaders;
		}

		public @Nullable Boolean getAllowCredentials() {
			return this.allowCredentials;
		}

		public void setAllowCredentials(@Nullable Boolean allowCredentials) {
			this.allowCredentials = allowCredentials;
		}

		public @Nullable Duration getMaxAge() {
			return this.maxAge;
		}

		public void setMaxAge(@Nullable Duration maxAge) {
			this.maxAge = maxAge;
		}

		public @Nullable Boolean getAllowPrivateNetwork() {
			return this.allowPrivateNetwork;
		}

		public void setAllowPrivateNetwork(@Nullable Boolean allowPrivateNetwork) {
			this.allowPrivateNetwork = allowPrivateNetwork;
		}

		public @Nullable Boolean getAllowInsecureOrigins() {
			return this.allowInsecureOrigins;
		}

		public void setAllowInsecureOrigins(@Nullable Boolean allowInsecureOrigins) {
			this.allowInsecureOrigins = allowInsecureOrigins;
		}

		public @Nullable Integer getPreflightStatus() {
			return this.preflightStatus;
		}

		public void setPreflightStatus(@Nullable Integer preflightStatus) {
			this.preflightStatus = preflightStatus;
		}

		CorsSettings toSettings() {
			return CorsSettings.builder()
				.paths(this.paths)
				.excludePaths(this.excludePaths)
				.origins(this.origins)
				.originPatterns(this.originPatterns)
				.methods(this.methods)
				.allowedHeaders(this.allowedHeaders)
				.exposedHeaders(this.exposedHeaders)
				.allowCredentials(this.allowCredentials)
				.maxAge(this.maxAge)
				.allowPrivateNetwork(this.allowPrivateNetwork)
				.allowInsecureOrigins(this.allowInsecureOrigins)
				.preflightStatus(this.preflightStatus)
				.build();
		}

	}

}
