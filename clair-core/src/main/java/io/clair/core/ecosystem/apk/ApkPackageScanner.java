package io.clair.core.ecosystem.apk;

import io.clair.core.index.Package;
import io.clair.core.index.PackageKind;
import io.clair.core.layer.Layer;
import io.clair.core.scan.PackageScanner;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists the packages apk has installed, from {@code lib/apk/db/installed} (Alpine, Wolfi and other apk systems).
 *
 * <p>Each record becomes a binary package with its name, version and architecture, {@link Package#packageDb()} the
 * database path and, as in claircore, the aports commit ({@code c:}) as {@link Package#repositoryHint()}; its origin
 * ({@code o:}) becomes the source package, with the binary's version. A record without name or version is not an
 * installed package (clair v2's fixture has one on purpose) and is skipped with a logged reason.
 */
public final class ApkPackageScanner implements PackageScanner {
    /** Where apk keeps its installed database. */
    public static final String INSTALLED = "lib/apk/db/installed";
    private static final Logger LOG = LoggerFactory.getLogger(ApkPackageScanner.class);

    @Override
    public String name() {
        return "apk";
    }

    @Override
    public String version() {
        return "v0.0.1";
    }

    @Override
    public List<Package> scan(Layer layer) throws IOException {
        if (!layer.exists(INSTALLED)) {
            return List.of();
        }
        List<Package> out = new ArrayList<>();
        try (InputStream in = layer.open(INSTALLED)) {
            ApkInstalledParser.parse(in, INSTALLED, r -> {
                if (r.name().isEmpty() || r.version().isEmpty()) {
                    LOG.atWarn().addKeyValue("layer", layer.digest()).addKeyValue("database", INSTALLED)
                            .addKeyValue("line", r.line()).addKeyValue("package", r.name())
                            .log("apk: skipping a record without package name or version");
                    return;
                }
                out.add(toPackage(r));
            });
        }
        out.sort(Comparator.comparing(Package::name).thenComparing(Package::version));
        LOG.atDebug().addKeyValue("layer", layer.digest()).addKeyValue("count", out.size())
                .log("apk: read package database");
        return out;
    }

    private static Package toPackage(ApkRecord r) {
        Package.Builder b = Package.builder(r.name(), r.version()).kind(PackageKind.BINARY).arch(r.arch())
                .packageDb(INSTALLED).repositoryHint(r.commit());
        if (!r.origin().isEmpty()) {
            b.source(Package.builder(r.origin(), r.version()).kind(PackageKind.SOURCE).packageDb(INSTALLED).build());
        }
        return b.build();
    }
}
