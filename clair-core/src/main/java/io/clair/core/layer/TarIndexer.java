package io.clair.core.layer;

import io.clair.core.manifest.Digest;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads tar headers from a {@link SpoolingReader} and builds the {@link TarIndex} and the whiteout list. Rejects the
 * whole layer on corrupt headers, truncation, entries that climb out of the root with {@code ..}, names with NUL
 * bytes, and entry-count or file-size limits; a layer like that is broken or hostile, and a partial index of it
 * would give a wrong report.
 */
final class TarIndexer {
    private static final Logger LOG = LoggerFactory.getLogger(TarIndexer.class);
    /** PAX records carry a few names and times; anything bigger is hostile. */
    private static final int MAX_PAX = 1 << 20;
    /** PATH_MAX is 4096; GNU long names longer than this are hostile. */
    private static final int MAX_LONG_NAME = 64 * 1024;
    /** Extended headers (PAX, GNU long names) in a row before one entry; bounds what they can make us hold. */
    private static final int MAX_EXTENDED_RUN = 8;
    private static final String WH = ".wh.";
    private static final String OPAQUE = ".wh..wh..opq";

    private final Digest layer;
    private final LayerOptions options;
    private final TarIndex.Builder index = new TarIndex.Builder();
    private final List<Whiteout> whiteouts = new ArrayList<>();
    private long entries;
    /** Extended headers since the last entry; a real entry needs a few at most. */
    private int extendedRun;

    TarIndexer(Digest layer, LayerOptions options) {
        this.layer = layer;
        this.options = options;
    }

    TarIndex index() {
        return index.build();
    }

    List<Whiteout> whiteouts() {
        return List.copyOf(whiteouts);
    }

    long entries() {
        return entries;
    }

    /** Indexes the archive up to its end-of-archive marker (or a clean end of stream between entries). */
    void run(SpoolingReader in) throws IOException {
        byte[] block = new byte[TarHeader.BLOCK];
        Map<String, String> pax = null;
        String longName = null;
        String longLink = null;
        while (true) {
            long at = in.position();
            boolean got;
            try {
                got = in.readFully(block);
            } catch (EOFException e) {
                throw corrupt("archive ends inside the header at offset " + at);
            }
            if (!got || TarHeader.isZero(block)) {
                if (pax != null || longName != null || longLink != null) {
                    throw corrupt("archive ends after an extended header at offset " + at);
                }
                return; // a second zero block and any padding are drained by the caller
            }
            TarHeader h;
            try {
                h = TarHeader.parse(block);
            } catch (IllegalArgumentException e) {
                throw corrupt(e.getMessage() + " in the header at offset " + at);
            }
            switch (h.type) {
                case 'x' -> {
                    extended(at);
                    try {
                        pax = TarHeader.parsePax(content(in, h, MAX_PAX, "PAX header"), pax);
                    } catch (IllegalArgumentException e) {
                        throw corrupt(e.getMessage() + " in the PAX header at offset " + at);
                    }
                    continue;
                }
                case 'g' -> { // global PAX defaults (git archive writes a comment here); nothing a scanner needs
                    extended(at);
                    content(in, h, MAX_PAX, "global PAX header");
                    continue;
                }
                case 'L' -> {
                    extended(at);
                    longName = TarHeader.longName(content(in, h, MAX_LONG_NAME, "GNU long name"));
                    continue;
                }
                case 'K' -> {
                    extended(at);
                    longLink = TarHeader.longName(content(in, h, MAX_LONG_NAME, "GNU long link name"));
                    continue;
                }
                case 'V' -> { // GNU volume label: not a file
                    extended(at);
                    skip(in, h.size, "volume label");
                    continue;
                }
                default -> {
                }
            }
            String name = pick(pax, "path", longName, h.name);
            String link = pick(pax, "linkpath", longLink, h.linkName);
            long size = h.size;
            boolean sparse = h.type == 'S';
            if (pax != null) {
                if (pax.containsKey("size") && !pax.get("size").isEmpty()) {
                    size = paxSize(pax.get("size"), name);
                }
                sparse |= pax.keySet().stream().anyMatch(k -> k.startsWith("GNU.sparse."));
            }
            pax = null;
            longName = null;
            longLink = null;
            extendedRun = 0;
            entry(in, h, name, link, size, sparse);
        }
    }

    private void entry(SpoolingReader in, TarHeader h, String name, String link, long size, boolean sparse)
            throws IOException {
        if (++entries > options.maxEntries()) {
            throw new LayerException(layer, "more than " + options.maxEntries() + " tar entries (maxEntries)");
        }
        String path = checkedPath(name, "entry");
        LayerEntry.Type type = type(h.type, name, sparse);
        // link, directory and device entries have no content, whatever their size field says (as in Go's reader)
        long content = switch (h.type) {
            case '1', '2', '3', '4', '5', '6' -> 0;
            default -> size;
        };
        if (content > options.maxFileSize()) {
            throw new LayerException(layer, "entry " + path + " claims " + content + " bytes, above the per-file"
                    + " limit of " + options.maxFileSize() + " bytes (maxFileSize)");
        }
        long offset = in.position();
        skip(in, content, "entry " + path);
        if (isWhiteout(path)) {
            return;
        }
        if (type == LayerEntry.Type.HARDLINK) {
            checkedPath(link, "hard link target of " + path);
        }
        if (path.isEmpty()) {
            return; // the root directory itself ("./")
        }
        if (sparse) {
            LOG.atWarn().addKeyValue("layer", layer).addKeyValue("path", path)
                    .log("layer: sparse tar entries are not supported; listed as OTHER without content");
        }
        index.add(new LayerEntry(path, type, type == LayerEntry.Type.FILE ? size : 0, h.mode,
                type == LayerEntry.Type.SYMLINK || type == LayerEntry.Type.HARDLINK ? link : ""), offset);
    }

    /** Records whiteouts and drops other AUFS metadata ({@code .wh..wh.plnk} and the like); true for both. */
    private boolean isWhiteout(String path) {
        if (!path.contains(WH)) {
            return false;
        }
        int slash = path.lastIndexOf('/');
        String dir = slash < 0 ? "" : path.substring(0, slash);
        String base = path.substring(slash + 1);
        if (base.equals(OPAQUE)) {
            whiteouts.add(new Whiteout(dir, true));
            return true;
        }
        if (base.startsWith(WH + WH) || dir.startsWith(WH + WH) || dir.contains("/" + WH + WH)) {
            return true;
        }
        if (base.startsWith(WH)) {
            String target = base.substring(WH.length());
            whiteouts.add(new Whiteout(dir.isEmpty() ? target : dir + "/" + target, false));
            return true;
        }
        return false;
    }

    private static LayerEntry.Type type(byte t, String name, boolean sparse) {
        if (sparse) {
            return LayerEntry.Type.OTHER;
        }
        return switch (t) {
            case '0', '7' -> LayerEntry.Type.FILE;
            case 0 -> name.endsWith("/") ? LayerEntry.Type.DIRECTORY : LayerEntry.Type.FILE; // v7: dirs end in /
            case '1' -> LayerEntry.Type.HARDLINK;
            case '2' -> LayerEntry.Type.SYMLINK;
            case '5', 'D' -> LayerEntry.Type.DIRECTORY;
            default -> LayerEntry.Type.OTHER;
        };
    }

    /** Normalizes an archive path, rejecting NUL bytes and {@code ..} that would climb above the root. */
    private String checkedPath(String raw, String what) throws LayerException {
        if (raw.indexOf('\0') >= 0) {
            throw new LayerException(layer, "hostile tar: " + what + " \"" + printable(raw) + "\" contains a NUL"
                    + " byte");
        }
        int depth = 0;
        for (String seg : raw.replace('\\', '/').split("/")) {
            if (seg.equals("..")) {
                if (--depth < 0) {
                    throw new LayerException(layer, "hostile tar: " + what + " \"" + printable(raw)
                            + "\" escapes the layer root");
                }
            } else if (!seg.isEmpty() && !seg.equals(".")) {
                depth++;
            }
        }
        return LayerPaths.normalize(raw);
    }

    private byte[] content(SpoolingReader in, TarHeader h, int max, String what) throws IOException {
        if (h.size > max) {
            throw new LayerException(layer, "hostile tar: " + what + " of " + h.size + " bytes (at most " + max
                    + " accepted)");
        }
        byte[] b = new byte[(int) h.size];
        long at = in.position();
        boolean complete;
        try {
            complete = b.length == 0 || in.readFully(b);
        } catch (EOFException e) {
            complete = false;
        }
        if (!complete) {
            throw corrupt("archive ends inside the " + what + " at offset " + at);
        }
        in.skip(padding(h.size));
        return b;
    }

    private void extended(long at) throws LayerException {
        if (++extendedRun > MAX_EXTENDED_RUN) {
            throw new LayerException(layer, "hostile tar: more than " + MAX_EXTENDED_RUN + " extended headers in a"
                    + " row at offset " + at);
        }
    }

    private void skip(SpoolingReader in, long n, String what) throws IOException {
        long missing = in.skip(n);
        if (missing > 0) {
            throw corrupt("archive ends inside the content of " + what + ": " + missing + " of " + n
                    + " bytes missing");
        }
        in.skip(padding(n)); // a stream that stops in the padding lost nothing; the next read sees the end
    }

    private long paxSize(String v, String name) throws LayerException {
        try {
            long s = Long.parseLong(v.strip());
            if (s < 0) {
                throw new NumberFormatException();
            }
            return s;
        } catch (NumberFormatException e) {
            throw corrupt("bad PAX size \"" + printable(v) + "\" for " + printable(name));
        }
    }

    private static String pick(Map<String, String> pax, String key, String gnu, String header) {
        if (pax != null) {
            String v = pax.get(key);
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return gnu != null ? gnu : header;
    }

    private static long padding(long n) {
        return (TarHeader.BLOCK - (n % TarHeader.BLOCK)) % TarHeader.BLOCK;
    }

    private LayerException corrupt(String why) {
        return new LayerException(layer, "corrupt tar: " + why);
    }

    static String printable(String s) {
        String t = s.length() > 200 ? s.substring(0, 200) + "…" : s;
        return t.replaceAll("\\p{Cntrl}", "?");
    }
}
