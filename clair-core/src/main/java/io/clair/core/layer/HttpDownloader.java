package io.clair.core.layer;

import io.clair.core.manifest.Digest;
import io.clair.core.manifest.LayerDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Flow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GETs a layer blob, following redirects itself the way registry clients do: blob URLs answer with a redirect to
 * storage on another host (S3, a CDN), and the registry's {@code Authorization} must not travel there.
 */
final class HttpDownloader {
    private static final Logger LOG = LoggerFactory.getLogger(HttpDownloader.class);
    private static final int MAX_REDIRECTS = 10;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    /** Credentials that stay with the host they were given for. */
    private static final Set<String> SENSITIVE = Set.of("authorization", "cookie");

    private final HttpClient client;
    private final Duration timeout;

    HttpDownloader(HttpClient client, Duration timeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.timeout = timeout;
    }

    /** An open response body and what the response said about it. */
    record Download(InputStream body, long length, String contentType, URI uri) {
    }

    Download get(LayerDescriptor layer) throws LayerException {
        Digest d = layer.hash();
        URI uri = layer.uri();
        boolean keepCredentials = true;
        for (int hop = 0; ; hop++) {
            HttpResponse<Flow.Publisher<List<ByteBuffer>>> resp = send(d, request(uri, layer.headers(),
                    keepCredentials));
            int status = resp.statusCode();
            if (REDIRECTS.contains(status)) {
                discard(resp);
                URI from = uri;
                String location = resp.headers().firstValue("Location").orElseThrow(() -> new LayerException(d,
                        "GET " + show(from) + " returned " + status + " without a Location header"));
                if (hop >= MAX_REDIRECTS) {
                    throw new LayerException(d, "GET " + show(layer.uri()) + ": more than " + MAX_REDIRECTS
                            + " redirects");
                }
                URI next = uri.resolve(location.trim());
                String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
                if (!scheme.equals("http") && !scheme.equals("https")) {
                    throw new LayerException(d, "GET " + show(uri) + " redirected to unsupported scheme \""
                            + scheme + "\"");
                }
                if (keepCredentials && !sameOrigin(uri, next)) {
                    keepCredentials = false; // and never again for this blob, even if redirected back
                }
                LOG.atDebug().addKeyValue("layer", d).addKeyValue("status", status).addKeyValue("from", show(uri))
                        .addKeyValue("to", show(next)).addKeyValue("credentials", keepCredentials)
                        .log("layer: following redirect");
                uri = next;
                continue;
            }
            if (status != 200) {
                String body = snippet(resp);
                throw new LayerException(d, "GET " + show(uri) + " returned " + status
                        + (body.isEmpty() ? "" : ": " + body));
            }
            BodyStream body = new BodyStream(timeout);
            resp.body().subscribe(body);
            long length = resp.headers().firstValueAsLong("Content-Length").orElse(-1);
            return new Download(body, length, resp.headers().firstValue("Content-Type").orElse(null), uri);
        }
    }

    private HttpRequest request(URI uri, Map<String, List<String>> headers, boolean withCredentials) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET().timeout(timeout);
        headers.forEach((name, values) -> {
            if (!withCredentials && SENSITIVE.contains(name.toLowerCase(Locale.ROOT))) {
                return;
            }
            for (String v : values) {
                try {
                    b.header(name, v);
                } catch (IllegalArgumentException e) {
                    // Host, Connection and the like belong to the HTTP client; a manifest cannot set them
                    LOG.atWarn().addKeyValue("header", name).log("layer: skipping a header the client manages");
                    break;
                }
            }
        });
        return b.build();
    }

    private HttpResponse<Flow.Publisher<List<ByteBuffer>>> send(Digest d, HttpRequest req) throws LayerException {
        String what = "GET " + show(req.uri());
        try {
            return client.send(req, HttpResponse.BodyHandlers.ofPublisher());
        } catch (HttpConnectTimeoutException e) {
            throw new LayerException(d, what + ": connect timed out", e);
        } catch (HttpTimeoutException e) {
            throw new LayerException(d, what + ": no response within " + timeout.toSeconds() + " s", e);
        } catch (ConnectException e) {
            throw new LayerException(d, what + ": connection refused or unreachable", e);
        } catch (IOException e) {
            throw new LayerException(d, what + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LayerException(d, what + ": interrupted", e);
        }
    }

    /** Redirect bodies are not wanted; cancelling releases the exchange. */
    private static void discard(HttpResponse<Flow.Publisher<List<ByteBuffer>>> r) {
        BodyStream s = new BodyStream(Duration.ofSeconds(1));
        r.body().subscribe(s);
        s.close();
    }

    /** The start of an error body (registries explain errors in JSON there), on one line. */
    private String snippet(HttpResponse<Flow.Publisher<List<ByteBuffer>>> r) {
        BodyStream s = new BodyStream(Duration.ofSeconds(Math.min(5, timeout.toSeconds() + 1)));
        r.body().subscribe(s);
        try (s) {
            byte[] buf = s.readNBytes(200);
            return new String(buf, StandardCharsets.UTF_8).replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        } catch (IOException e) {
            return "";
        }
    }

    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme())
                && String.valueOf(a.getHost()).equalsIgnoreCase(String.valueOf(b.getHost()))
                && port(a) == port(b);
    }

    private static int port(URI u) {
        if (u.getPort() >= 0) {
            return u.getPort();
        }
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    /** A URI for messages and logs: without its query, where pre-signed storage URLs keep their signature. */
    static String show(URI u) {
        if (u.getRawQuery() == null && u.getRawUserInfo() == null) {
            return u.toString();
        }
        String s = u.getScheme() + "://" + u.getHost() + (u.getPort() >= 0 ? ":" + u.getPort() : "")
                + (u.getRawPath() == null ? "" : u.getRawPath());
        return u.getRawQuery() == null ? s : s + "?…";
    }
}
