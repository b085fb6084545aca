package io.clair.core.vuln;

/** What an update operation carries. */
public enum UpdateKind {
    VULNERABILITY("vulnerability"),
    ENRICHMENT("enrichment");

    private final String wire;

    UpdateKind(String wire) {
        this.wire = wire;
    }

    public String wireName() {
        return wire;
    }

    public static UpdateKind fromWire(String s) {
        for (UpdateKind k : values()) {
            if (k.wire.equalsIgnoreCase(s)) {
                return k;
            }
        }
        throw new IllegalArgumentException("update kind: unknown \"" + s + "\"");
    }
}
