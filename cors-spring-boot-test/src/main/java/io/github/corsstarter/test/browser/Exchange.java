package io.github.corsstarter.test.browser;

/**
 * One request the browser sent and the response it got.
 *
 * @param request the request
 * @param response the response
 */
public record Exchange(BrowserRequest request, ServerResponse response) {

}
