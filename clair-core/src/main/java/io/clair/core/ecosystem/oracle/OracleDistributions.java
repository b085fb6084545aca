package io.clair.core.ecosystem.oracle;

import io.clair.core.index.Distribution;

/**
 * The Oracle Linux {@link Distribution} values shared by the distribution scanner and the ELSA OVAL updater. Oracle
 * publishes its OVAL data per major release ({@code <platform>Oracle Linux 8</platform>}), so minor releases are
 * normalized away, with claircore's field values.
 */
public final class OracleDistributions {
    public static final String DID = "ol";
    public static final String NAME = "Oracle Linux Server";

    private OracleDistributions() {
    }

    /** Oracle Linux {@code major}, e.g. {@code release(8)}. */
    public static Distribution release(int major) {
        String v = Integer.toString(major);
        return new Distribution("", DID, NAME, v, "Oracle Linux " + v, v, "", "", NAME + " " + v);
    }
}
