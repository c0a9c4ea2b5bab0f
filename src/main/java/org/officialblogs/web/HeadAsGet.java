package org.officialblogs.web;

import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * HEAD answered like GET, without a body: the routes see a GET, and Jetty, which knows the request was a HEAD,
 * sends the same status and headers and leaves the body out. One wrapper rather than a HEAD route beside every GET.
 */
final class HeadAsGet extends Handler.Wrapper {

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!HttpMethod.HEAD.is(request.getMethod())) return super.handle(request, response, callback);
        return super.handle(new Request.Wrapper(request) {
            @Override
            public String getMethod() {
                return HttpMethod.GET.asString();
            }
        }, response, callback);
    }
}
