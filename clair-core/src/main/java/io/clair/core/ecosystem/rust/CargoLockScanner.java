package io.clair.core.ecosystem.rust;

import io.clair.core.index.Package;
import io.clair.core.layer.Layer;
import io.clair.core.layer.LayerEntry;
import io.clair.core.scan.PackageScanner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports the crates.io packages every {@code Cargo.lock} in a layer pins (source trees, vendored projects, crates
 * shipped with their lock file). Packages from elsewhere (workspace members, path and git dependencies, other
 * registries) are left out. A lock file that cannot be parsed, or is larger than {@value #MAX_BYTES} bytes, is
 * skipped with a warning.
 */
public final class CargoLockScanner implements PackageScanner {
    private static final Logger LOG = LoggerFactory.getLogger(CargoLockScanner.class);
    static final int MAX_BYTES = 16 * 1024 * 1024;

    @Override
    public String name() {
        return "cargo-lock";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public List<Package> scan(Layer layer) throws IOException {
        List<String> locks = layer.entries().filter(LayerEntry::isFile).map(LayerEntry::path)
                .filter(p -> p.equals("Cargo.lock") || p.endsWith("/Cargo.lock")).sorted().toList();
        List<Package> out = new ArrayList<>();
        for (String p : locks) {
            try (InputStream in = layer.open(p)) {
                byte[] b = in.readNBytes(MAX_BYTES + 1);
                if (b.length > MAX_BYTES) {
                    throw new IOException("larger than " + MAX_BYTES + " bytes");
                }
                Set<String> seen = new LinkedHashSet<>();
                for (CargoLockParser.Locked l : CargoLockParser.parse(new String(b, StandardCharsets.UTF_8))) {
                    if (RustCrates.CRATES_IO_SOURCES.contains(l.source()) && seen.add(l.name() + "@" + l.version())) {
                        out.add(RustCrates.crate(l.name(), l.version(), p));
                    }
                }
            } catch (IOException | RuntimeException e) {
                LOG.atWarn().addKeyValue("layer", layer.digest()).addKeyValue("path", p)
                        .addKeyValue("reason", e.getMessage()).log("cargo: skipping unreadable Cargo.lock");
            }
        }
        return out;
    }
}
