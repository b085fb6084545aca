package io.clair.core.index;

import java.util.Objects;

/**
 * One package in the context of one distribution and at most one repository: the unit matchers look at.
 * {@code distribution} and {@code repository} may be null.
 */
public record IndexRecord(Package pkg, Distribution distribution, Repository repository) {
    public IndexRecord {
        Objects.requireNonNull(pkg, "pkg");
    }
}
