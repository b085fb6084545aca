package io.clair.core.vuln;

import java.util.regex.Pattern;

/** How a vulnerability's architecture applies to a package's, following claircore's {@code ArchOp}. */
public enum ArchOp {
    NONE(""),
    EQUALS("equals"),
    NOT_EQUALS("not equals"),
    PATTERN_MATCH("pattern match");

    private final String wire;

    ArchOp(String wire) {
        this.wire = wire;
    }

    public String wireName() {
        return wire;
    }

    public static ArchOp fromWire(String s) {
        if (s == null || s.isEmpty()) {
            return NONE;
        }
        for (ArchOp op : values()) {
            if (op.wire.equals(s)) {
                return op;
            }
        }
        throw new IllegalArgumentException("arch operation: unknown \"" + s + "\"");
    }

    /**
     * Whether a package of architecture {@code pkgArch} is affected by a vulnerability for {@code vulnArch}:
     * an empty vulnerability arch matches everything, an empty package arch matches nothing else.
     */
    public boolean applies(String vulnArch, String pkgArch) {
        if (vulnArch == null || vulnArch.isEmpty() || this == NONE) {
            return true;
        }
        if (pkgArch == null || pkgArch.isEmpty()) {
            return false;
        }
        return switch (this) {
            case EQUALS -> vulnArch.equals(pkgArch);
            case NOT_EQUALS -> !vulnArch.equals(pkgArch);
            case PATTERN_MATCH -> Pattern.compile(vulnArch).matcher(pkgArch).find();
            case NONE -> true;
        };
    }
}
