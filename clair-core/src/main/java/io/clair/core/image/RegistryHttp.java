package io.clair.core.image;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLException;

/**
 * Sends one request and turns the JDK's low-level failures into messages a user can act on
 * ({@code "registry: cannot connect to 127.0.0.1:5000 ...: Connection refused"}, {@code "unknown host"}, TLS).
 * Bodies are read up to a limit so that a misbehaving server cannot fill memory.
 */
final class RegistryHttp {
    /** Registries refuse manifests over 4 MiB; nothing else read into memory here is larger. */
    static final int MAX_BODY = 4 << 20;

    /** Status, headers, final URI and (capped) body of one response. */
    record Response(int statusCode, HttpHeaders headers, URI uri, byte[] body) {
    }

    private RegistryHttp() {
    }

    /** Sends and reads the body (at most {@link #MAX_BODY} bytes, else an error). */
    static Response send(HttpClient http, HttpRequest req, String what) throws IOException {
        HttpResponse<InputStream> res = exchange(http, req, what);
        try (InputStream in = res.body()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw new IOException("registry: " + req.method() + " " + req.uri() + " for " + what
                        + " returned more than " + MAX_BODY + " bytes");
            }
            return new Response(res.statusCode(), res.headers(), res.uri(), body);
        }
    }

    /** Sends and drops the body unread (closing the stream aborts a body the server sends despite a Range). */
    static Response head(HttpClient http, HttpRequest req, String what) throws IOException {
        HttpResponse<InputStream> res = exchange(http, req, what);
        res.body().close();
        return new Response(res.statusCode(), res.headers(), res.uri(), new byte[0]);
    }

    private static HttpResponse<InputStream> exchange(HttpClient http, HttpRequest req, String what)
            throws IOException {
        URI u = req.uri();
        String target = u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "");
        try {
            return http.send(req, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("registry: interrupted while fetching " + what);
        } catch (HttpTimeoutException e) {
            throw new IOException("registry: " + req.method() + " " + u + " for " + what + " timed out", e);
        } catch (ConnectException e) {
            if (hasCause(e, UnresolvedAddressException.class) || hasCause(e, UnknownHostException.class)) {
                throw new IOException("registry: unknown host " + u.getHost() + " (resolving " + what + ")", e);
            }
            // the JDK reports a refused connection as a ConnectException without any message
            String why = rootMessage(e);
            throw new IOException("registry: cannot connect to " + target + " for " + what + ": "
                    + (why.equals("ConnectException") ? "connection refused" : why), e);
        } catch (SSLException e) {
            throw new IOException("registry: TLS with " + target + " failed for " + what + ": " + rootMessage(e)
                    + "; if the registry serves plain HTTP, mark it insecure", e);
        } catch (IOException e) {
            if (hasCause(e, UnresolvedAddressException.class) || hasCause(e, UnknownHostException.class)) {
                throw new IOException("registry: unknown host " + u.getHost() + " (resolving " + what + ")", e);
            }
            throw new IOException("registry: " + req.method() + " " + u + " for " + what + " failed: "
                    + rootMessage(e), e);
        }
    }

    /**
     * {@code " CODE: message"} from a registry error body ({@code {"errors":[{"code","message"}]}}), else
     * {@code ": "} and a snippet of the body, else nothing.
     */
    static String errorDetail(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        try {
            JsonNode errors = ImageDocument.JSON.readTree(body).path("errors");
            if (errors.isArray() && !errors.isEmpty()) {
                JsonNode first = errors.get(0);
                return " " + first.path("code").asText("") + ": " + first.path("message").asText("");
            }
        } catch (IOException | RuntimeException e) {
            // not the registry error format: fall through to a snippet
        }
        String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).strip()
                .replaceAll("\\s+", " ");
        return text.isEmpty() ? "" : ": " + text;
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable t) {
        String msg = null;
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c.getMessage() != null && !c.getMessage().isBlank()) {
                msg = c.getMessage();
            }
        }
        return msg != null ? msg : t.getClass().getSimpleName();
    }
}
