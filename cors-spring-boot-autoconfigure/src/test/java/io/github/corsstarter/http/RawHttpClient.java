package io.github.corsstarter.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An HTTP/1.1 client over a plain socket, so that tests control every byte of the
 * request: duplicated headers, any Host, non-ASCII bytes, enormous values. One request
 * per connection.
 */
final class RawHttpClient {

	private final int port;

	RawHttpClient(int port) {
		this.port = port;
	}

	Response send(String method, String path, List<String[]> headers) throws IOException {
		return send(method, path, headers, null);
	}

	Response send(String method, String path, List<String[]> headers, byte[] body) throws IOException {
		ByteArrayOutputStream request = new ByteArrayOutputStream();
		write(request, method + " " + path + " HTTP/1.1\r\n");
		boolean hasHost = headers.stream().anyMatch((header) -> header[0].equalsIgnoreCase("Host"));
		if (!hasHost) {
			write(request, "Host: api.example.com\r\n");
		}
		for (String[] header : headers) {
			request.write((header[0] + ": ").getBytes(StandardCharsets.US_ASCII));
			request.write(header[1].getBytes(StandardCharsets.ISO_8859_1));
			write(request, "\r\n");
		}
		if (body != null) {
			write(request, "Content-Length: " + body.length + "\r\n");
		}
		write(request, "Connection: close\r\n\r\n");
		if (body != null) {
			request.write(body);
		}
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			socket.setSoTimeout(20_000);
			// Read while writing: a server may answer an oversized request and close
			// before reading all of it.
			CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> readAll(socket));
			try {
				OutputStream out = socket.getOutputStream();
				out.write(request.toByteArray());
				out.flush();
			}
			catch (IOException ex) {
				// The server stopped reading; its answer, if any, is still to be read.
			}
			try {
				return Response.parse(received.get(30, TimeUnit.SECONDS));
			}
			catch (InterruptedException | ExecutionException | TimeoutException ex) {
				throw new IOException("No response", ex);
			}
		}
	}

	private static byte[] readAll(Socket socket) {
		ByteArrayOutputStream received = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			InputStream in = socket.getInputStream();
			for (int n; (n = in.read(buffer)) >= 0;) {
				received.write(buffer, 0, n);
			}
		}
		catch (IOException ex) {
			// A reset after the answer: keep what arrived.
		}
		return received.toByteArray();
	}

	private static void write(ByteArrayOutputStream out, String s) {
		out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
	}

	static List<String[]> headers(String... namesAndValues) {
		List<String[]> headers = new ArrayList<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			headers.add(new String[] { namesAndValues[i], namesAndValues[i + 1] });
		}
		return headers;
	}

	/**
	 * A parsed response: status, every header line by lowercase name, and the body.
	 */
	record Response(int status, Map<String, List<String>> headers, String body) {

		List<String> headerValues(String name) {
			return this.headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
		}

		String header(String name) {
			List<String> values = headerValues(name);
			return values.isEmpty() ? null : String.join(", ", values);
		}

		/**
		 * Returns every token of every line of a list-valued header such as {@code Vary}.
		 */
		List<String> headerTokens(String name) {
			List<String> tokens = new ArrayList<>();
			for (String value : headerValues(name)) {
				for (String token : value.split(",")) {
					if (!token.isBlank()) {
						tokens.add(token.strip());
					}
				}
			}
			return tokens;
		}

		static Response parse(byte[] raw) throws IOException {
			String text = new String(raw, StandardCharsets.ISO_8859_1);
			int headerEnd = text.indexOf("\r\n\r\n");
			if (headerEnd < 0) {
				throw new IOException("Incomplete response: " + text);
			}
			String[] lines = text.substring(0, headerEnd).split("\r\n");
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			Map<String, List<String>> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers
					.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
							(name) -> new ArrayList<>())
					.add(lines[i].substring(colon + 1).strip());
			}
			String body = text.substring(headerEnd + 4);
			List<String> encoding = headers.getOrDefault("transfer-encoding", List.of());
			if (encoding.contains("chunked")) {
				body = dechunk(body);
			}
			return new Response(status, headers,
					new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
		}

		private static String dechunk(String chunked) {
			StringBuilder body = new StringBuilder();
			int position = 0;
			while (position < chunked.length()) {
				int lineEnd = chunked.indexOf("\r\n", position);
				int size = Integer.parseInt(chunked.substring(position, lineEnd).split(";")[0].strip(), 16);
				if (size == 0) {
					break;
				}
				body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
				position = lineEnd + 2 + size + 2;
			}
			return body.toString();
		}

	}

}
