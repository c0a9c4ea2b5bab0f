package org.officialblogs.web;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ThreadLimitHandler;

/**
 * Jetty's bound on the threads one client address holds at once (its further requests wait their turn without a
 * thread), with the app's own idea of the client address: the proxy's X-Forwarded-For only from loopback.
 */
final class AddressThreadLimit extends ThreadLimitHandler {

    AddressThreadLimit(int threadsPerAddress) {
        super(null, false);
        setThreadLimit(threadsPerAddress);
        setEnabled(true);
    }

    @Override
    protected String getRemoteIP(Request request) {
        return WebApp.clientAddress(Request.getRemoteAddr(request), request.getHeaders().get("X-Forwarded-For"));
    }
}
