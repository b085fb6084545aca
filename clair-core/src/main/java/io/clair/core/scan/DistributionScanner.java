package io.clair.core.scan;

import io.clair.core.index.Distribution;
import io.clair.core.layer.Layer;
import java.io.IOException;
import java.util.List;

/**
 * Identifies the operating system a layer declares (os-release and friends). Returns at most a few distributions,
 * usually zero or one; an empty list means the layer says nothing about its distribution.
 */
public non-sealed interface DistributionScanner extends VersionedScanner {
    List<Distribution> scan(Layer layer) throws IOException;
}
