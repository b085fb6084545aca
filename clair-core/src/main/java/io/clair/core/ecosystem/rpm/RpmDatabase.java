package io.clair.core.ecosystem.rpm;

import io.clair.core.ecosystem.rpm.rpmdb.HeaderException;
import io.clair.core.ecosystem.rpm.rpmdb.RpmDbKind;
import io.clair.core.ecosystem.rpm.rpmdb.RpmHeader;
import io.clair.core.layer.Layer;
import io.clair.core.layer.LayerEntry;
import io.clair.core.scan.ScanException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * An rpm package database found in a layer.
 *
 * <p>{@link #find(Layer)} looks for the databases by file name anywhere in the layer ({@code var/lib/rpm/Packages},
 * {@code usr/lib/sysimage/rpm/rpmdb.sqlite}, {@code Packages.db}, ...), as claircore does. rpm's environment files
 * ({@code __db.001}) and index files are never read. Shared for other scanners that need what rpm installed, for
 * example the files it owns ({@link RpmHeader#files()}).
 *
 * @param kind      the database format
 * @param directory layer path of the directory holding it ({@code .} for the layer root, as claircore writes it)
 * @param file      layer path of the database file
 */
public record RpmDatabase(RpmDbKind kind, String directory, String file) {

    /** Receives each header of a database. */
    @FunctionalInterface
    public interface HeaderVisitor {
        void visit(RpmHeader header) throws IOException;
    }

    /** The value claircore stores as a package's database: {@code kind:directory}, e.g. {@code bdb:var/lib/rpm}. */
    public String packageDb() {
        return kind.id() + ":" + directory;
    }

    /**
     * The rpm databases in {@code layer}, in path order, at most one per directory: when a directory holds two formats
     * (a half-finished conversion), the first in path order is read, as claircore does.
     */
    public static List<RpmDatabase> find(Layer layer) throws IOException {
        List<LayerEntry> candidates;
        try (Stream<LayerEntry> entries = layer.entries()) {
            candidates = entries
                    .filter(e -> e.type() == LayerEntry.Type.FILE || e.type() == LayerEntry.Type.HARDLINK)
                    .filter(e -> RpmDbKind.forFileName(baseName(e.path())).isPresent())
                    .sorted(Comparator.comparing(LayerEntry::path))
                    .toList();
        }
        List<RpmDatabase> out = new ArrayList<>();
        Set<String> dirs = new HashSet<>();
        for (LayerEntry e : candidates) {
            RpmDbKind kind = RpmDbKind.forFileName(baseName(e.path())).orElseThrow();
            String dir = dirName(e.path());
            if (dirs.contains(dir) || !hasMagic(layer, e.path(), kind)) {
                continue;
            }
            dirs.add(dir);
            out.add(new RpmDatabase(kind, dir, e.path()));
        }
        return out;
    }

    /**
     * Parses every header of this database and hands it to {@code visitor}, in the database's own order.
     *
     * @throws ScanException when the database or a header in it is corrupt; the message names {@link #file()}
     */
    public void forEachHeader(Layer layer, HeaderVisitor visitor) throws IOException {
        int[] n = {0};
        kind.read(layer.localFile(file), file, blob -> {
            n[0]++;
            try {
                visitor.visit(RpmHeader.parse(blob));
            } catch (HeaderException e) {
                String msg = e.getMessage().startsWith("rpm: ") ? e.getMessage().substring(5) : e.getMessage();
                throw new ScanException("rpm: " + kind.id() + ": " + file + ": header #" + n[0] + ": " + msg, e);
            } catch (ScanException e) {
                throw e;
            } catch (IOException e) {
                throw new ScanException("rpm: " + file + ": " + e.getMessage(), e);
            }
        });
    }

    private static boolean hasMagic(Layer layer, String path, RpmDbKind kind) throws IOException {
        if (kind.magicBytes() == 0) {
            return true;
        }
        try (InputStream in = layer.open(path)) {
            return kind.hasMagic(in.readNBytes(kind.magicBytes()));
        }
    }

    private static String baseName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String dirName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "." : path.substring(0, slash);
    }
}
