package io.clair.core.ecosystem.alpine;

import io.clair.core.plugin.PluginContext;
import io.clair.core.update.FeedUpdaterFactory;
import io.clair.core.update.Updater;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code alpine} updater set: one {@link SecDbUpdater} per release and repository. Releases come from the
 * configuration when it lists them, otherwise from the secdb index page, which lists a {@code v3.N/} directory per
 * release plus {@code edge/} (see {@link AlpineUpdaterConfig}).
 */
public final class AlpineUpdaterFactory extends FeedUpdaterFactory<AlpineUpdaterConfig> {
    private static final Logger log = LoggerFactory.getLogger(AlpineUpdaterFactory.class);
    public static final String NAME = "alpine";

    /** The index page is a short directory listing; anything much bigger is not it. */
    private static final int MAX_INDEX_BYTES = 1 << 20;

    public AlpineUpdaterFactory(PluginContext ctx) {
        super(ctx, NAME, AlpineUpdaterConfig.class);
    }

    @Override
    public List<Updater> create() throws IOException {
        URI base = URI.create(config.url());
        List<String> releases = config.releases().isEmpty() ? discover(base) : configured();
        List<Updater> out = new ArrayList<>();
        for (String release : releases) {
            for (String repo : config.repos()) {
                out.add(new SecDbUpdater(release, repo, base, source));
            }
        }
        log.atInfo().addKeyValue("releases", releases).addKeyValue("updaters", out.size()).log("alpine updaters");
        return out;
    }

    private List<String> configured() {
        TreeSet<String> out = new TreeSet<>(SecDbIndex.RELEASE_ORDER);
        for (String r : config.releases()) {
            out.add(SecDbIndex.canonical(r).orElseThrow(() -> new IllegalArgumentException(
                    "alpine: configured release \"" + r + "\" is neither MAJOR.MINOR nor edge")));
        }
        return List.copyOf(out);
    }

    private List<String> discover(URI base) throws IOException {
        List<String> found = SecDbIndex.releases(source.fetchText(base, MAX_INDEX_BYTES));
        if (found.isEmpty()) {
            throw new IOException("alpine: no release directories found in the index at " + base);
        }
        return found;
    }
}
