package io.github.corsstarter.test.browser;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * A server that answers a {@link CorsCase} as the table says, in memory: preflights with
 * the case's preflight answer, the redirect target with its redirected answer, anything
 * else with its response. It remembers what it received.
 */
public final class ScriptedServer implements BrowserTransport {

	/**
	 * The page's origin the model runs the tables from.
	 */
	public static final String PAGE = "http://127.0.0.1:5173";

	/**
	 * The API's origin: another port of the same host.
	 */
	public static final String API = "http://127.0.0.1:8080";

	/**
	 * The cookie the browser holds for the API.
	 */
	public static final String COOKIE = "lab=crumb";

	private final CorsCase scripted;

	private final List<BrowserRequest> received = new ArrayList<>();

	/**
	 * Creates a server for a case.
	 * @param scripted the case
	 */
	public ScriptedServer(CorsCase scripted) {
		this.scripted = scripted;
	}

	/**
	 * Runs a case's fetch from {@link #PAGE} against a server scripted by the case.
	 * @param scripted the case
	 * @return the result
	 */
	public static FetchResult run(CorsCase scripted) {
		return ChromiumFetch.run(call(scripted, PAGE, URI.create(API + scripted.path())), new ScriptedServer(scripted));
	}

	/**
	 * Returns the script's call for a case, holding {@link #COOKIE} for the API.
	 * @param scripted the case
	 * @param page the page's origin
	 * @param url the URL to fetch
	 * @return the call
	 */
	public static FetchCall call(CorsCase scripted, String page, URI url) {
		FetchCall.Builder call = FetchCall.builder(page, scripted.method(), url)
			.credentials(scripted.credentials())
			.body(scripted.body())
			.cookies(COOKIE);
		scripted.headers().forEach((header) -> call.header(header.name(), header.value()));
		return call.build();
	}

	@Override
	public ServerResponse exchange(BrowserRequest request) {
		this.received.add(request);
		CorsCase.Reply reply;
		if (request.method().equals("OPTIONS")) {
			reply = this.scripted.preflight();
		}
		else if (request.url().getPath().equals(this.scripted.targetPath())) {
			reply = this.scripted.redirected();
		}
		else if (request.url().getPath().equals(this.scripted.path())) {
			reply = this.scripted.response();
		}
		else {
			reply = CorsCase.NOT_FOUND;
		}
		return reply.forOrigin(PAGE).toResponse();
	}

	/**
	 * Returns the requests received, in order.
	 * @return the requests
	 */
	public List<BrowserRequest> received() {
		return List.copyOf(this.received);
	}

}
