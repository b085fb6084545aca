package io.clair.core.image;

import io.clair.core.manifest.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Random access to a (possibly gzip or zstd compressed) tar such as {@code docker save} writes, in two sequential
 * passes: {@link #index} lists the entries and keeps the small JSON documents in memory; {@link #extract} copies
 * the chosen entries (the layers) to files, hashing them on the way. Links are followed, because skopeo writes
 * {@code <id>/layer.tar} as a symlink to {@code <diffid>.tar}.
 */
final class ArchiveTar {
    /** Entries up to this size that start with '{' or '[' are kept in memory: manifests, configs, index.json. */
    private static final int MAX_JSON = 1 << 20;
    private static final int MAX_LINKS = 16;

    /** A regular file extracted by {@link #extract}. */
    record Extracted(Path file, Digest digest, long size) {
    }

    private final Path file;
    private final String what;
    private final Map<String, Long> sizes = new HashMap<>();
    private final Map<String, String> links = new HashMap<>();
    private final Map<String, byte[]> json = new HashMap<>();

    private ArchiveTar(Path file, String what) {
        this.file = file;
        this.what = what;
    }

    /** Reads the archive once, recording entries, links and small JSON documents. */
    static ArchiveTar index(Path file, String what) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(what + ": " + file + " does not exist or is not a file");
        }
        ArchiveTar tar = new ArchiveTar(file, what);
        tar.scan(null, null, null);
        if (tar.sizes.isEmpty() && tar.links.isEmpty()) {
            throw new IOException(what + ": " + file + " is not a tar archive (no entries)");
        }
        return tar;
    }

    /** The JSON document stored at {@code name} (links followed), or null when there is none. */
    byte[] json(String name) throws IOException {
        return json.get(resolve(name));
    }

    /**
     * Copies the regular files {@code names} (links followed) into {@code dir}, as {@code layer-<n>} in the order
     * given.
     */
    Map<String, Extracted> extract(Set<String> names, Path dir) throws IOException {
        Map<String, Path> targets = new LinkedHashMap<>();
        for (String n : names) {
            String real = resolve(n);
            if (!sizes.containsKey(real)) {
                throw new IOException(what + ": the archive has no file " + n);
            }
            targets.putIfAbsent(real, dir.resolve("layer-" + targets.size()));
        }
        Map<String, Extracted> byReal = new HashMap<>();
        scan(targets, dir, byReal);
        Map<String, Extracted> out = new LinkedHashMap<>();
        for (String n : names) {
            Extracted e = byReal.get(resolve(n));
            if (e == null) {
                throw new IOException(what + ": " + n + " vanished between two reads of the archive");
            }
            out.put(n, e);
        }
        return out;
    }

    private void scan(Map<String, Path> targets, Path dir, Map<String, Extracted> out) throws IOException {
        try (InputStream raw = Compression.open(file); TarArchiveInputStream in = new TarArchiveInputStream(raw)) {
            TarArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                String name = normalize(e.getName());
                if (targets == null) {
                    record(in, e, name);
                } else if (e.isFile() && targets.containsKey(name)) {
                    out.put(name, copy(in, targets.get(name), e.getSize(), name));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException(what + ": " + file + " is corrupt or truncated: " + e.getMessage(), e);
        }
    }

    private void record(TarArchiveInputStream in, TarArchiveEntry e, String name) throws IOException {
        if (e.isSymbolicLink()) {
            String parent = name.contains("/") ? name.substring(0, name.lastIndexOf('/') + 1) : "";
            links.put(name, normalize(e.getLinkName().startsWith("/") ? e.getLinkName() : parent + e.getLinkName()));
        } else if (e.isLink()) {
            links.put(name, normalize(e.getLinkName()));
        } else if (e.isFile()) {
            sizes.put(name, e.getSize());
            if (e.getSize() <= MAX_JSON) {
                byte[] bytes = in.readNBytes((int) e.getSize());
                if (bytes.length != e.getSize()) {
                    throw new IOException("entry " + name + " is truncated");
                }
                if (bytes.length > 0 && (bytes[0] == '{' || bytes[0] == '[')) {
                    json.put(name, bytes);
                }
            }
        }
    }

    private Extracted copy(InputStream in, Path target, long size, String name) throws IOException {
        MessageDigest md = sha256();
        long copied;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(target), md)) {
            copied = in.transferTo(out);
        }
        if (copied != size) {
            throw new IOException("entry " + name + " is truncated (" + copied + " of " + size + " bytes)");
        }
        return new Extracted(target, new Digest("sha256", HexFormat.of().formatHex(md.digest())), copied);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("image: JDK lacks SHA-256", e);
        }
    }

    private String resolve(String name) throws IOException {
        String n = normalize(name);
        for (int i = 0; links.containsKey(n); i++) {
            if (i >= MAX_LINKS) {
                throw new IOException(what + ": too many links resolving " + name);
            }
            n = links.get(n);
        }
        return n;
    }

    /** Archive-relative path without {@code ./}, leading {@code /} or {@code ..} segments resolved. */
    static String normalize(String name) {
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        for (String p : name.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(p);
            }
        }
        return String.join("/", parts);
    }
}
