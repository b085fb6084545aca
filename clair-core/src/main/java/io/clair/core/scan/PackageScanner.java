package io.clair.core.scan;

import io.clair.core.index.Package;
import io.clair.core.layer.Layer;
import java.io.IOException;
import java.util.List;

/**
 * Finds the packages one layer holds, on its own, without looking at other layers.
 *
 * <p>Each returned package MUST carry {@link Package#packageDb()} (the database or file it came from, a layer path)
 * and, for language packages, {@link Package#filepath()}; ids are left empty. An empty list means "nothing here",
 * never null. A malformed database MUST raise {@link ScanException} with a message naming the file; an
 * {@link IOException} is for failures of the layer itself.
 */
public non-sealed interface PackageScanner extends VersionedScanner {
    List<Package> scan(Layer layer) throws IOException;
}
