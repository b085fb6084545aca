package io.clair.core.ecosystem.dpkg;

import io.clair.core.index.Package;
import io.clair.core.layer.Layer;
import io.clair.core.layer.LayerEntry;
import io.clair.core.scan.PackageScanner;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists the packages of "distroless" images (GoogleContainerTools/distroless), which have no dpkg status file but
 * one file per package under {@code var/lib/dpkg/status.d/} (any {@code dpkg/status.d/} directory is accepted), in
 * status-file format. Files ending in {@code .md5sums} hold checksums and are skipped. Those files carry no
 * meaningful {@code Status}, so every stanza is an installed package; fields, source package and errors are as for
 * {@link DpkgPackageScanner}, with {@link Package#packageDb()} the package's own file.
 */
public final class DpkgDistrolessScanner implements PackageScanner {
    @Override
    public String name() {
        return "dpkg-distroless";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public List<Package> scan(Layer layer) throws IOException {
        List<String> files = layer.entries()
                .filter(e -> e.type() == LayerEntry.Type.FILE || e.type() == LayerEntry.Type.HARDLINK)
                .map(LayerEntry::path)
                .filter(p -> isStatusD(DpkgPackageScanner.parent(p)) && !p.endsWith(".md5sums"))
                .sorted().toList();
        List<Package> out = new ArrayList<>();
        for (String file : files) {
            try (InputStream in = layer.open(file)) {
                DpkgStatusParser.parse(in, file, stanza -> DpkgPackages.toPackage(stanza, file).ifPresent(out::add));
            }
        }
        out.sort(DpkgPackages.ORDER);
        return out;
    }

    private static boolean isStatusD(String dir) {
        return dir.equals("dpkg/status.d") || dir.endsWith("/dpkg/status.d");
    }
}
