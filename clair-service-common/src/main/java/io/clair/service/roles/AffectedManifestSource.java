package io.clair.service.roles;

import io.clair.core.notify.AffectedManifestLookup;

/**
 * Where the notifier asks which manifests vulnerabilities affect: the indexer's internal {@code affected_manifest}
 * API over HTTP when deployed apart (the updater module's default), the indexer's store when both roles run in one
 * process (the indexer module then provides this bean and it replaces the HTTP default).
 */
public interface AffectedManifestSource extends AffectedManifestLookup {

    /** False when there is no indexer to ask (none in this process and no URL configured): the notifier stays idle. */
    default boolean available() {
        return true;
    }
}
