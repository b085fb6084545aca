package io.clair.core.notify;

import io.clair.core.store.VulnerabilityStore;
import io.clair.core.vuln.UpdateDiff;
import io.clair.core.vuln.UpdateKind;
import io.clair.core.vuln.UpdateOperation;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Where the notifier learns about vulnerability updates: the vulnerability store it shares with the updater, or a
 * matcher's internal {@code update_operation}/{@code update_diff} API over HTTP.
 */
public interface UpdateSource {

    /** Vulnerability update operations per updater, newest first. */
    Map<String, List<UpdateOperation>> operations() throws IOException;

    /** Records added and removed between two operations of one updater; {@code prev} may be null. */
    UpdateDiff diff(UUID prev, UUID cur) throws IOException;

    /** The store's own operations and diffs, for a notifier sharing the vulnerability store. */
    static UpdateSource of(VulnerabilityStore store) {
        return new UpdateSource() {
            @Override
            public Map<String, List<UpdateOperation>> operations() {
                return store.updateOperations(UpdateKind.VULNERABILITY, false);
            }

            @Override
            public UpdateDiff diff(UUID prev, UUID cur) {
                return store.diff(prev, cur);
            }
        };
    }
}
