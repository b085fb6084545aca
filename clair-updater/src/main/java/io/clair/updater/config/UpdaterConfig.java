package io.clair.updater.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The updater's settings ({@code clair.updater.*}; Clair's {@code matcher.period}, {@code updaters.sets} map here). */
@ConfigMapping(prefix = "clair.updater")
public interface UpdaterConfig {

    /** Run updaters on a schedule; off for air-gapped sites that import bundles instead. */
    @WithDefault("true")
    boolean enabled();

    /** Time between runs. */
    @WithDefault("6h")
    Duration period();

    /** Delay before the first run after start-up. */
    @WithDefault("5s")
    Duration initialDelay();

    /** Updater sets to run (e.g. {@code alpine,debian,osv}); all installed sets when unset. */
    Optional<List<String>> sets();

    /** Update operations kept per updater; older ones are garbage-collected (0 turns collection off). */
    @WithDefault("10")
    int retention();

    /** Updaters run at once. */
    @WithDefault("4")
    int concurrency();

    /**
     * An offline bundle (file path or http(s) URL, plain/gzip/zstd) imported at start-up, for sites that cannot reach
     * the feeds; combine with {@code enabled=false}.
     */
    Optional<String> importBundle();
}
