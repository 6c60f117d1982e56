package io.github.corsstarter.policy;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * An immutable {@link CorsRequest} whose every value is given up front, for asking a
 * {@link CorsPolicy} what it decides without a server: in a unit test of an
 * {@link OriginDecider} or of a {@code CorsPolicy} bean, or in the Actuator endpoint. For
 * example: <pre class="code">
 * CorsRequest preflight = PlainCorsRequest.preflight("https://app.example.com", "PUT")
 * 	.path("/api/items")
 * 	.accessControlRequestHeaders("content-type")
 * 	.build();
 * assertThat(policy.decide(preflight).kind()).isEqualTo(CorsDecision.Kind.PREFLIGHT);
 * </pre>
 * <p>
 * Unless told otherwise, a request is {@code GET /} without an {@code Origin} or any
 * other CORS header, received by {@code https://server.invalid}: a reserved host name
 * (RFC 2606) that no real origin shares, so that a request is never taken for a
 * same-origin one by accident. Values are kept as given, not checked, so that a malformed
 * request can be built too; only {@code null} is refused where the engine always expects
 * a value.
 */
public final class PlainCorsRequest implements CorsRequest {

	/** The method of a request built without one. */
	public static final String DEFAULT_METHOD = "GET";

	/** The path of a request built without one. */
	public static final String DEFAULT_PATH = "/";

	/** The scheme the server receives requests over, unless told otherwise. */
	public static final String DEFAULT_SCHEME = "https";

	/**
	 * The host of the server, unless told otherwise: a reserved name (RFC 2606) that no
	 * origin shares.
	 */
	public static final String DEFAULT_HOST = "server.invalid";

	private final String method;

	private final String path;

	private final List<String> origins;

	private final String scheme;

	private final String host;

	private final int port;

	private final @Nullable String accessControlRequestMethod;

	private final @Nullable String accessControlRequestHeaders;

	private final @Nullable String accessControlRequestPrivateNetwork;

	private PlainCorsRequest(Builder builder) {
		this.method = builder.method;
		this.path = builder.path;
		this.origins = builder.origins;
		this.scheme = builder.scheme;
		this.host = builder.host;
		this.port = builder.port;
		this.accessControlRequestMethod = builder.accessControlRequestMethod;
		this.accessControlRequestHeaders = builder.accessControlRequestHeaders;
		this.accessControlRequestPrivateNetwork = builder.accessControlRequestPrivateNetwork;
	}

	/**
	 * Starts a request with the defaults: {@code GET /} to
	 * {@code https://server.invalid}, without CORS headers.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Starts a preflight: an {@code OPTIONS} request with an {@code Origin} and an
	 * {@code Access-Control-Request-Method}.
	 * @param origin the {@code Origin} header value
	 * @param requestMethod the {@code Access-Control-Request-Method} header value
	 * @return a builder
	 */
	public static Builder preflight(String origin, String requestMethod) {
		return builder().method("OPTIONS").origin(origin).accessControlRequestMethod(requestMethod);
	}

	@Override
	public String method() {
		return this.method;
	}

	@Override
	public String path() {
		return this.path;
	}

	@Override
	public @Nullable String origin() {
		return this.origins.isEmpty() ? null : this.origins.get(0);
	}

	/**
	 * Returns every {@code Origin} header line, in order.
	 * @return the lines, empty when the request has no {@code Origin} header
	 */
	public List<String> origins() {
		return this.origins;
	}

	@Override
	public boolean hasSeveralOrigins() {
		return this.origins.size() > 1;
	}

	@Override
	public String scheme() {
		return this.scheme;
	}

	@Override
	public String host() {
		return this.host;
	}

	@Override
	public int port() {
		return this.port;
	}

	@Override
	public @Nullable String accessControlRequestMethod() {
		return this.accessControlRequestMethod;
	}

	@Override
	public @Nullable String accessControlRequestHeaders() {
		return this.accessControlRequestHeaders;
	}

	@Override
	public @Nullable String accessControlRequestPrivateNetwork() {
		return this.accessControlRequestPrivateNetwork;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		if (this == other) {
			return true;
		}
		if (!(other instanceof PlainCorsRequest that)) {
			return false;
		}
		return this.method.equals(that.method) && this.path.equals(that.path) && this.origins.equals(that.origins)
				&& this.scheme.equals(that.scheme) && this.host.equals(that.host) && this.port == that.port
				&& Objects.equals(this.accessControlRequestMethod, that.accessControlRequestMethod)
				&& Objects.equals(this.accessControlRequestHeaders, that.accessControlRequestHeaders)
				&& Objects.equals(this.accessControlRequestPrivateNetwork, that.accessControlRequestPrivateNetwork);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.method, this.path, this.origins, this.scheme, this.host, this.port,
				this.accessControlRequestMethod, this.accessControlRequestHeaders,
				this.accessControlRequestPrivateNetwork);
	}

	/**
	 * Returns the request as a test report shows it, for example
	 * {@code OPTIONS /api Origin=https://app.example.com ACRM=PUT to https://server.invalid},
	 * with values longer than 80 characters abbreviated.
	 */
	@Override
	public String toString() {
		StringBuilder text = new StringBuilder(this.method).append(' ').append(this.path);
		this.origins.forEach((origin) -> text.append(" Origin=").append(abbreviate(origin)));
		if (this.accessControlRequestMethod != null) {
			text.append(" ACRM=").append(abbreviate(this.accessControlRequestMethod));
		}
		if (this.accessControlRequestHeaders != null) {
			text.append(" ACRH=").append(abbreviate(this.accessControlRequestHeaders));
		}
		if (this.accessControlRequestPrivateNetwork != null) {
			text.append(" ACRPN=").append(abbreviate(this.accessControlRequestPrivateNetwork));
		}
		text.append(" to ").append(this.scheme).append("://").append(this.host);
		return ((this.port >= 0) ? text.append(':').append(this.port) : text).toString();
	}

	private static String abbreviate(String value) {
		return (value.length() <= 80) ? value : value.substring(0, 40) + "...(" + value.length() + " chars)";
	}

	/**
	 * Builds a {@link PlainCorsRequest}. A builder can be reused: each {@link #build()}
	 * takes the values it has then.
	 */
	public static final class Builder {

		private String method = DEFAULT_METHOD;

		private String path = DEFAULT_PATH;

		private List<String> origins = List.of();

		private String scheme = DEFAULT_SCHEME;

		private String host = DEFAULT_HOST;

		private int port = -1;

		private @Nullable String accessControlRequestMethod;

		private @Nullable String accessControlRequestHeaders;

		private @Nullable String accessControlRequestPrivateNetwork;

		private Builder() {
		}

		/**
		 * Sets the method, as received (methods are case-sensitive).
		 * @param method the method, {@value PlainCorsRequest#DEFAULT_METHOD} unless set
		 * @return this builder
		 */
		public Builder method(String method) {
			this.method = required(method, "method");
			return this;
		}

		/**
		 * Sets the path within the application, as received: percent-encoded, with any
		 * {@code ;parameters}.
		 * @param path the path, {@value PlainCorsRequest#DEFAULT_PATH} unless set
		 * @return this builder
		 */
		public Builder path(String path) {
			this.path = required(path, "path");
			return this;
		}

		/**
		 * Sets the {@code Origin} header, replacing any origin set before.
		 * @param origin the origin, or {@code null} for a request without {@code Origin}
		 * (the default)
		 * @return this builder
		 */
		public Builder origin(@Nullable String origin) {
			this.origins = (origin != null) ? List.of(origin) : List.of();
			return this;
		}

		/**
		 * Sets the {@code Origin} header lines, replacing any origin set before: more
		 * than one makes a request that no browser sends, which the policy refuses.
		 * @param origins the header lines, none for a request without {@code Origin}
		 * @return this builder
		 */
		public Builder origins(String... origins) {
			for (String origin : required(origins, "origins")) {
				required(origin, "an origin");
			}
			this.origins = List.of(origins);
			return this;
		}

		/**
		 * Sets the scheme the server received the request over.
		 * @param scheme {@code http} or {@code https},
		 * {@value PlainCorsRequest#DEFAULT_SCHEME} unless set
		 * @return this builder
		 */
		public Builder scheme(String scheme) {
			this.scheme = required(scheme, "scheme");
			return this;
		}

		/**
		 * Sets the host the server received the request for.
		 * @param host the host, {@value PlainCorsRequest#DEFAULT_HOST} unless set
		 * @return this builder
		 */
		public Builder host(String host) {
			this.host = required(host, "host");
			return this;
		}

		/**
		 * Sets the port the server received the request on.
		 * @param port the port, or {@code -1} (the default) when the scheme's default
		 * port applies
		 * @return this builder
		 */
		public Builder port(int port) {
			this.port = port;
			return this;
		}

		/**
		 * Sets the {@code Access-Control-Request-Method} header.
		 * @param accessControlRequestMethod the value, or {@code null} for none (the
		 * default)
		 * @return this builder
		 */
		public Builder accessControlRequestMethod(@Nullable String accessControlRequestMethod) {
			this.accessControlRequestMethod = accessControlRequestMethod;
			return this;
		}

		/**
		 * Sets the {@code Access-Control-Request-Headers} header, several lines joined
		 * with a comma.
		 * @param accessControlRequestHeaders the value, or {@code null} for none (the
		 * default)
		 * @return this builder
		 */
		public Builder accessControlRequestHeaders(@Nullable String accessControlRequestHeaders) {
			this.accessControlRequestHeaders = accessControlRequestHeaders;
			return this;
		}

		/**
		 * Sets the {@code Access-Control-Request-Private-Network} header.
		 * @param accessControlRequestPrivateNetwork the value, or {@code null} for none
		 * (the default)
		 * @return this builder
		 */
		public Builder accessControlRequestPrivateNetwork(@Nullable String accessControlRequestPrivateNetwork) {
			this.accessControlRequestPrivateNetwork = accessControlRequestPrivateNetwork;
			return this;
		}

		/**
		 * Builds the request.
		 * @return an immutable request
		 */
		public PlainCorsRequest build() {
			return new PlainCorsRequest(this);
		}

		private static <T> T required(@Nullable T value, String name) {
			if (value == null) {
				throw new IllegalArgumentException(name + " must not be null");
			}
			return value;
		}

	}

}
