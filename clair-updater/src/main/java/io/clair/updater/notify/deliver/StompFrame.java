package io.clair.updater.notify.deliver;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One STOMP 1.2 frame ({@code COMMAND}, headers, body, NUL) and its encoding. Header values are escaped as 1.2
 * requires ({@code \\ \n \r :}) except in CONNECT and CONNECTED frames, where the specification forbids it; a
 * repeated header keeps its first value, as the specification says.
 */
record StompFrame(String command, Map<String, String> headers, byte[] body) {
    /** Larger frames from a broker are refused: we only ever read short answers (RECEIPT, ERROR, CONNECTED). */
    static final int MAX_FRAME = 1 << 20;

    StompFrame {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body == null ? new byte[0] : body;
    }

    String header(String name) {
        return headers.get(name);
    }

    void writeTo(OutputStream out) throws IOException {
        boolean escape = !command.equals("CONNECT") && !command.equals("CONNECTED");
        StringBuilder b = new StringBuilder(command).append('\n');
        headers.forEach((k, v) -> b.append(escape ? escape(k) : k).append(':').append(escape ? escape(v) : v)
                .append('\n'));
        if (body.length > 0) {
            b.append("content-length:").append(body.length).append('\n');
        }
        b.append('\n');
        out.write(b.toString().getBytes(StandardCharsets.UTF_8));
        out.write(body);
        out.write(0);
        out.flush();
    }

    /** Reads the next frame, skipping heart-beat newlines. */
    static StompFrame read(InputStream in) throws IOException {
        String command;
        do {
            command = line(in);
        } while (command.isEmpty());
        boolean unescape = !command.equals("CONNECTED");
        Map<String, String> headers = new LinkedHashMap<>();
        for (String l = line(in); !l.isEmpty(); l = line(in)) {
            int colon = l.indexOf(':');
            if (colon < 0) {
                throw new IOException("malformed STOMP header line \"" + l + "\"");
            }
            String k = l.substring(0, colon);
            String v = l.substring(colon + 1);
            headers.putIfAbsent(unescape ? unescape(k) : k, unescape ? unescape(v) : v);
        }
        byte[] body;
        String length = headers.get("content-length");
        if (length != null) {
            int n = Integer.parseInt(length.trim());
            if (n < 0 || n > MAX_FRAME) {
                throw new IOException("STOMP frame body of " + n + " bytes refused");
            }
            body = in.readNBytes(n);
            if (body.length < n || in.read() != 0) {
                throw new IOException("STOMP frame body not terminated by NUL");
            }
        } else {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            for (int c = next(in); c != 0; c = next(in)) {
                if (buf.size() >= MAX_FRAME) {
                    throw new IOException("STOMP frame body too large");
                }
                buf.write(c);
            }
            body = buf.toByteArray();
        }
        return new StompFrame(command, headers, body);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        for (int c = next(in); c != '\n'; c = next(in)) {
            if (buf.size() >= MAX_FRAME) {
                throw new IOException("STOMP frame line too long");
            }
            buf.write(c);
        }
        String s = buf.toString(StandardCharsets.UTF_8);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    private static int next(InputStream in) throws IOException {
        int c = in.read();
        if (c < 0) {
            throw new EOFException("STOMP broker closed the connection");
        }
        return c;
    }

    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace(":", "\\c");
    }

    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                b.append(c);
                continue;
            }
            char n = s.charAt(++i);
            b.append(switch (n) {
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 'c' -> ':';
                default -> n;
            });
        }
        return b.toString();
    }
}
