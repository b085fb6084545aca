package io.clair.updater.notify;

import io.clair.api.client.ClairClient;
import io.clair.api.mapping.V4Mapper;
import io.clair.api.v4.UpdateDiffDto;
import io.clair.api.v4.UpdateOperationDto;
import io.clair.core.notify.UpdateSource;
import io.clair.core.vuln.Fingerprint;
import io.clair.core.vuln.UpdateDiff;
import io.clair.core.vuln.UpdateKind;
import io.clair.core.vuln.UpdateOperation;
import io.clair.core.vuln.Vulnerability;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Follows a matcher's update operations over its internal API ({@code update_operation}, {@code update_diff}), for
 * a notifier that does not share the matcher's vulnerability store.
 */
public final class MatcherUpdateSource implements UpdateSource {
    private final ClairClient matcher;

    public MatcherUpdateSource(ClairClient matcher) {
        this.matcher = matcher;
    }

    @Override
    public Map<String, List<UpdateOperation>> operations() throws IOException {
        Map<String, List<UpdateOperation>> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<UpdateOperationDto>> e : matcher.updateOperations("vulnerability", false)
                .entrySet()) {
            out.put(e.getKey(), e.getValue().stream().map(MatcherUpdateSource::operation).toList());
        }
        return out;
    }

    @Override
    public UpdateDiff diff(UUID prev, UUID cur) throws IOException {
        UpdateDiffDto d = matcher.updateDiff(prev == null ? null : prev.toString(), cur.toString());
        List<Vulnerability> added = d.added().stream().map(V4Mapper::vulnerability).toList();
        List<Vulnerability> removed = d.removed().stream().map(V4Mapper::vulnerability).toList();
        return new UpdateDiff(d.prev() == null ? null : operation(d.prev()), operation(d.cur()), added, removed);
    }

    static UpdateOperation operation(UpdateOperationDto d) {
        Instant date;
        try {
            date = OffsetDateTime.parse(d.date()).toInstant();
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("notifier: matcher sent update operation " + d.ref()
                    + " with a bad date \"" + d.date() + "\"", e);
        }
        return new UpdateOperation(UUID.fromString(d.ref()), d.updater(), new Fingerprint(d.fingerprint()), date,
                d.kind() == null || d.kind().isEmpty() ? UpdateKind.VULNERABILITY : UpdateKind.fromWire(d.kind()));
    }
}
