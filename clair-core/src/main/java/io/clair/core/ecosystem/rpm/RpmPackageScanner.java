package io.clair.core.ecosystem.rpm;

import io.clair.core.index.Package;
import io.clair.core.index.PackageKind;
import io.clair.core.layer.Layer;
import io.clair.core.scan.PackageScanner;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code rpm} package scanner: every package in every rpm database of a layer (Berkeley DB, SQLite or NDB, found
 * by file name anywhere, see {@link RpmDatabase#find(Layer)}), read in process without rpm.
 *
 * <p>Each installed header becomes one binary {@link Package}, shaped as claircore's rpm scanner shapes it: version
 * {@code [epoch:]version-release} (epoch only when not 0), the header's arch, module {@code name:stream} from the
 * modularity label, {@link Package#packageDb()} {@code kind:directory} (e.g. {@code sqlite:var/lib/rpm}), and a
 * source package parsed from SOURCERPM (same module and database). {@code gpg-pubkey} entries are keys rpm keeps in
 * the database, not packages, and are skipped. A corrupt database fails the scan with a
 * {@link io.clair.core.scan.ScanException} naming the file.
 *
 * <p>Stateless and thread-safe.
 */
public final class RpmPackageScanner implements PackageScanner {
    private static final Logger LOG = LoggerFactory.getLogger(RpmPackageScanner.class);

    @Override
    public String name() {
        return "rpm";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public List<Package> scan(Layer layer) throws IOException {
        List<Package> out = new ArrayList<>();
        for (RpmDatabase db : RpmDatabase.find(layer)) {
            int before = out.size();
            read(layer, db, out);
            LOG.atDebug().addKeyValue("layer", layer.digest()).addKeyValue("db", db.packageDb())
                    .addKeyValue("packages", out.size() - before).log("rpm: read database");
        }
        return out;
    }

    private static void read(Layer layer, RpmDatabase db, List<Package> out) throws IOException {
        String packageDb = db.packageDb();
        // many binaries share one source rpm; build each source package once per database
        Map<String, Optional<Package>> sources = new HashMap<>();
        db.forEachHeader(layer, h -> {
            RpmPackageInfo info = RpmPackageInfo.of(h);
            if (info.name().equals("gpg-pubkey")) {
                return;
            }
            String module = info.moduleStream();
            Package source = sources.computeIfAbsent(info.sourceRpm() + '\u0000' + module,
                    k -> source(info, module, packageDb)).orElse(null);
            out.add(Package.builder(info.name(), info.evr())
                    .kind(PackageKind.BINARY)
                    .source(source)
                    .module(module)
                    .arch(info.arch())
                    .packageDb(packageDb)
                    .build());
        });
    }

    private static Optional<Package> source(RpmPackageInfo info, String module, String packageDb) {
        Optional<SourceRpm> src = SourceRpm.parse(info.sourceRpm());
        if (src.isEmpty() && !info.sourceRpm().isEmpty() && !info.sourceRpm().equals("(none)")) {
            LOG.atInfo().addKeyValue("package", info.name()).addKeyValue("sourcerpm", info.sourceRpm())
                    .addKeyValue("db", packageDb).log("rpm: SOURCERPM is not name-version-release.src.rpm, skipped");
        }
        return src.map(s -> Package.builder(s.name(), s.version())
                .kind(PackageKind.SOURCE)
                .module(module)
                .packageDb(packageDb)
                .build());
    }
}
