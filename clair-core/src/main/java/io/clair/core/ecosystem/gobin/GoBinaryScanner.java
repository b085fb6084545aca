package io.clair.core.ecosystem.gobin;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import io.clair.core.index.Package;
import io.clair.core.index.PackageKind;
import io.clair.core.layer.Layer;
import io.clair.core.layer.LayerEntry;
import io.clair.core.scan.PackageScanner;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports what Go executables were built from, as claircore's {@code gobin} detector does: for every executable
 * regular file (any {@code x} bit) that is an ELF or PE file with Go build information, the toolchain as package
 * {@code stdlib}, the main module (when built in module mode; its version is often {@code (devel)}) and every
 * dependency. A dependency replaced by another module version is reported as the replacement, the code actually
 * linked; one replaced by a local directory keeps its own path and version.
 *
 * <p>Each package's {@link Package#packageDb()} is {@code go:} plus the executable's path, which is also its
 * {@link Package#filepath()}. A binary that cannot be read (truncated, corrupt build information) is skipped with a
 * warning naming the file and the reason; it never fails the scan.
 */
public final class GoBinaryScanner implements PackageScanner {
    private static final Logger LOG = LoggerFactory.getLogger(GoBinaryScanner.class);
    private static final byte[] ELF = {0x7f, 'E', 'L', 'F'};
    private static final byte[] MZ = {'M', 'Z'};
    private static final int MIN_SIZE = 64;

    @Override
    public String name() {
        return "gobin";
    }

    @Override
    public String version() {
        return "7";
    }

    @Override
    public List<Package> scan(Layer layer) throws IOException {
        List<Package> out = new ArrayList<>();
        List<LayerEntry> exes = layer.entries()
                .filter(e -> e.isExecutable() && e.size() >= MIN_SIZE)
                .toList();
        for (LayerEntry e : exes) {
            if (!looksLikeExecutable(layer, e.path())) {
                continue;
            }
            Optional<GoBuildInfo> info;
            try {
                info = GoBuildInfoReader.read(() -> layer.openChannel(e.path()));
            } catch (IOException | RuntimeException ex) {
                LOG.atWarn().addKeyValue("layer", layer.digest()).addKeyValue("path", e.path())
                        .addKeyValue("reason", ex.getMessage()).log("gobin: skipping unreadable executable");
                continue;
            }
            info.ifPresent(bi -> {
                List<Package> pkgs = packages(bi, e.path());
                LOG.atDebug().addKeyValue("path", e.path()).addKeyValue("go", bi.goVersion())
                        .addKeyValue("count", pkgs.size()).log("gobin: read build information");
                out.addAll(pkgs);
            });
        }
        return out;
    }

    /** The packages one binary holds, in {@code go version -m} order: toolchain, main module, dependencies. */
    static List<Package> packages(GoBuildInfo bi, String path) {
        List<Package> out = new ArrayList<>();
        out.add(pkg("stdlib", bi.goVersion(), path));
        bi.main().filter(m -> !m.path().isEmpty()).ifPresent(m -> out.add(pkg(m.path(), m.version(), path)));
        for (GoBuildInfo.Module d : bi.deps()) {
            GoBuildInfo.Module m = d.effective();
            if (m != d) {
                LOG.atDebug().addKeyValue("module", d.path()).addKeyValue("replacement", m.path() + "@" + m.version())
                        .log("gobin: reporting the replacement module");
            }
            out.add(pkg(m.path(), m.version(), path));
        }
        return out;
    }

    private static Package pkg(String name, String version, String path) {
        return Package.builder(name, version).kind(PackageKind.BINARY).packageDb("go:" + path).filepath(path)
                .purl(purl(name, version)).build();
    }

    /** {@code pkg:golang/<namespace>/<last element>@version}, as the purl specification splits module paths. */
    static String purl(String module, String version) {
        int slash = module.lastIndexOf('/');
        String ns = slash < 0 ? null : module.substring(0, slash);
        String name = slash < 0 ? module : module.substring(slash + 1);
        try {
            return new PackageURL("golang", ns, name, version.isEmpty() ? null : version, null, null).canonicalize();
        } catch (MalformedPackageURLException e) {
            LOG.atDebug().addKeyValue("module", module).addKeyValue("reason", e.getMessage())
                    .log("gobin: no package URL");
            return "";
        }
    }

    /** Only ELF and PE files are opened for random access; the magic is read first. */
    private static boolean looksLikeExecutable(Layer layer, String path) {
        try {
            byte[] head = head(layer, path, 4);
            return Arrays.equals(head, ELF) || (head.length >= 2 && Arrays.equals(head, 0, 2, MZ, 0, 2));
        } catch (IOException e) {
            LOG.atDebug().addKeyValue("path", path).addKeyValue("reason", e.getMessage())
                    .log("gobin: cannot open file");
            return false;
        }
    }

    /** Up to {@code n} bytes from the start of the file, read through a channel: no buffer larger than asked for. */
    private static byte[] head(Layer layer, String path, int n) throws IOException {
        try (SeekableByteChannel ch = layer.openChannel(path)) {
            ByteBuffer b = ByteBuffer.allocate(n);
            while (b.hasRemaining() && ch.read(b) >= 0) {
                // until n bytes or the end of the file
            }
            return Arrays.copyOf(b.array(), b.position());
        }
    }
}
