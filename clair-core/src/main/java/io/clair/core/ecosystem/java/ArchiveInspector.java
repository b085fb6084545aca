package io.clair.core.ecosystem.java;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Identifies the artifacts in one Java archive and in the archives nested in it, as claircore's {@code jar.Parse}
 * does: every {@code pom.properties} names one artifact (a shaded jar names each one it embeds); without any, the
 * manifest names one; without that, the file name. Nested {@code .jar .war .ear .jpi .hpi} members are inspected
 * the same way, down to {@link JarLimits#maxDepth()} levels.
 *
 * <p>All reading is bounded by {@link JarLimits}: a nested member over its size cap or below the depth cap is
 * skipped with a warning; exhausting the archive's byte or entry budget ends its inspection with
 * {@link LimitException}. A corrupt nested member is skipped with a warning; a corrupt top-level archive raises
 * its {@link IOException}. Not thread-safe: one instance per top-level archive.
 */
final class ArchiveInspector {
    private static final Logger LOG = LoggerFactory.getLogger(ArchiveInspector.class);

    /** The archive asked for more than its budget allows. */
    static final class LimitException extends IOException {
        private static final long serialVersionUID = 1L;

        LimitException(String message) {
            super(message);
        }
    }

    private final JarLimits limits;
    private long bytesLeft;
    private int entriesLeft;

    ArchiveInspector(JarLimits limits) {
        this.limits = limits;
        this.bytesLeft = limits.maxTotalBytes();
        this.entriesLeft = limits.maxEntries();
    }

    /**
     * The artifacts of the archive read through {@code archive} (a layer's file, read in place), named {@code name}
     * in messages. Members are visited in central-directory order, as {@link java.util.zip.ZipFile} lists them.
     */
    List<JarArtifact> inspect(SeekableByteChannel archive, String name) throws IOException {
        List<JarArtifact> out = new ArrayList<>();
        Found found = new Found();
        try (ChannelZip zip = ChannelZip.open(archive)) {
            for (ChannelZip.Entry e : zip.entries()) {
                try (InputStream in = zip.open(e)) {
                    visit(new ZipEntry(e.name()), in, name, 0, found, out);
                }
            }
        }
        out.addAll(0, found.identify(name));
        return out;
    }

    /** Reads a nested archive held in memory; its own failures are logged and end only its inspection. */
    private List<JarArtifact> inspectNested(byte[] data, String name, int depth) throws LimitException {
        List<JarArtifact> out = new ArrayList<>();
        Found found = new Found();
        try (ZipInputStream zin = new ZipInputStream(new ByteArrayInputStream(data))) {
            ZipEntry e;
            while ((e = zin.getNextEntry()) != null) {
                visit(e, zin, name, depth, found, out);
            }
        } catch (LimitException e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            LOG.atWarn().addKeyValue("archive", name).addKeyValue("reason", e.getMessage())
                    .log("java: skipping corrupt nested archive");
            return List.of();
        }
        out.addAll(0, found.identify(name));
        return out;
    }

    private void visit(ZipEntry e, InputStream in, String archive, int depth, Found found, List<JarArtifact> out)
            throws IOException {
        if (--entriesLeft < 0) {
            throw new LimitException("more than " + limits.maxEntries() + " archive entries");
        }
        if (e.isDirectory()) {
            return;
        }
        String member = normalize(e.getName());
        String base = member.substring(member.lastIndexOf('/') + 1);
        if (base.equals("pom.properties")) {
            byte[] b = read(in, limits.maxMetadataBytes(), archive + "!/" + member);
            if (b != null) {
                Properties p = new Properties();
                p.load(new ByteArrayInputStream(b));
                JarArtifact.fromPomProperties(p, archive + "!/" + member).ifPresent(found.poms::add);
            }
        } else if (member.equalsIgnoreCase("META-INF/MANIFEST.MF")) {
            byte[] b = read(in, limits.maxMetadataBytes(), archive + "!/" + member);
            if (b != null) {
                found.manifest = JarManifest.parse(new String(b, StandardCharsets.UTF_8));
            }
        } else if (JavaArchiveScanner.isArchiveName(base)) {
            String nested = archive + "!/" + member;
            if (depth + 1 > limits.maxDepth()) {
                LOG.atWarn().addKeyValue("archive", nested).addKeyValue("reason", "nested deeper than "
                        + limits.maxDepth() + " archives").log("java: skipping nested archive");
                return;
            }
            byte[] data = read(in, limits.maxNestedBytes(), nested);
            if (data == null) {
                return;
            }
            out.addAll(inspectNested(data, nested, depth + 1));
        }
    }

    /**
     * The member's bytes, charged to the budget; null (with a warning) when it is larger than {@code cap}, and
     * {@link LimitException} when the archive's budget runs out first.
     */
    private byte[] read(InputStream in, int cap, String what) throws IOException {
        int want = (int) Math.min(cap + 1L, bytesLeft + 1);
        byte[] b = in.readNBytes(want);
        bytesLeft -= b.length;
        if (bytesLeft < 0) {
            throw new LimitException("more than " + limits.maxTotalBytes() + " inflated bytes, at " + what);
        }
        if (b.length > cap) {
            LOG.atWarn().addKeyValue("member", what).addKeyValue("reason", "inflates past " + cap + " bytes")
                    .log("java: skipping archive member");
            return null;
        }
        return b;
    }

    /** A zip entry name without leading slashes or {@code .}/{@code ..} segments, as claircore's normName. */
    static String normalize(String name) {
        ArrayDeque<String> parts = new ArrayDeque<>();
        for (String s : name.replace('\\', '/').split("/")) {
            if (s.equals("..")) {
                parts.pollLast();
            } else if (!s.isEmpty() && !s.equals(".")) {
                parts.addLast(s);
            }
        }
        return String.join("/", parts);
    }

    /** What one archive level declares about itself. */
    private static final class Found {
        final List<JarArtifact> poms = new ArrayList<>();
        JarManifest manifest;

        List<JarArtifact> identify(String archive) {
            if (!poms.isEmpty()) {
                return poms;
            }
            String base = archive.substring(archive.lastIndexOf('/') + 1);
            Optional<JarArtifact> a = manifest == null ? Optional.empty()
                    : manifest.artifact(archive + "!/META-INF/MANIFEST.MF");
            if (a.isEmpty()) {
                a = JarArtifact.fromFileName(base);
            }
            if (a.isEmpty() && manifest != null) {
                a = manifest.titleArtifact(archive + "!/META-INF/MANIFEST.MF");
            }
            if (a.isEmpty()) {
                LOG.atDebug().addKeyValue("archive", archive).log("java: archive identifies no artifact");
            }
            return a.map(List::of).orElse(List.of());
        }
    }

}
