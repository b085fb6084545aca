package io.clair.core.index;

/** Whether a package is an installed binary package or the source package it was built from. */
public enum PackageKind {
    BINARY("binary"),
    SOURCE("source");

    private final String wire;

    PackageKind(String wire) {
        this.wire = wire;
    }

    /** The lowercase name Clair writes in JSON and in its database. */
    public String wireName() {
        return wire;
    }

    public static PackageKind fromWire(String s) {
        if (s == null || s.isEmpty() || s.equalsIgnoreCase("binary")) {
            return BINARY;
        }
        if (s.equalsIgnoreCase("source")) {
            return SOURCE;
        }
        throw new IllegalArgumentException("package kind: unknown \"" + s + "\"");
    }
}
