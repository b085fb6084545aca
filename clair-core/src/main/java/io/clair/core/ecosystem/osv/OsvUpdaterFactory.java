package io.clair.core.ecosystem.osv;

import io.clair.core.plugin.PluginContext;
import io.clair.core.update.FeedUpdaterFactory;
import io.clair.core.update.Updater;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code osv} updater set: one {@link OsvUpdater} per allowed ecosystem (see {@link OsvUpdaterConfig}). The set
 * comes from configuration, so this factory makes no request of its own.
 */
public final class OsvUpdaterFactory extends FeedUpdaterFactory<OsvUpdaterConfig> {
    private static final Logger log = LoggerFactory.getLogger(OsvUpdaterFactory.class);
    public static final String NAME = "osv";

    private final Clock clock;

    public OsvUpdaterFactory(PluginContext ctx) {
        super(ctx, NAME, OsvUpdaterConfig.class);
        this.clock = ctx.clock();
    }

    @Override
    public List<Updater> create() {
        URI base = URI.create(config.url());
        Set<String> seen = new LinkedHashSet<>();
        List<Updater> out = new ArrayList<>();
        for (String ecosystem : config.allowlist()) {
            String e = OsvEcosystems.canonical(ecosystem);
            if (OsvEcosystems.IGNORED.contains(e.toLowerCase(Locale.ROOT))) {
                log.atWarn().addKeyValue("ecosystem", e).log("ecosystem has a dedicated updater or no use; ignored");
                continue;
            }
            if (!seen.add(e.toLowerCase(Locale.ROOT))) {
                continue;
            }
            // The ecosystem is one path segment; some names hold spaces ("GitHub Actions").
            String segment = URLEncoder.encode(e, StandardCharsets.UTF_8).replace("+", "%20");
            out.add(new OsvUpdater(e, base.resolve(segment + "/all.zip"), source, clock));
        }
        return out;
    }
}
