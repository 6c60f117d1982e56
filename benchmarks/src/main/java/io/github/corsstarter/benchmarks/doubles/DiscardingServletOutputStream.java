package io.github.corsstarter.benchmarks.doubles;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;

/**
 * A response body that counts the bytes written to it and keeps none.
 */
final class DiscardingServletOutputStream extends ServletOutputStream {

	private long count;

	long count() {
		return this.count;
	}

	void recycle() {
		this.count = 0;
	}

	@Override
	public void write(int b) {
		this.count++;
	}

	@Override
	public void write(byte[] b, int off, int len) {
		this.count += len;
	}

	@Override
	public boolean isReady() {
		return true;
	}

	@Override
	public void setWriteListener(WriteListener writeListener) {
		throw new UnsupportedOperationException("Blocking output only");
	}

}
