package io.clair.api.v4;

/** Clair's vendor media types; each resource also speaks {@code application/json}. */
public final class MediaTypes {
    public static final String MANIFEST = "application/vnd.clair.manifest.v1+json";
    public static final String INDEX_REPORT = "application/vnd.clair.index_report.v1+json";
    public static final String VULNERABILITY_REPORT = "application/vnd.clair.vulnerability_report.v1+json";
    public static final String INDEX_STATE = "application/vnd.clair.index_state.v1+json";
    public static final String AFFECTED_MANIFESTS = "application/vnd.clair.affected_manifests.v1+json";
    public static final String UPDATE_OPERATIONS = "application/vnd.clair.update_operations.v1+json";
    public static final String UPDATE_DIFF = "application/vnd.clair.update_diff.v1+json";
    public static final String NOTIFICATION_PAGE = "application/vnd.clair.notification_page.v1+json";
    public static final String BULK_DELETE = "application/vnd.clair.bulk_delete.v1+json";
    public static final String ERROR = "application/vnd.clair.error.v1+json";

    private MediaTypes() {
    }
}
