package io.clair.core.scan;

import java.util.List;

/**
 * Merges one ecosystem's per-layer findings into the packages present in the final image.
 *
 * <p>Input is in layer order, base layer first. The result MUST contain only packages present once every layer is
 * applied: when several layers carry the same package database, the last one wins; a package whose database or
 * file a later layer deletes (see {@link LayerArtifacts#whiteouts()}) is gone. Each package's environment names the
 * layer that introduced it. Implementations MUST be stateless.
 */
public interface Coalescer {
    CoalescedReport coalesce(List<LayerArtifacts> layers);
}
