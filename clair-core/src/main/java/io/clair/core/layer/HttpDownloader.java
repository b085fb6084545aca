package io.clair.core.layer;

import io.clair.core.manifest.Digest;
import io.clair.core.manifest.LayerDescriptor;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.NoRouteToHostException;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.HttpsURLConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GETs a layer blob, following redirects itself the way registry clients do: blob URLs answer with a redirect to
 * storage on another host (S3, a CDN), and the registry's {@code Authorization} must not travel there.
 *
 * <p>The transfer goes through {@link HttpURLConnection} configured from the caller's {@link HttpClient} (its proxy
 * selector, TLS context, authenticator and connect timeout), not through the {@code HttpClient} itself: a blob is one
 * long sequential read, and the JDK client's reactive body pipeline spent 3–5 times the CPU of a plain socket stream
 * on it (190–400 ms against 40–100 ms for 187 MB over loopback, see docs/benchmarks.md), CPU a two-core indexer
 * needs for decompressing and hashing.
 */
final class HttpDownloader {
    private static final Logger LOG = LoggerFactory.getLogger(HttpDownloader.class);
    private static final int MAX_REDIRECTS = 10;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    /** Credentials that stay with the host they were given for. */
    private static final Set<String> SENSITIVE = Set.of("authorization", "cookie");
    /** Headers that belong to the HTTP transport; a manifest cannot set them (the JDK client refuses them too). */
    private static final Set<String> TRANSPORT = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "transfer-encoding", "keep-alive", "te", "trailer", "via");

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
            HttpURLConnection c = open(d, uri, layer.headers(), keepCredentials);
            int status = status(d, c, uri);
            if (REDIRECTS.contains(status)) {
                String location = c.getHeaderField("Location");
                c.disconnect(); // the redirect's body is not wanted
                URI from = uri;
                if (location == null) {
                    throw new LayerException(d, "GET " + show(from) + " returned " + status
                            + " without a Location header");
                }
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
                String body = snippet(c);
                throw new LayerException(d, "GET " + show(uri) + " returned " + status
                        + (body.isEmpty() ? "" : ": " + body));
            }
            long length = c.getContentLengthLong();
            try {
                return new Download(new Body(c, length, timeout), length, c.getContentType(), uri);
            } catch (IOException e) {
                c.disconnect();
                throw new LayerException(d, "GET " + show(uri) + ": " + e, e);
            }
        }
    }

    private HttpURLConnection open(Digest d, URI uri, Map<String, List<String>> headers, boolean withCredentials)
            throws LayerException {
        try {
            Proxy proxy = client.proxy().map(s -> s.select(uri)).filter(l -> !l.isEmpty()).map(l -> l.get(0))
                    .orElse(Proxy.NO_PROXY);
            HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection(proxy);
            if (c instanceof HttpsURLConnection tls) {
                tls.setSSLSocketFactory(client.sslContext().getSocketFactory());
            }
            client.authenticator().ifPresent(c::setAuthenticator);
            c.setInstanceFollowRedirects(false);
            c.setUseCaches(false);
            c.setConnectTimeout((int) Math.min(Integer.MAX_VALUE, client.connectTimeout().orElse(timeout).toMillis()));
            c.setReadTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            headers.forEach((name, values) -> {
                String lower = name.toLowerCase(Locale.ROOT);
                if (!withCredentials && SENSITIVE.contains(lower)) {
                    return;
                }
                if (TRANSPORT.contains(lower)) {
                    LOG.atWarn().addKeyValue("header", name).log("layer: skipping a header the client manages");
                    return;
                }
                for (String v : values) {
                    c.addRequestProperty(name, v);
                }
            });
            return c;
        } catch (IOException | IllegalArgumentException e) {
            throw new LayerException(d, "GET " + show(uri) + ": " + e, e);
        }
    }

    private int status(Digest d, HttpURLConnection c, URI uri) throws LayerException {
        String what = "GET " + show(uri);
        try {
            return c.getResponseCode();
        } catch (SocketTimeoutException e) {
            c.disconnect();
            boolean connect = e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("connect");
            throw new LayerException(d, what + (connect ? ": connect timed out"
                    : ": no response within " + timeout.toSeconds() + " s"), e);
        } catch (ConnectException | NoRouteToHostException e) {
            c.disconnect();
            throw new LayerException(d, what + ": connection refused or unreachable", e);
        } catch (UnknownHostException e) {
            c.disconnect();
            throw new LayerException(d, what + ": unknown host " + e.getMessage(), e);
        } catch (IOException e) {
            c.disconnect();
            throw new LayerException(d, what + ": " + e, e);
        }
    }

    /** The start of an error body (registries explain errors in JSON there), on one line. */
    private static String snippet(HttpURLConnection c) {
        try (InputStream in = c.getErrorStream()) {
            if (in == null) {
                return "";
            }
            byte[] buf = in.readNBytes(200);
            return new String(buf, StandardCharsets.UTF_8).replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        } catch (IOException e) {
            return "";
        } finally {
            c.disconnect();
        }
    }

    /**
     * The response body: a stall longer than the timeout and a body shorter than its {@code Content-Length} are
     * errors (the JDK stream would report the second as a clean end), and closing drops the connection, which also
     * wakes a reader blocked on it from another thread.
     */
    private static final class Body extends FilterInputStream {
        private final HttpURLConnection connection;
        private final long length;
        private final Duration timeout;
        private long read;

        Body(HttpURLConnection connection, long length, Duration timeout) throws IOException {
            super(connection.getInputStream());
            this.connection = connection;
            this.length = length;
            this.timeout = timeout;
        }

        @Override
        public int read() throws IOException {
            int b;
            try {
                b = in.read();
            } catch (SocketTimeoutException e) {
                throw stalled(e);
            }
            return counted(b < 0 ? -1 : 1) < 0 ? -1 : b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return counted(in.read(b, off, len));
            } catch (SocketTimeoutException e) {
                throw stalled(e);
            }
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] buf = new byte[(int) Math.min(Math.max(n, 0), 8192)];
            return Math.max(read(buf, 0, buf.length), 0); // through read, so that skipped bytes are counted
        }

        private int counted(int n) throws IOException {
            if (n < 0) {
                if (length >= 0 && read < length) {
                    throw new IOException("the body ended after " + read + " of " + length + " bytes");
                }
                return -1;
            }
            read += n;
            return n;
        }

        private IOException stalled(SocketTimeoutException e) {
            return new IOException("no data for " + timeout.toSeconds() + " s while reading the response body", e);
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                connection.disconnect();
            }
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
