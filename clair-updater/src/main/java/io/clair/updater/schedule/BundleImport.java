package io.clair.updater.schedule;

import io.clair.api.bundle.UpdateBundle;
import io.clair.core.store.VulnerabilityStore;
import io.clair.updater.config.UpdaterConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Imports {@code clair.updater.import-bundle} at start-up, after migrations, for air-gapped sites. */
@Singleton
public class BundleImport {
    private static final Logger LOG = LoggerFactory.getLogger(BundleImport.class);

    void onStart(@Observes @Priority(20) StartupEvent e, UpdaterConfig config, VulnerabilityStore store,
            HttpClient http) {
        config.importBundle().filter(s -> !s.isBlank()).ifPresent(src -> {
            try (InputStream in = open(src, http)) {
                UpdateBundle.ImportResult r = UpdateBundle.importInto(store, in);
                LOG.atInfo().addKeyValue("source", src).addKeyValue("imported", r.imported())
                        .addKeyValue("skipped", r.skipped()).addKeyValue("vulnerabilities", r.vulnerabilities())
                        .log("bundle import done");
            } catch (IOException ex) {
                throw new UncheckedIOException("updater: cannot import bundle " + src + ": " + ex.getMessage(), ex);
            }
        });
    }

    static InputStream open(String src, HttpClient http) throws IOException {
        if (src.startsWith("http://") || src.startsWith("https://")) {
            try {
                HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(src)).build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                if (r.statusCode() != 200) {
                    r.body().close();
                    throw new IOException("GET " + src + " returned " + r.statusCode());
                }
                return r.body();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", ex);
            }
        }
        return Files.newInputStream(Path.of(src));
    }
}
