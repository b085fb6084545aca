package io.clair.core.match;

/**
 * A condition the vulnerability store applies when fetching candidate vulnerabilities for an index record. Each
 * constraint pairs one field of the record with the same field of a stored vulnerability; all of a matcher's
 * constraints are ANDed. The package name (binary, or its source package) is always part of the query.
 */
public enum MatchConstraint {
    /** Vulnerability package name equals the record's source package name. */
    PACKAGE_SOURCE_NAME,
    /** Vulnerability package module equals the record's package module. */
    PACKAGE_MODULE,
    /** Distribution {@code did} (os-release ID) equal. */
    DISTRIBUTION_DID,
    /** Distribution name equal. */
    DISTRIBUTION_NAME,
    /** Distribution version equal. */
    DISTRIBUTION_VERSION,
    /** Distribution {@code version_id} equal. */
    DISTRIBUTION_VERSION_ID,
    /** Distribution code name equal. */
    DISTRIBUTION_VERSION_CODE_NAME,
    /** Distribution pretty name equal. */
    DISTRIBUTION_PRETTY_NAME,
    /** Distribution CPE equal. */
    DISTRIBUTION_CPE,
    /** Distribution architecture equal. */
    DISTRIBUTION_ARCH,
    /** Repository name equal. */
    REPOSITORY_NAME,
    /** Repository key equal. */
    REPOSITORY_KEY,
    /** Repository URI equal. */
    REPOSITORY_URI,
    /** Only vulnerabilities that name a fixed version. */
    HAS_FIXED_IN_VERSION
}
