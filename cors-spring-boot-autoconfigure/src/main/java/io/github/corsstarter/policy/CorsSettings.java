package io.github.corsstarter.policy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The settings a {@link CorsPolicy} is compiled from: the {@code cors.*} properties as
 * plain values, unchecked.
 * <p>
 * Every value may be left unset ({@code null}). At the top level an unset value takes its
 * default (see the {@code DEFAULT_*} constants); in a mapping it inherits the top level's
 * value. Lists are taken as written: the compiler trims each element and skips empty
 * ones. Each component is the {@code cors.*} property of the same name, written in kebab
 * case ({@code allowPrivateNetwork} is {@code cors.allow-private-network}): the compiler
 * names the property of each violation that way.
 *
 * @param origins exact allowed origins, {@code *} for any
 * @param originPatterns allowed origin patterns, such as {@code https://*.example.com} or
 * {@code http://localhost:*}
 * @param methods methods a preflight may ask for, {@code *} for any;
 * {@link #DEFAULT_METHODS} when unset
 * @param allowedHeaders request headers a preflight may ask for, {@code *} for any;
 * {@link #DEFAULT_ALLOWED_HEADERS} when unset
 * @param exposedHeaders response headers scripts may read
 * @param allowCredentials whether credentials are allowed; {@code false} when unset
 * @param maxAge how long a preflight answer may be cached; {@link #DEFAULT_MAX_AGE} when
 * unset
 * @param allowPrivateNetwork whether private network access is granted; {@code false}
 * when unset
 * @param allowInsecureOrigins whether plain-http origins other than loopback are accepted
 * with credentials; {@code false} when unset
 * @param preflightStatus status of an allowed preflight answer;
 * {@link #DEFAULT_PREFLIGHT_STATUS} when unset
 * @param paths path patterns the rules cover; {@link #DEFAULT_PATHS} when unset at the
 * top level, required in a mapping, which never inherits them
 * @param excludePaths path patterns within them that pass through untouched
 * @param mappings per-path settings, by name, in the order they are tried; their own
 * mappings are ignored
 */
public record CorsSettings(@Nullable List<String> origins, @Nullable List<String> originPatterns,
		@Nullable List<String> methods, @Nullable List<String> allowedHeaders, @Nullable List<String> exposedHeaders,
		@Nullable Boolean allowCredentials, @Nullable Duration maxAge, @Nullable Boolean allowPrivateNetwork,
		@Nullable Boolean allowInsecureOrigins, @Nullable Integer preflightStatus, @Nullable List<String> paths,
		@Nullable List<String> excludePaths, Map<String, CorsSettings> mappings) {

	/** Methods a preflight may ask for when {@code methods} is unset. */
	public static final List<String> DEFAULT_METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");

	/**
	 * Request headers a preflight may ask for when {@code allowed-headers} is unset: any.
	 */
	public static final List<String> DEFAULT_ALLOWED_HEADERS = List.of("*");

	/** How long browsers may cache a preflight answer when {@code max-age} is unset. */
	public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(30);

	/** Status of a preflight answer when {@code preflight-status} is unset. */
	public static final int DEFAULT_PREFLIGHT_STATUS = 204;

	/** Paths the policy covers when {@code paths} is unset: all. */
	public static final List<String> DEFAULT_PATHS = List.of("/**");

	/**
	 * Creates settings; {@link #builder()} is the readable way.
	 */
	public CorsSettings {
		origins = copy(origins);
		originPatterns = copy(originPatterns);
		methods = copy(methods);
		allowedHeaders = copy(allowedHeaders);
		exposedHeaders = copy(exposedHeaders);
		paths = copy(paths);
		excludePaths = copy(excludePaths);
		mappings = Collections.unmodifiableMap(new LinkedHashMap<>(mappings));
	}

	/**
	 * Starts settings with every value unset.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Returns the per-path settings, in the order they are tried.
	 * @return the mappings by name
	 */
	@Override
	public Map<String, CorsSettings> mappings() {
		return this.mappings;
	}

	private static @Nullable List<String> copy(@Nullable List<String> list) {
		// Elements may be null when bound from an empty YAML entry; the compiler skips
		// them.
		return (list != null) ? Collections.unmodifiableList(new ArrayList<>(list)) : null;
	}

	/**
	 * Builds {@link CorsSettings}. Each setter takes {@code null} to leave the value
	 * unset.
	 */
	public static final class Builder {

		private @Nullable List<String> origins;

		private @Nullable List<String> originPatterns;

		private @Nullable List<String> methods;

		private @Nullable List<String> allowedHeaders;

		private @Nullable List<String> exposedHeaders;

		private @Nullable Boolean allowCredentials;

		private @Nullable Duration maxAge;

		private @Nullable Boolean allowPrivateNetwork;

		private @Nullable Boolean allowInsecureOrigins;

		private @Nullable Integer preflightStatus;

		private @Nullable List<String> paths;

		private @Nullable List<String> excludePaths;

		private final Map<String, CorsSettings> mappings = new LinkedHashMap<>();

		private Builder() {
		}

		public Builder origins(@Nullable List<String> origins) {
			this.origins = copy(origins);
			return this;
		}

		public Builder origins(String... origins) {
			return origins(List.of(origins));
		}

		public Builder originPatterns(@Nullable List<String> originPatterns) {
			this.originPatterns = copy(originPatterns);
			return this;
		}

		public Builder originPatterns(String... originPatterns) {
			return originPatterns(List.of(originPatterns));
		}

		public Builder methods(@Nullable List<String> methods) {
			this.methods = copy(methods);
			return this;
		}

		public Builder methods(String... methods) {
			return methods(List.of(methods));
		}

		public Builder allowedHeaders(@Nullable List<String> allowedHeaders) {
			this.allowedHeaders = copy(allowedHeaders);
			return this;
		}

		public Builder allowedHeaders(String... allowedHeaders) {
			return allowedHeaders(List.of(allowedHeaders));
		}

		public Builder exposedHeaders(@Nullable List<String> exposedHeaders) {
			this.exposedHeaders = copy(exposedHeaders);
			return this;
		}

		public Builder exposedHeaders(String... exposedHeaders) {
			return exposedHeaders(List.of(exposedHeaders));
		}

		public Builder allowCredentials(@Nullable Boolean allowCredentials) {
			this.allowCredentials = allowCredentials;
			return this;
		}

		public Builder maxAge(@Nullable Duration maxAge) {
			this.maxAge = maxAge;
			return this;
		}

		public Builder allowPrivateNetwork(@Nullable Boolean allowPrivateNetwork) {
			this.allowPrivateNetwork = allowPrivateNetwork;
			return this;
		}

		public Builder allowInsecureOrigins(@Nullable Boolean allowInsecureOrigins) {
			this.allowInsecureOrigins = allowInsecureOrigins;
			return this;
		}

		public Builder preflightStatus(@Nullable Integer preflightStatus) {
			this.preflightStatus = preflightStatus;
			return this;
		}

		public Builder paths(@Nullable List<String> paths) {
			this.paths = copy(paths);
			return this;
		}

		public Builder paths(String... paths) {
			return paths(List.of(paths));
		}

		public Builder excludePaths(@Nullable List<String> excludePaths) {
			this.excludePaths = copy(excludePaths);
			return this;
		}

		public Builder excludePaths(String... excludePaths) {
			return excludePaths(List.of(excludePaths));
		}

		/**
		 * Adds per-path settings. Mappings are tried in the order they are added; the
		 * first whose paths match a request decides it. Their own mappings are ignored.
		 * @param name the name, used in property names of violations
		 * ({@code cors.mappings.<name>.*})
		 * @param mapping the settings; unset values inherit the top level's
		 * @return this builder
		 */
		public Builder mapping(String name, CorsSettings mapping) {
			this.mappings.put(name, mapping);
			return this;
		}

		/**
		 * Returns the settings.
		 * @return the settings
		 */
		public CorsSettings build() {
			return new CorsSettings(this.origins, this.originPatterns, this.methods, this.allowedHeaders,
					this.exposedHeaders, this.allowCredentials, this.maxAge, this.allowPrivateNetwork,
					this.allowInsecureOrigins, this.preflightStatus, this.paths, this.excludePaths, this.mappings);
		}

	}

}
