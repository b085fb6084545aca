package io.clair.core.ecosystem.rhel;

import io.clair.core.plugin.PluginContext;
import io.clair.core.update.HttpSource;
import io.clair.core.update.Updater;
import io.clair.core.update.UpdaterFactory;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** The {@code rhel-vex} updater set: the one {@link VexUpdater} (see {@link VexUpdaterConfig}). */
public final class VexUpdaterFactory implements UpdaterFactory {
    public static final String NAME = "rhel-vex";
    /** The archive is hundreds of megabytes; allow its response headers more time than a small document's. */
    private static final Duration ARCHIVE_TIMEOUT = Duration.ofMinutes(10);

    private final VexUpdaterConfig config;
    private final PluginContext ctx;

    public VexUpdaterFactory(PluginContext ctx) {
        this.config = ctx.config(NAME, VexUpdaterConfig.class);
        this.ctx = ctx;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Updater> create() {
        URI base = URI.create(config.url());
        HttpSource source = new HttpSource(ctx, NAME);
        VexFetcher fetcher = new VexFetcher(VexUpdater.NAME, base, source, source.withTimeout(ARCHIVE_TIMEOUT),
                ctx.tempDir());
        return List.of(new VexUpdater(base, fetcher, config.ignoreKernelPackages()));
    }
}
