package org.officialblogs.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answers Jetty gives by itself, before the app sees a request (a malformed request line, an address or headers
 * too long): a short page in plain words, with the same security headers as every page of the app, not Jetty's own.
 */
final class ServerErrorPages extends ErrorHandler {

    ServerErrorPages() {
        setShowStacks(false);
        setShowCauses(false);
        setShowMessageInTitle(false);
    }

    /**
     * Every error Jetty answers by itself (a malformed request line, an address or headers too long, a request that
     * reached no context): our short page, with the security headers.
     */
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = request.getAttribute(ERROR_STATUS) instanceof Integer code ? code : response.getStatus();
        SecurityHeaders.ALL.forEach((name, value) -> response.getHeaders().put(name, value));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(page(status).getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }

    static String page(int status) {
        String what = switch (status) {
            case 414 -> "The address is too long. Check the link, or shorten the search.";
            case 431 -> "The request's headers are too large. Clearing this site's cookies may help.";
            case 408 -> "The request took too long to arrive and was dropped. Please send it again.";
            case 413 -> "The request is larger than this site accepts.";
            default -> "The request could not be read. Check the address and try again.";
        };
        String title = status + " " + HttpStatus.getMessage(status);
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + " - Official Blogs</title>"
                + "</head><body><h1>" + title + "</h1><p>" + what + "</p><p><a href=\"/\">Official Blogs</a></p></body></html>\n";
    }
}
