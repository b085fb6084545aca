package io.clair.ctl.scan;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clair.api.client.ClairClient;
import io.clair.api.mapping.V4Mapper;
import io.clair.api.v4.IndexReportDto;
import io.clair.api.v4.ManifestDto;
import io.clair.api.v4.VulnerabilityReportDto;
import io.clair.ctl.CtlException;
import io.clair.ctl.report.ImageReport;
import io.clair.core.image.ImageReference;
import io.clair.core.image.ImageResolver;
import io.clair.core.image.RegistryReference;
import io.clair.core.image.ResolvedImage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * clairctl's protocol against a Clair server: resolve the image to a manifest here (registry credentials stay on
 * this machine; the manifest carries a pull token for the layers), {@code GET index_report}; on 404 {@code POST}
 * the manifest, on 200 re-{@code POST} it so that scanners added since are run (unless {@code --novel}); then
 * {@code GET vulnerability_report}, retrying within {@code wait} while the matcher answers 202/503 or says it has
 * no vulnerability data yet ({@code Clair-Vulnerability-Data: not-ready}).
 */
public final class RemoteScanner implements ImageScanner {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final String NOT_READY = "the server has no vulnerability data yet (its updaters have not"
            + " finished a run), so no vulnerabilities can be listed";

    private final ClairClient client;
    private final ImageResolver resolver;
    private final StageListener progress;
    private final boolean novel;
    private final Duration wait;

    public RemoteScanner(ClairClient client, ImageResolver resolver, StageListener progress, boolean novel,
                         Duration wait) {
        this.client = client;
        this.resolver = resolver;
        this.progress = progress;
        this.novel = novel;
        this.wait = wait;
    }

    /** Only registry images: a server cannot read files on this machine. */
    public static void checkReference(ImageReference ref, String text) {
        if (!(ref instanceof RegistryReference)) {
            throw new CtlException(text + ": a Clair server cannot read local images (oci:, docker-archive:);"
                    + " scan it in-process with --local, or push it to a registry");
        }
    }

    @Override
    public ImageReport scan(String reference) throws IOException {
        ImageReference ref = ImageReference.parse(reference);
        checkReference(ref, reference);
        progress.stage("resolving " + reference);
        ManifestDto manifest;
        String canonical;
        try (ResolvedImage image = resolver.resolve(ref)) {
            manifest = V4Mapper.manifest(image.manifest());
            canonical = image.reference();
        }
        String digest = manifest.hash();
        Optional<IndexReportDto> known = call(() -> client.indexReport(digest));
        IndexReportDto index;
        if (known.isPresent() && novel && "IndexFinished".equals(known.get().state())) {
            index = known.get();
        } else {
            progress.stage("indexing " + canonical + " on " + client.base());
            index = call(() -> client.index(manifest));
        }
        if (!"IndexFinished".equals(index.state())) {
            throw new CtlException("indexing " + canonical + " failed on the server: "
                    + (index.err().isBlank() ? "state " + index.state() : index.err()));
        }
        progress.stage("fetching the vulnerability report of " + canonical);
        return vulnerabilityReport(canonical, digest);
    }

    private ImageReport vulnerabilityReport(String canonical, String digest) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        long backoffMillis = 250;
        while (true) {
            HttpResponse<String> r = call(() -> client.vulnerabilityReportResponse(digest));
            int status = r.statusCode();
            boolean notReady = r.headers().firstValue("Clair-Vulnerability-Data").map("not-ready"::equalsIgnoreCase)
                    .orElse(false);
            boolean timeUp = System.nanoTime() >= deadline;
            if (status == 200 && (!notReady || timeUp)) {
                return new ImageReport(canonical, parse(r.body()), r.body(), notReady ? NOT_READY : null);
            }
            if (status != 200 && status != 202 && status != 503) {
                throw new CtlException(failure(r, digest));
            }
            if (timeUp) {
                throw new CtlException("the matcher at " + client.base() + " is not ready (HTTP " + status
                        + ") after " + wait.toSeconds() + " s; try again later or wait longer with --wait");
            }
            progress.stage("waiting for the matcher (HTTP " + status + (notReady ? ", no vulnerability data yet"
                    : "") + ")");
            sleep(Math.min(backoffMillis, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            backoffMillis = Math.min(backoffMillis * 2, 5000);
        }
    }

    private String failure(HttpResponse<String> r, String digest) {
        int s = r.statusCode();
        if (s == 401) {
            return ServerCall.unauthorized(client.base());
        }
        if (s == 404) {
            return "the matcher at " + client.base() + " has no index report for " + digest + " (HTTP 404): are"
                    + " its indexer and matcher the same deployment?";
        }
        String message = "";
        try {
            JsonNode n = JSON.readTree(r.body());
            message = n == null ? "" : n.path("message").asText("");
        } catch (IOException e) {
            // not Clair's error JSON: the status is all there is
        }
        return "the matcher at " + client.base() + " answered HTTP " + s + (message.isBlank() ? "" : ": " + message);
    }

    private static VulnerabilityReportDto parse(String body) {
        try {
            return JSON.readValue(body, VulnerabilityReportDto.class);
        } catch (IOException e) {
            throw new CtlException("the server sent a vulnerability report that is not Clair's JSON: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    private <T> T call(ServerCall.Request<T> request) throws IOException {
        return ServerCall.run(client.base(), request);
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for the matcher");
        }
    }

    @Override
    public void close() {
        // the HTTP client needs no closing on Java 17
    }
}
