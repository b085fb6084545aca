package io.clair.core.notify;

import io.clair.core.index.Distribution;
import io.clair.core.index.Package;
import io.clair.core.index.Repository;
import io.clair.core.vuln.Severity;
import io.clair.core.vuln.Vulnerability;
import java.util.Objects;

/**
 * The part of a vulnerability a notification carries (Clair's {@code VulnSummary}). {@code severity} is the
 * normalized severity: Clair puts the normalized level in its {@code severity} field, and clients filter on it.
 *
 * @param pkg          the affected package, or null
 * @param distribution the distribution the record applies to, or null
 * @param repository   the repository the record applies to, or null
 */
public record VulnSummary(String name, String description, Package pkg, Distribution distribution,
        Repository repository, Severity severity, String fixedInVersion, String links) {

    public VulnSummary {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        severity = severity == null ? Severity.Unknown : severity;
        fixedInVersion = fixedInVersion == null ? "" : fixedInVersion;
        links = links == null ? "" : links;
    }

    public static VulnSummary of(Vulnerability v) {
        return new VulnSummary(v.name(), v.description(), v.pkg(), v.distribution(), v.repository(),
                v.normalizedSeverity(), v.fixedInVersion(), v.links());
    }
}
