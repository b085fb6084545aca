package io.clair.service.roles;

import io.clair.core.index.IndexReport;
import io.clair.core.manifest.Digest;
import java.io.IOException;
import java.util.Optional;

/**
 * Where the matcher gets index reports: the indexer over HTTP when deployed apart, the shared store when both roles
 * run in one process (the indexer module then provides this bean and it replaces the HTTP default).
 */
public interface IndexReportSource {
    Optional<IndexReport> get(Digest manifest) throws IOException;
}
