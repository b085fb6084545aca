package io.clair.core.ecosystem.java;

/**
 * Bounds on the work one top-level archive may cause, so that a zip bomb or deeply nested archive costs a known
 * amount of memory and time.
 *
 * @param maxDepth         how many archive levels below the top-level file are opened
 * @param maxNestedBytes   inflated size of one nested archive, held in memory while it is read
 * @param maxMetadataBytes inflated size of one {@code pom.properties} or {@code MANIFEST.MF}
 * @param maxTotalBytes    inflated bytes read from one top-level archive and everything nested in it
 * @param maxEntries       archive entries visited in one top-level archive and everything nested in it
 */
record JarLimits(int maxDepth, int maxNestedBytes, int maxMetadataBytes, long maxTotalBytes, int maxEntries) {

    static final JarLimits DEFAULT = new JarLimits(3, 64 << 20, 1 << 20, 512L << 20, 200_000);
}
