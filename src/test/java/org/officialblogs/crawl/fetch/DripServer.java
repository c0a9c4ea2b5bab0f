package org.officialblogs.crawl.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A raw socket server that answers one byte at a time, either inside the body (headers complete) or inside the
 * status line (headers never complete). It stops on its own after a bounded number of bytes.
 */
final class DripServer implements AutoCloseable {

    enum Where { BODY, HEADERS }

    private static final int MAX_DRIPS = 100;

    private final ServerSocket serverSocket;
    private final Thread acceptor;

    DripServer(String address, Where where, Duration interval) throws IOException {
        serverSocket = new ServerSocket(0, 10, InetAddress.getByName(address));
        acceptor = new Thread(() -> {
            while (!serverSocket.isClosed()) {
                try (Socket socket = serverSocket.accept()) {
                    drip(socket, where, interval);
                } catch (IOException | InterruptedException e) {
                    // the client hung up or the test closed us
                }
            }
        }, "drip-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private static void drip(Socket socket, Where where, Duration interval) throws IOException, InterruptedException {
        InputStream in = socket.getInputStream();
        int matched = 0;
        byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
        }
        OutputStream out = socket.getOutputStream();
        byte[] prefix = where == Where.BODY
                ? "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII)
                : new byte[0];
        out.write(prefix);
        out.flush();
        byte[] slow = "HTTP/1.1 200 OK\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < MAX_DRIPS; i++) {
            out.write(where == Where.BODY ? 'x' : slow[Math.min(i, slow.length - 1)]);
            out.flush();
            Thread.sleep(interval.toMillis());
        }
    }

    URI url(String path) {
        return URI.create("http://" + serverSocket.getInetAddress().getHostAddress() + ":"
                + serverSocket.getLocalPort() + path);
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
    }
}
