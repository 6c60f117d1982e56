package io.github.corsstarter.benchmarks.doubles;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.jspecify.annotations.Nullable;

/**
 * A servlet response that allocates nothing itself once warmed up: header values live in
 * lists that {@link #recycle()} empties but keeps, the body is counted and discarded.
 * {@link #getHeaders(String)} returns the live list of values (a container returns a
 * copy), and {@link #getHeaderNames()} one list refilled at each call. Methods the
 * filters do not call throw.
 */
public final class ReusableHttpServletResponse extends HttpServletResponseWrapper {

	private static final int MAX_HEADER_NAMES = 16;

	private final @Nullable String[] headerNames = new String[MAX_HEADER_NAMES];

	private final List<List<String>> headerValues = new ArrayList<>(MAX_HEADER_NAMES);

	private final List<String> headerNameList = new ArrayList<>(MAX_HEADER_NAMES);

	private final DiscardingServletOutputStream body = new DiscardingServletOutputStream();

	private int headerCount;

	private int status;

	private @Nullable String contentType;

	private @Nullable String characterEncoding;

	private boolean committed;

	/**
	 * Creates a response, ready for a first operation.
	 */
	public ReusableHttpServletResponse() {
		super(Unsupported.instance(HttpServletResponse.class));
		for (int i = 0; i < MAX_HEADER_NAMES; i++) {
			this.headerValues.add(new ArrayList<>(4));
		}
		recycle();
	}

	/**
	 * Empties the response for the next operation: status 200, no header, no body.
	 */
	public void recycle() {
		for (int i = 0; i < this.headerCount; i++) {
			this.headerNames[i] = null;
			this.headerValues.get(i).clear();
		}
		this.headerCount = 0;
		this.status = SC_OK;
		this.contentType = null;
		this.characterEncoding = null;
		this.committed = false;
		this.body.recycle();
	}

	/**
	 * Returns how many body bytes were written.
	 * @return the count
	 */
	public long bodyLength() {
		return this.body.count();
	}

	private int headerIndex(String name) {
		for (int i = 0; i < this.headerCount; i++) {
			if (name.equalsIgnoreCase(this.headerNames[i])) {
				return i;
			}
		}
		return -1;
	}

	private List<String> valuesForWriting(String name) {
		int index = headerIndex(name);
		if (index < 0) {
			if (this.headerCount == MAX_HEADER_NAMES) {
				throw new IllegalStateException("More than " + MAX_HEADER_NAMES + " response header names");
			}
			index = this.headerCount++;
			this.headerNames[index] = name;
		}
		return this.headerValues.get(index);
	}

	@Override
	public void setHeader(String name, @Nullable String value) {
		List<String> values = valuesForWriting(name);
		values.clear();
		if (value != null) {
			values.add(value);
		}
	}

	@Override
	public void addHeader(String name, String value) {
		valuesForWriting(name).add(value);
	}

	@Override
	public boolean containsHeader(String name) {
		int index = headerIndex(name);
		return index >= 0 && !this.headerValues.get(index).isEmpty();
	}

	@Override
	public @Nullable String getHeader(String name) {
		int index = headerIndex(name);
		if (index < 0 || this.headerValues.get(index).isEmpty()) {
			return null;
		}
		return this.headerValues.get(index).get(0);
	}

	@Override
	public Collection<String> getHeaders(String name) {
		int index = headerIndex(name);
		return (index >= 0) ? this.headerValues.get(index) : Collections.emptyList();
	}

	@Override
	public Collection<String> getHeaderNames() {
		this.headerNameList.clear();
		for (int i = 0; i < this.headerCount; i++) {
			if (!this.headerValues.get(i).isEmpty()) {
				this.headerNameList.add(this.headerNames[i]);
			}
		}
		return this.headerNameList;
	}

	@Override
	public void setStatus(int status) {
		this.status = status;
	}

	@Override
	public int getStatus() {
		return this.status;
	}

	@Override
	public void setContentType(@Nullable String contentType) {
		this.contentType = contentType;
	}

	@Override
	public @Nullable String getContentType() {
		return this.contentType;
	}

	@Override
	public void setCharacterEncoding(@Nullable String characterEncoding) {
		this.characterEncoding = characterEncoding;
	}

	@Override
	public @Nullable String getCharacterEncoding() {
		return this.characterEncoding;
	}

	@Override
	public void setContentLength(int length) {
		// The body is counted, not checked against a declared length.
	}

	@Override
	public void setContentLengthLong(long length) {
		// The body is counted, not checked against a declared length.
	}

	@Override
	public ServletOutputStream getOutputStream() {
		return this.body;
	}

	@Override
	public void flushBuffer() {
		this.committed = true;
	}

	@Override
	public boolean isCommitted() {
		return this.committed;
	}

}
