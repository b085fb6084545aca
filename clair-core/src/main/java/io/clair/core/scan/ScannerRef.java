package io.clair.core.scan;

import java.util.Objects;

/** The persisted identity of a scanner: results are cached per layer under this key. */
public record ScannerRef(String name, String version, String kind) implements Comparable<ScannerRef> {
    /** The engine's own "scanner" that records a layer's whiteouts. */
    public static final ScannerRef WHITEOUT = new ScannerRef("whiteout", "1", "file");

    public ScannerRef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(kind, "kind");
    }

    public static ScannerRef of(VersionedScanner s) {
        return new ScannerRef(s.name(), s.version(), s.kind());
    }

    @Override
    public int compareTo(ScannerRef o) {
        int c = name.compareTo(o.name);
        if (c == 0) {
            c = kind.compareTo(o.kind);
        }
        return c != 0 ? c : version.compareTo(o.version);
    }
}
