package io.clair.core.ecosystem.java;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import io.clair.core.index.Package;
import io.clair.core.index.PackageKind;
import io.clair.core.layer.Layer;
import io.clair.core.layer.LayerEntry;
import io.clair.core.scan.PackageScanner;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds Java artifacts as claircore's {@code java} scanner does, in every {@code .jar .war .ear .jpi .hpi} regular
 * file of a layer and in the archives nested in them (see {@link ArchiveInspector}). claircore's optional SHA-1
 * lookup against Maven Central is not made: scanners do not call the network.
 *
 * <p>Each artifact becomes a package named {@code groupId:artifactId} when a {@code pom.properties} declares it,
 * else the manifest's or file's name; every one found in the same top-level archive records that archive as
 * {@link Package#filepath()} and {@code maven:} plus its path as {@link Package#packageDb()}, so that replacing or
 * deleting the file replaces or deletes all of them. A corrupt archive or one exceeding {@link JarLimits} is
 * skipped with a warning naming the reason; the scan goes on.
 */
public final class JavaArchiveScanner implements PackageScanner {
    private static final Logger LOG = LoggerFactory.getLogger(JavaArchiveScanner.class);
    private static final Set<String> EXTENSIONS = Set.of(".jar", ".war", ".ear", ".jpi", ".hpi");
    /** The size of an empty zip; nothing smaller can be an archive. */
    private static final int MIN_SIZE = 22;

    private final JarLimits limits;

    public JavaArchiveScanner() {
        this(JarLimits.DEFAULT);
    }

    JavaArchiveScanner(JarLimits limits) {
        this.limits = limits;
    }

    @Override
    public String name() {
        return "java";
    }

    @Override
    public String version() {
        return "8";
    }

    static boolean isArchiveName(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot));
    }

    @Override
    public List<Package> scan(Layer layer) throws IOException {
        List<String> archives = layer.entries()
                .filter(e -> e.isFile() && e.size() >= MIN_SIZE && isArchiveName(e.path()))
                .map(LayerEntry::path).sorted().toList();
        List<Package> out = new ArrayList<>();
        for (String p : archives) {
            List<JarArtifact> found;
            try {
                try (SeekableByteChannel ch = layer.openChannel(p)) { // read in place: no copy of the archive
                    found = new ArchiveInspector(limits).inspect(ch, p);
                }
            } catch (IOException | RuntimeException e) {
                LOG.atWarn().addKeyValue("layer", layer.digest()).addKeyValue("path", p)
                        .addKeyValue("reason", e.getMessage() == null ? e.toString() : e.getMessage())
                        .log("java: skipping archive");
                continue;
            }
            Map<String, JarArtifact> unique = new LinkedHashMap<>();
            found.forEach(a -> unique.putIfAbsent(a.name() + "@" + a.version(), a));
            for (JarArtifact a : unique.values()) {
                out.add(Package.builder(a.name(), a.version()).kind(PackageKind.BINARY).packageDb("maven:" + p)
                        .filepath(p).purl(purl(a)).build());
            }
            LOG.atDebug().addKeyValue("path", p).addKeyValue("count", unique.size()).log("java: read archive");
        }
        return out;
    }

    /** {@code pkg:maven/groupId/artifactId@version}; a name without a group becomes the purl name alone. */
    static String purl(JarArtifact a) {
        int colon = a.name().indexOf(':');
        String ns = colon < 0 ? null : a.name().substring(0, colon);
        String name = colon < 0 ? a.name() : a.name().substring(colon + 1);
        try {
            return new PackageURL("maven", ns, name, a.version(), null, null).canonicalize();
        } catch (MalformedPackageURLException e) {
            return "";
        }
    }
}
