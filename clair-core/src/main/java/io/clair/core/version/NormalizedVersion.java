package io.clair.core.version;

import java.util.Arrays;
import java.util.Objects;

/**
 * A version encoded as ten integers so that SQL can order and range-filter it, as claircore does:
 * {@code integer[10]} in Postgres, text form {@code kind:v0.v1.v2.v3.v4.v5.v6.v7.v8.v9}.
 * Two normalized versions of the same kind order as their arrays order lexicographically.
 */
public final class NormalizedVersion implements Comparable<NormalizedVersion> {
    public static final int WIDTH = 10;

    private final String kind;
    private final int[] v;

    public NormalizedVersion(String kind, int[] v) {
        this.kind = Objects.requireNonNull(kind, "kind");
        if (kind.isEmpty() || kind.indexOf(':') >= 0) {
            throw new IllegalArgumentException("normalized version: bad kind \"" + kind + "\"");
        }
        if (v.length != WIDTH) {
            throw new IllegalArgumentException("normalized version: need " + WIDTH + " values, got " + v.length);
        }
        this.v = v.clone();
    }

    public String kind() {
        return kind;
    }

    /** A copy of the ten values. */
    public int[] values() {
        return v.clone();
    }

    public int value(int i) {
        return v[i];
    }

    /** Parses the text form {@code kind:v0....v9}; values may be negative. */
    public static NormalizedVersion parse(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("normalized version: missing kind in \"" + text + "\"");
        }
        String[] parts = text.substring(colon + 1).split("\\.");
        if (parts.length != WIDTH) {
            throw new IllegalArgumentException("normalized version: need " + WIDTH + " values in \"" + text + "\"");
        }
        int[] v = new int[WIDTH];
        for (int i = 0; i < WIDTH; i++) {
            v[i] = Integer.parseInt(parts[i]);
        }
        return new NormalizedVersion(text.substring(0, colon), v);
    }

    /** Orders by kind, then by the values; only versions of one kind are meaningfully comparable. */
    @Override
    public int compareTo(NormalizedVersion o) {
        int c = kind.compareTo(o.kind);
        return c != 0 ? c : Arrays.compare(v, o.v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NormalizedVersion n && kind.equals(n.kind) && Arrays.equals(v, n.v);
    }

    @Override
    public int hashCode() {
        return 31 * kind.hashCode() + Arrays.hashCode(v);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(kind).append(':');
        for (int i = 0; i < WIDTH; i++) {
            if (i > 0) {
                b.append('.');
            }
            b.append(v[i]);
        }
        return b.toString();
    }
}
