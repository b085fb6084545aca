package io.clair.core.ecosystem.dpkg;

import io.clair.core.index.Package;
import io.clair.core.layer.Layer;
import io.clair.core.layer.LayerEntry;
import io.clair.core.scan.PackageScanner;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists the packages dpkg has installed, from every dpkg database in a layer.
 *
 * <p>A database is a regular file named {@code status} in a directory named {@code dpkg} (normally
 * {@code var/lib/dpkg/status}) or next to an {@code info/} directory, as claircore recognizes one. Image layers
 * often carry the status file without {@code info/}, so unlike claircore either clue is enough. Only installed
 * packages are reported (see {@link DpkgPackages#isInstalled}); each is a binary package with its source package,
 * with {@link Package#packageDb()} the status file's path. A status file dpkg itself could not read raises
 * {@link io.clair.core.scan.ScanException}.
 */
public final class DpkgPackageScanner implements PackageScanner {
    private static final Logger LOG = LoggerFactory.getLogger(DpkgPackageScanner.class);

    @Override
    public String name() {
        return "dpkg";
    }

    @Override
    public String version() {
        return "7";
    }

    @Override
    public List<Package> scan(Layer layer) throws IOException {
        List<Package> out = new ArrayList<>();
        for (String db : databases(layer)) {
            int before = out.size();
            try (InputStream in = layer.open(db)) {
                DpkgStatusParser.parse(in, db, stanza -> {
                    if (DpkgPackages.isInstalled(stanza)) {
                        DpkgPackages.toPackage(stanza, db).ifPresent(out::add);
                    }
                });
            }
            LOG.atDebug().addKeyValue("layer", layer.digest()).addKeyValue("database", db)
                    .addKeyValue("count", out.size() - before).log("dpkg: read package database");
        }
        out.sort(DpkgPackages.ORDER);
        return out;
    }

    /** Paths of the status files in the layer, sorted. */
    static List<String> databases(Layer layer) {
        List<LayerEntry> entries = layer.entries().toList();
        Set<String> withInfo = entries.stream()
                .filter(e -> e.type() == LayerEntry.Type.DIRECTORY && baseName(e.path()).equals("info"))
                .map(e -> parent(e.path())).collect(Collectors.toSet());
        return entries.stream()
                .filter(e -> e.type() == LayerEntry.Type.FILE || e.type() == LayerEntry.Type.HARDLINK)
                .map(LayerEntry::path)
                .filter(p -> baseName(p).equals("status"))
                .filter(p -> baseName(parent(p)).equals("dpkg") || withInfo.contains(parent(p)))
                .sorted().toList();
    }

    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    static String baseName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
