package io.clair.core.update;

import io.clair.core.plugin.PluginContext;
import io.clair.core.vuln.Fingerprint;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Conditional HTTP download for updaters, so that an unchanged source costs one request.
 *
 * <p>{@link #fetch} sends {@code If-None-Match} / {@code If-Modified-Since} from the previous {@link HttpFingerprint};
 * a {@code 304} is {@link FetchResult.Unchanged}. A {@code 2xx} body is streamed to a temporary file under
 * {@link PluginContext#tempDir()} while its SHA-256 is computed; if the hash equals the previous one (a server that
 * gives no validators, or ignores them) the file is deleted and the result is again {@code Unchanged}. Otherwise the
 * result is {@link FetchResult.Changed} with the new fingerprint, and the caller owns (and deletes) the file.
 *
 * <p>Every failure is an {@link IOException} whose message starts with the component name and names the request:
 * another status ({@code "alpine: GET https://... returned 500"}), connection failures, timeouts, a body shorter than
 * its {@code Content-Length}, an empty body. Nothing is left on disk after a failure.
 */
public final class HttpSource {
    private static final Logger log = LoggerFactory.getLogger(HttpSource.class);

    /** How long to wait for the response headers of one request. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    private final HttpClient http;
    private final Path tempDir;
    private final String component;
    private final Duration timeout;

    /**
     * @param ctx       supplies the shared HTTP client and the temporary directory
     * @param component prefix of every error message, usually the updater set name ({@code "alpine"})
     */
    public HttpSource(PluginContext ctx, String component) {
        this(ctx.http(), ctx.tempDir(), component, DEFAULT_TIMEOUT);
    }

    private HttpSource(HttpClient http, Path tempDir, String component, Duration timeout) {
        this.http = Objects.requireNonNull(http, "http");
        this.tempDir = Objects.requireNonNull(tempDir, "tempDir");
        this.component = Objects.requireNonNull(component, "component");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** The same source with another response timeout. */
    public HttpSource withTimeout(Duration newTimeout) {
        return new HttpSource(http, tempDir, component, newTimeout);
    }

    /**
     * Downloads {@code uri} unless {@code previous} shows it unchanged.
     *
     * @param updater  the updater on whose behalf this runs, for logs and the temporary file name
     * @param previous the fingerprint of the last successful run, or {@link Fingerprint#NONE}
     */
    public FetchResult fetch(String updater, URI uri, Fingerprint previous) throws IOException {
        HttpFingerprint prev = HttpFingerprint.decode(previous);
        HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(timeout).GET();
        if (!prev.etag().isEmpty()) {
            req.header("If-None-Match", prev.etag());
        }
        if (!prev.lastModified().isEmpty()) {
            req.header("If-Modified-Since", prev.lastModified());
        }
        HttpResponse<InputStream> res = send(req.build(), uri);
        try (InputStream body = res.body()) {
            if (res.statusCode() == 304) {
                log.atInfo().addKeyValue("updater", updater).addKeyValue("uri", uri).log("source not modified");
                return FetchResult.unchanged();
            }
            requireSuccess(res, uri);
            return download(updater, uri, prev, res, body);
        }
    }

    /**
     * Reads a small text resource (such as a directory index) unconditionally.
     *
     * @param maxBytes larger bodies fail rather than fill memory
     */
    public String fetchText(URI uri, int maxBytes) throws IOException {
        HttpResponse<InputStream> res = send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(), uri);
        try (InputStream body = res.body()) {
            requireSuccess(res, uri);
            byte[] bytes;
            try {
                bytes = body.readNBytes(maxBytes + 1);
            } catch (IOException e) {
                throw new IOException(prefix(uri) + " body unreadable: " + e.getMessage(), e);
            }
            if (bytes.length > maxBytes) {
                throw new IOException(prefix(uri) + " body is larger than " + maxBytes + " bytes");
            }
            OptionalLong declared = res.headers().firstValueAsLong("Content-Length");
            if (declared.isPresent() && declared.getAsLong() != bytes.length) {
                throw new IOException(prefix(uri) + " body truncated: got " + bytes.length + " of "
                        + declared.getAsLong() + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private FetchResult download(String updater, URI uri, HttpFingerprint prev, HttpResponse<InputStream> res,
            InputStream body) throws IOException {
        Path file = Files.createTempFile(tempDir, fileSafe(updater) + ".", ".download");
        boolean keep = false;
        try {
            MessageDigest sha = sha256();
            long n;
            try (OutputStream out = Files.newOutputStream(file);
                    DigestInputStream in = new DigestInputStream(body, sha)) {
                n = in.transferTo(out);
            } catch (IOException e) {
                throw new IOException(prefix(uri) + " body truncated or unreadable: " + e.getMessage(), e);
            }
            OptionalLong declared = res.headers().firstValueAsLong("Content-Length");
            if (declared.isPresent() && declared.getAsLong() != n) {
                throw new IOException(prefix(uri) + " body truncated: got " + n + " of " + declared.getAsLong()
                        + " bytes");
            }
            if (n == 0) {
                // No feed we read is ever empty; recording an empty body would wipe the previous data.
                throw new IOException(prefix(uri) + " returned an empty body");
            }
            HttpFingerprint next = new HttpFingerprint(res.headers().firstValue("ETag").orElse(""),
                    res.headers().firstValue("Last-Modified").orElse(""), HexFormat.of().formatHex(sha.digest()));
            if (!prev.sha256().isEmpty() && prev.sha256().equals(next.sha256())) {
                log.atInfo().addKeyValue("updater", updater).addKeyValue("uri", uri).addKeyValue("bytes", n)
                        .log("source content unchanged");
                return FetchResult.unchanged();
            }
            log.atInfo().addKeyValue("updater", updater).addKeyValue("uri", uri).addKeyValue("bytes", n)
                    .log("fetch done");
            keep = true;
            return new FetchResult.Changed(file, next.encode());
        } finally {
            if (!keep) {
                Files.deleteIfExists(file);
            }
        }
    }

    private HttpResponse<InputStream> send(HttpRequest req, URI uri) throws IOException {
        try {
            return http.send(req, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new IOException(prefix(uri) + " timed out after " + timeout, e);
        } catch (IOException e) {
            throw new IOException(prefix(uri) + " failed: " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException ie = new InterruptedIOException(prefix(uri) + " interrupted");
            ie.initCause(e);
            throw ie;
        }
    }

    private void requireSuccess(HttpResponse<InputStream> res, URI uri) throws IOException {
        int status = res.statusCode();
        if (status < 200 || status > 299) {
            throw new IOException(prefix(uri) + " returned " + status);
        }
    }

    private String prefix(URI uri) {
        return component + ": GET " + uri;
    }

    /** Connection errors often carry no message of their own (ConnectException), so name the type. */
    private static String describe(IOException e) {
        String msg = e.getMessage();
        if (msg == null || msg.isBlank()) {
            Throwable cause = e.getCause();
            msg = cause != null && cause.getMessage() != null ? cause.getMessage() : "";
        }
        String type = e.getClass().getSimpleName();
        return msg.isBlank() ? type : type + ": " + msg;
    }

    static String fileSafe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
