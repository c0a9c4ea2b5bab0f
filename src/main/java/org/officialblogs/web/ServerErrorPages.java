package org.officialblogs.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
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

    /** Errors the HTTP parser finds: the connection answers with these bytes and headers, then closes. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        SecurityHeaders.ALL.forEach((name, value) -> fields.put(new HttpField(name, value)));
        fields.put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
        fields.put(HttpHeader.CACHE_CONTROL, "no-store");
        return ByteBuffer.wrap(page(status).getBytes(StandardCharsets.UTF_8));
    }

    /** Errors raised while a request is handled outside the app's routes. */
    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        SecurityHeaders.ALL.forEach((name, value) -> response.getHeaders().put(name, value));
        return super.handle(request, response, callback);
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
