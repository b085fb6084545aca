package io.clair.core.notify;

/** Why a manifest is in a notification: a vulnerability that now affects it, or one that no longer does. */
public enum Reason {
    ADDED("added"),
    REMOVED("removed"),
    /** Defined by Clair's wire format; Clair never produces it and neither do we. */
    CHANGED("changed");

    private final String wire;

    Reason(String wire) {
        this.wire = wire;
    }

    public String wireName() {
        return wire;
    }

    public static Reason fromWire(String s) {
        for (Reason r : values()) {
            if (r.wire.equals(s)) {
                return r;
            }
        }
        throw new IllegalArgumentException("notifier: unknown reason \"" + s + "\"");
    }
}
