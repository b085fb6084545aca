package io.clair.core.scan;

import io.clair.core.index.Repository;
import io.clair.core.layer.Layer;
import java.io.IOException;
import java.util.List;

/** Finds the package repositories (content sets, registries) a layer's packages come from. */
public non-sealed interface RepositoryScanner extends VersionedScanner {
    List<Repository> scan(Layer layer) throws IOException;
}
