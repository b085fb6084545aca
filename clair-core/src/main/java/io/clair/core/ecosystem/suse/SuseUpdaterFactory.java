package io.clair.core.ecosystem.suse;

import io.clair.core.plugin.PluginContext;
import io.clair.core.update.FeedUpdaterFactory;
import io.clair.core.update.Updater;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code suse} updater set: one {@link SuseUpdater} per SLES major release and Leap release. The files come from
 * the configuration when it lists them, otherwise from the OVAL directory's HTML index (see
 * {@link SuseUpdaterConfig}), which names every {@code *.xml.gz} file in an {@code href}.
 */
public final class SuseUpdaterFactory extends FeedUpdaterFactory<SuseUpdaterConfig> {
    private static final Logger log = LoggerFactory.getLogger(SuseUpdaterFactory.class);
    public static final String NAME = "suse";
    private static final Pattern HREF = Pattern.compile("href=\"(?:[^\"]*/)?([^\"/]+)\\.xml\\.gz\"");
    /** The index is a directory listing of a few hundred files; anything much bigger is not it. */
    private static final int MAX_INDEX_BYTES = 4 << 20;

    public SuseUpdaterFactory(PluginContext ctx) {
        super(ctx, NAME, SuseUpdaterConfig.class);
    }

    @Override
    public List<Updater> create() throws IOException {
        URI base = URI.create(config.url());
        List<SuseRelease> releases = config.releases().isEmpty() ? discover(base) : configured();
        List<Updater> out = new ArrayList<>();
        for (SuseRelease r : releases) {
            out.add(new SuseUpdater(r, base, source));
        }
        log.atInfo().addKeyValue("files", releases.stream().map(SuseRelease::file).toList())
                .log("suse updaters");
        return out;
    }

    private List<SuseRelease> configured() {
        List<SuseRelease> out = new ArrayList<>();
        for (String f : config.releases()) {
            out.add(SuseRelease.of(f).orElseThrow(() -> new IllegalArgumentException("suse: configured release \""
                    + f + "\" is neither suse.linux.enterprise.server.<NN> nor opensuse.leap.<NN.N> (15.5 or later)")));
        }
        return out;
    }

    private List<SuseRelease> discover(URI base) throws IOException {
        Matcher m = HREF.matcher(source.fetchText(base, MAX_INDEX_BYTES));
        Set<String> files = new TreeSet<>();
        while (m.find()) {
            files.add(m.group(1));
        }
        List<SuseRelease> out = new ArrayList<>();
        for (String f : files) {
            SuseRelease.of(f).ifPresent(out::add);
        }
        if (out.isEmpty()) {
            throw new IOException("suse: no SLES or Leap OVAL files found in the index at " + base);
        }
        return out;
    }
}
