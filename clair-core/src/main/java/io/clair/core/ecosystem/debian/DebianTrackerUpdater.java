package io.clair.core.ecosystem.debian;

import io.clair.core.update.FeedUpdater;
import io.clair.core.update.HttpSource;
import io.clair.core.vuln.Vulnerability;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

/**
 * The single Debian updater, {@value #NAME}: all numbered releases come from one security-tracker document.
 * Created by {@link DebianUpdaterFactory}.
 */
public final class DebianTrackerUpdater extends FeedUpdater {
    public static final String NAME = "debian/updater";


    DebianTrackerUpdater(URI uri, HttpSource source) {
        super(NAME, uri, source);
    }

    @Override
    public List<Vulnerability> parse(InputStream content) throws IOException {
        return new TrackerParser(NAME).parse(content);
    }
}
