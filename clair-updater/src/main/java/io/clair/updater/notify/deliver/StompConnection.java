package io.clair.updater.notify.deliver;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A minimal blocking STOMP 1.2 client for publishing: CONNECT, SEND, BEGIN/COMMIT/ABORT and DISCONNECT, each
 * confirmed by the broker's RECEIPT before the call returns (transactional SENDs by the COMMIT's), so that
 * "returned" means "the broker has it". No
 * subscriptions and no heart-beats (connections live for one delivery). An ERROR frame becomes an
 * {@link IOException} carrying the broker's message.
 */
final class StompConnection implements Closeable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private int receipts;

    private StompConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = new BufferedOutputStream(socket.getOutputStream());
    }

    /**
     * Connects to {@code host:port} ({@code [v6]:port} for IPv6) as {@code login} (null for none). The
     * {@code host} header is {@code /}, the default virtual host of RabbitMQ; ActiveMQ ignores it.
     */
    static StompConnection open(String hostPort, String login, String passcode, Duration timeout)
            throws IOException {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("broker address \"" + hostPort + "\" is not host:port");
        }
        String host = hostPort.substring(0, colon).replace("[", "").replace("]", "");
        int port = Integer.parseInt(hostPort.substring(colon + 1));
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            s.setSoTimeout((int) timeout.toMillis());
            StompConnection c = new StompConnection(s);
            Map<String, String> h = new LinkedHashMap<>();
            h.put("accept-version", "1.2");
            h.put("host", "/");
            h.put("heart-beat", "0,0");
            if (login != null) {
                h.put("login", login);
                h.put("passcode", passcode == null ? "" : passcode);
            }
            new StompFrame("CONNECT", h, null).writeTo(c.out);
            StompFrame answer = StompFrame.read(c.in);
            if (!answer.command().equals("CONNECTED")) {
                throw error(answer);
            }
            return c;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /**
     * Sends {@code body} as JSON to {@code destination}. Outside a transaction this waits for the broker's receipt.
     * Inside one ({@code transaction} not null) it does not: brokers such as RabbitMQ hold a transaction's frames,
     * and their receipts, until COMMIT, whose own receipt then confirms them all.
     */
    void send(String destination, byte[] body, String transaction) throws IOException {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("destination", destination);
        h.put("content-type", "application/json");
        if (transaction == null) {
            request("SEND", h, body);
        } else {
            h.put("transaction", transaction);
            new StompFrame("SEND", h, body).writeTo(out);
        }
    }

    void begin(String transaction) throws IOException {
        request("BEGIN", Map.of("transaction", transaction), null);
    }

    void commit(String transaction) throws IOException {
        request("COMMIT", Map.of("transaction", transaction), null);
    }

    void abort(String transaction) throws IOException {
        request("ABORT", Map.of("transaction", transaction), null);
    }

    /**
     * Disconnects politely (waiting for the broker's receipt), then closes the socket. A failed DISCONNECT is not an
     * error: everything sent before was already confirmed, and reporting it would make the caller send it again.
     */
    @Override
    public void close() throws IOException {
        try {
            if (!socket.isClosed()) {
                request("DISCONNECT", Map.of(), null);
            }
        } catch (IOException e) {
            // see above
        } finally {
            socket.close();
        }
    }

    private void request(String command, Map<String, String> headers, byte[] body) throws IOException {
        String id = "r" + (++receipts);
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put("receipt", id);
        new StompFrame(command, h, body).writeTo(out);
        while (true) {
            StompFrame f = StompFrame.read(in);
            if (f.command().equals("RECEIPT") && id.equals(f.header("receipt-id"))) {
                return;
            }
            if (f.command().equals("ERROR")) {
                socket.close();
                throw error(f);
            }
            // anything else (a stale receipt) is not an answer to this request
        }
    }

    private static IOException error(StompFrame f) {
        String message = f.header("message");
        String detail = new String(f.body(), StandardCharsets.UTF_8).strip();
        return new IOException("broker answered " + f.command() + (message == null ? "" : ": " + message)
                + (detail.isEmpty() ? "" : " (" + detail + ")"));
    }
}
