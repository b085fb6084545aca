package io.clair.ctl;

import io.clair.api.bundle.UpdateBundle;
import io.clair.core.store.VulnerabilityStore;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where an updater bundle comes from: a file, an http(s) URL (the air-gap recipe serves it from a web server in
 * the cluster), or {@code -} for stdin. Plain, gzip or zstd, told by the bytes.
 */
final class BundleInput {
    private BundleInput() {
    }

    /** Imports {@code source} into {@code store}, skipping operations whose fingerprint it already has. */
    static UpdateBundle.ImportResult importInto(VulnerabilityStore store, String source, InputStream stdin) {
        try (InputStream in = open(source, stdin)) {
            return UpdateBundle.importInto(store, in);
        } catch (IOException e) {
            String problem = Errors.networkProblem(e);
            throw new CtlException("bundle " + source + ": " + (problem != null ? problem : e.getMessage()), e);
        }
    }

    static InputStream open(String source, InputStream stdin) throws IOException {
        if (source.equals("-")) {
            return stdin;
        }
        if (source.startsWith("http://") || source.startsWith("https://")) {
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                    .connectTimeout(Duration.ofSeconds(30)).build();
            HttpResponse<InputStream> r;
            try {
                r = http.send(HttpRequest.newBuilder(URI.create(source)).timeout(Duration.ofMinutes(5)).GET().build(),
                        HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted");
            }
            if (r.statusCode() != 200) {
                r.body().close();
                throw new IOException("GET answered HTTP " + r.statusCode());
            }
            return r.body();
        }
        try {
            return Files.newInputStream(Path.of(source));
        } catch (NoSuchFileException e) {
            throw new IOException("no such file", e);
        }
    }
}
