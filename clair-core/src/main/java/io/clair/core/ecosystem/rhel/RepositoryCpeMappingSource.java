package io.clair.core.ecosystem.rhel;

import io.clair.core.update.FetchResult;
import io.clair.core.update.HttpSource;
import io.clair.core.vuln.Fingerprint;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Supplies the {@link RepositoryCpeMapping} the repository scanner needs, from a local file, a URL, both, or
 * neither (see {@link RepositoryScannerConfig}). Nothing is read or downloaded until a scan asks. Thread-safe: one
 * instance serves concurrent scans, and at most one of them refreshes at a time.
 */
final class RepositoryCpeMappingSource {
    private static final Logger log = LoggerFactory.getLogger(RepositoryCpeMappingSource.class);

    /** How long to wait before retrying a failed refresh while an older mapping serves. */
    private static final Duration RETRY = Duration.ofMinutes(5);

    private final Path file;
    private final URI url;
    private final HttpSource http;
    private final Clock clock;
    private final Duration refresh;

    private RepositoryCpeMapping mapping;
    private Fingerprint fingerprint = Fingerprint.NONE;
    private Instant nextCheck;
    private boolean fileRead;

    RepositoryCpeMappingSource(RepositoryScannerConfig config, HttpSource http, Clock clock) {
        this.file = config.repo2cpeMappingFile().isEmpty() ? null : Path.of(config.repo2cpeMappingFile());
        this.url = config.repo2cpeMappingUrl().isEmpty() ? null : URI.create(config.repo2cpeMappingUrl());
        this.http = http;
        this.clock = clock;
        this.refresh = config.refreshInterval();
    }

    /** True when neither a file nor a URL is configured: every lookup then finds nothing. */
    boolean unconfigured() {
        return file == null && url == null;
    }

    /**
     * The current mapping.
     *
     * @throws IOException when no mapping could be had at all (file unreadable and download failed)
     */
    synchronized RepositoryCpeMapping get() throws IOException {
        if (unconfigured()) {
            return RepositoryCpeMapping.EMPTY;
        }
        if (file != null && !fileRead) {
            try (InputStream in = Files.newInputStream(file)) {
                mapping = RepositoryCpeMapping.read(in, file.toString());
            } catch (IOException e) {
                if (url == null) {
                    throw new IOException("rhel-repository-scanner: mapping file " + file + " unreadable: "
                            + e.getMessage(), e);
                }
                log.atWarn().addKeyValue("file", file).addKeyValue("error", e.getMessage())
                        .log("mapping file unreadable, relying on the URL");
            }
            fileRead = true;
        }
        if (url != null && (nextCheck == null || !clock.instant().isBefore(nextCheck))) {
            download();
        }
        return mapping;
    }

    private void download() throws IOException {
        try {
            FetchResult r = http.fetch("rhel-repository-scanner", url, fingerprint);
            if (r instanceof FetchResult.Changed c) {
                try (InputStream in = Files.newInputStream(c.content())) {
                    mapping = RepositoryCpeMapping.read(in, url.toString());
                    fingerprint = c.next();
                } finally {
                    Files.deleteIfExists(c.content());
                }
            }
            nextCheck = clock.instant().plus(refresh);
        } catch (IOException e) {
            if (mapping == null) {
                throw e;
            }
            // Keep serving the mapping we have; retry soon, but not on every scan.
            nextCheck = clock.instant().plus(refresh.compareTo(RETRY) < 0 ? refresh : RETRY);
            log.atWarn().addKeyValue("url", url).addKeyValue("error", e.getMessage())
                    .log("mapping refresh failed, keeping the previous mapping");
        }
    }
}
