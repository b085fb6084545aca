package io.clair.core.vuln;

import java.util.List;

/** What changed between two update operations of one updater; {@code prev} is null for a first run. */
public record UpdateDiff(UpdateOperation prev, UpdateOperation cur, List<Vulnerability> added,
        List<Vulnerability> removed) {
    public UpdateDiff {
        added = added == null ? List.of() : List.copyOf(added);
        removed = removed == null ? List.of() : List.copyOf(removed);
    }
}
