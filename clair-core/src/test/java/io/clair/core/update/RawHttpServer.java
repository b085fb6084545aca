package io.clair.core.update;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A socket-level server that answers every request with the same raw bytes, for responses a well-behaved server
 * cannot produce: a body shorter than its {@code Content-Length}, or no answer at all (the connection stays open
 * until the server is closed).
 */
public final class RawHttpServer implements AutoCloseable {
    private final ServerSocket socket;
    private final byte[] response;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private RawHttpServer(byte[] response) throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.response = response;
        this.acceptor = new Thread(this::serve, "raw-http-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Answers with a {@code 200} that declares {@code declaredLength} bytes but sends only {@code body}. */
    public static RawHttpServer truncating(byte[] body, long declaredLength) {
        String head = "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: "
                + declaredLength + "\r\nConnection: close\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[h.length + body.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return create(all);
    }

    /** Reads the request and never answers. */
    public static RawHttpServer silent() {
        return create(null);
    }

    private static RawHttpServer create(byte[] response) {
        try {
            return new RawHttpServer(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
    }

    private void serve() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                open.add(s);
                readHead(s.getInputStream());
                if (response != null) {
                    try (s) {
                        OutputStream out = s.getOutputStream();
                        out.write(response);
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // Closed while accepting or the client went away: either way this connection is done.
            }
        }
    }

    private static void readHead(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            buf.write(b);
            byte[] a = buf.toByteArray();
            int n = a.length;
            if (n >= 4 && a[n - 4] == '\r' && a[n - 3] == '\n' && a[n - 2] == '\r' && a[n - 1] == '\n') {
                return;
            }
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
            for (Socket s : open) {
                s.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
