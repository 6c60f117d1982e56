package io.github.corsstarter.benchmarks.doubles;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.MappingMatch;
import org.jspecify.annotations.Nullable;

/**
 * A servlet request that allocates nothing itself: its headers are preset, the
 * enumerations it hands out are restarted rather than created, and its attributes live in
 * fixed arrays cleared by {@link #recycle()}. It stands for a request dispatched by a
 * container on the default servlet mapping ({@code /}), as Spring MVC's
 * {@code DispatcherServlet} is; methods the filters do not call throw.
 */
public final class PresetHttpServletRequest extends HttpServletRequestWrapper {

	private static final int MAX_ATTRIBUTES = 16;

	private static final HttpServletMapping DEFAULT_MAPPING = new HttpServletMapping() {

		@Override
		public String getMatchValue() {
			return "";
		}

		@Override
		public String getPattern() {
			return "/";
		}

		@Override
		public String getServletName() {
			return "dispatcherServlet";
		}

		@Override
		public MappingMatch getMappingMatch() {
			return MappingMatch.DEFAULT;
		}

	};

	private final String method;

	private final String requestUri;

	private final String scheme;

	private final String serverName;

	private final int serverPort;

	private final String[] headerNames;

	private final String[] firstValues;

	private final ReusableEnumeration[] headerValues;

	private final ReusableEnumeration headerNameEnumeration;

	private final ReusableEnumeration noValues = new ReusableEnumeration();

	private final @Nullable String[] attributeNames = new String[MAX_ATTRIBUTES];

	private final @Nullable Object[] attributeValues = new Object[MAX_ATTRIBUTES];

	private int attributeCount;

	/**
	 * Creates a request.
	 * @param method the method
	 * @param requestUri the request URI, which is also the servlet path
	 * @param scheme the scheme
	 * @param serverName the host
	 * @param serverPort the port
	 * @param headerLines pairs of header name and value, in the order received
	 */
	public PresetHttpServletRequest(String method, String requestUri, String scheme, String serverName, int serverPort,
			List<String[]> headerLines) {
		super(Unsupported.instance(HttpServletRequest.class));
		this.method = method;
		this.requestUri = requestUri;
		this.scheme = scheme;
		this.serverName = serverName;
		this.serverPort = serverPort;
		List<String> names = new ArrayList<>();
		List<List<String>> values = new ArrayList<>();
		for (String[] line : headerLines) {
			int index = indexOfIgnoringCase(names, line[0]);
			if (index < 0) {
				names.add(line[0]);
				values.add(new ArrayList<>());
				index = names.size() - 1;
			}
			values.get(index).add(line[1]);
		}
		this.headerNames = names.toArray(String[]::new);
		this.firstValues = new String[this.headerNames.length];
		this.headerValues = new ReusableEnumeration[this.headerNames.length];
		for (int i = 0; i < this.headerNames.length; i++) {
			this.firstValues[i] = values.get(i).get(0);
			this.headerValues[i] = new ReusableEnumeration(values.get(i).toArray(String[]::new));
		}
		this.headerNameEnumeration = new ReusableEnumeration(this.headerNames);
	}

	private static int indexOfIgnoringCase(List<String> names, String name) {
		for (int i = 0; i < names.size(); i++) {
			if (names.get(i).equalsIgnoreCase(name)) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * Forgets the attributes a filter set, ready for the next operation.
	 */
	public void recycle() {
		Arrays.fill(this.attributeNames, 0, this.attributeCount, null);
		Arrays.fill(this.attributeValues, 0, this.attributeCount, null);
		this.attributeCount = 0;
	}

	private int headerIndex(String name) {
		for (int i = 0; i < this.headerNames.length; i++) {
			if (this.headerNames[i].equalsIgnoreCase(name)) {
				return i;
			}
		}
		return -1;
	}

	@Override
	public @Nullable String getHeader(String name) {
		int index = headerIndex(name);
		return (index >= 0) ? this.firstValues[index] : null;
	}

	@Override
	public Enumeration<String> getHeaders(String name) {
		int index = headerIndex(name);
		return (index >= 0) ? this.headerValues[index].restart() : this.noValues.restart();
	}

	@Override
	public Enumeration<String> getHeaderNames() {
		return this.headerNameEnumeration.restart();
	}

	@Override
	public String getMethod() {
		return this.method;
	}

	@Override
	public String getRequestURI() {
		return this.requestUri;
	}

	@Override
	public String getContextPath() {
		return "";
	}

	@Override
	public String getServletPath() {
		return this.requestUri;
	}

	@Override
	public @Nullable String getPathInfo() {
		return null;
	}

	@Override
	public @Nullable String getQueryString() {
		return null;
	}

	@Override
	public HttpServletMapping getHttpServletMapping() {
		return DEFAULT_MAPPING;
	}

	@Override
	public String getScheme() {
		return this.scheme;
	}

	@Override
	public String getServerName() {
		return this.serverName;
	}

	@Override
	public int getServerPort() {
		return this.serverPort;
	}

	@Override
	public boolean isSecure() {
		return "https".equals(this.scheme);
	}

	@Override
	public String getProtocol() {
		return "HTTP/1.1";
	}

	@Override
	public @Nullable String getContentType() {
		return null;
	}

	@Override
	public @Nullable String getCharacterEncoding() {
		return null;
	}

	@Override
	public int getContentLength() {
		return -1;
	}

	@Override
	public long getContentLengthLong() {
		return -1;
	}

	@Override
	public DispatcherType getDispatcherType() {
		return DispatcherType.REQUEST;
	}

	@Override
	public boolean isAsyncStarted() {
		return false;
	}

	@Override
	public boolean isAsyncSupported() {
		return true;
	}

	@Override
	public @Nullable Object getAttribute(String name) {
		int index = attributeIndex(name);
		return (index >= 0) ? this.attributeValues[index] : null;
	}

	@Override
	public Enumeration<String> getAttributeNames() {
		throw new UnsupportedOperationException("Listing attributes would allocate; no filter benchmarked does it");
	}

	@Override
	public void setAttribute(String name, @Nullable Object value) {
		if (value == null) {
			removeAttribute(name);
			return;
		}
		int index = attributeIndex(name);
		if (index < 0) {
			if (this.attributeCount == MAX_ATTRIBUTES) {
				throw new IllegalStateException("More than " + MAX_ATTRIBUTES + " request attributes");
			}
			index = this.attributeCount++;
			this.attributeNames[index] = name;
		}
		this.attributeValues[index] = value;
	}

	@Override
	public void removeAttribute(String name) {
		int index = attributeIndex(name);
		if (index < 0) {
			return;
		}
		int last = --this.attributeCount;
		this.attributeNames[index] = this.attributeNames[last];
		this.attributeValues[index] = this.attributeValues[last];
		this.attributeNames[last] = null;
		this.attributeValues[last] = null;
	}

	private int attributeIndex(String name) {
		for (int i = 0; i < this.attributeCount; i++) {
			if (name.equals(this.attributeNames[i])) {
				return i;
			}
		}
		return -1;
	}

}
