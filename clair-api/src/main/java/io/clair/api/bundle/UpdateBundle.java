package io.clair.api.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clair.api.mapping.V4Mapper;
import io.clair.core.store.VulnerabilityStore;
import io.clair.core.vuln.Enrichment;
import io.clair.core.vuln.Fingerprint;
import io.clair.core.vuln.UpdateKind;
import io.clair.core.vuln.UpdateOperation;
import io.clair.core.vuln.Vulnerability;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Clair's offline updater bundle: newline-delimited JSON, one vulnerability or enrichment record per line, grouped
 * into update operations by {@code Ref}. Air-gapped sites export it where the feeds are reachable and import it into
 * their database; importing skips operations whose updater already holds the same fingerprint (or reference).
 */
public final class UpdateBundle {
    private static final ObjectMapper JSON = new ObjectMapper();

    private UpdateBundle() {
    }

    /** A vulnerability update operation as the bundle carries it. */
    public record Operation(String updater, Fingerprint fingerprint, Instant date, UUID ref,
            List<Vulnerability> vulnerabilities) {
    }

    /** An enrichment update operation as the bundle carries it. */
    public record EnrichmentOperation(String updater, Fingerprint fingerprint, Instant date, UUID ref,
            List<Enrichment> enrichments) {
    }

    /**
     * What an import did.
     *
     * @param imported        operations recorded (of either kind)
     * @param skipped         operations already present
     * @param vulnerabilities vulnerability records imported
     * @param enrichments     enrichment records imported
     */
    public record ImportResult(int imported, int skipped, int vulnerabilities, int enrichments) {
    }

    /** Appends one vulnerability operation's lines. */
    public static void write(Writer out, Operation op) throws IOException {
        for (Vulnerability v : op.vulnerabilities()) {
            line(out, new BundleLine(op.updater(), op.fingerprint().value(), op.date().toString(),
                    UpdateKind.VULNERABILITY.wireName(), op.ref().toString(), V4Mapper.vulnerability(v.withId("")),
                    null));
        }
    }

    /** Appends one enrichment operation's lines. */
    public static void write(Writer out, EnrichmentOperation op) throws IOException {
        for (Enrichment e : op.enrichments()) {
            line(out, new BundleLine(op.updater(), op.fingerprint().value(), op.date().toString(),
                    UpdateKind.ENRICHMENT.wireName(), op.ref().toString(), null,
                    new BundleLine.EnrichmentRecord(e.tags(), e.data())));
        }
    }

    private static void line(Writer out, BundleLine line) throws IOException {
        out.write(JSON.writeValueAsString(line));
        out.write('\n');
    }

    /** Writes the current data of every updater in {@code store}, vulnerabilities first, then enrichments. */
    public static void export(VulnerabilityStore store, OutputStream raw) throws IOException {
        Writer out = new BufferedWriter(new OutputStreamWriter(raw, StandardCharsets.UTF_8), 1 << 16);
        for (Map.Entry<String, List<UpdateOperation>> e : store.updateOperations(UpdateKind.VULNERABILITY, true)
                .entrySet()) {
            UpdateOperation op = e.getValue().get(0);
            write(out, new Operation(op.updater(), op.fingerprint(), op.date(), op.ref(),
                    store.vulnerabilities(op.updater())));
        }
        for (Map.Entry<String, List<UpdateOperation>> e : store.updateOperations(UpdateKind.ENRICHMENT, true)
                .entrySet()) {
            UpdateOperation op = e.getValue().get(0);
            write(out, new EnrichmentOperation(op.updater(), op.fingerprint(), op.date(), op.ref(),
                    store.enrichments(op.updater())));
        }
        out.flush();
    }

    /** Reads a bundle (plain, gzip or zstd) into {@code store}. */
    public static ImportResult importInto(VulnerabilityStore store, InputStream raw) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(Compression.decompressing(raw),
                StandardCharsets.UTF_8), 1 << 16);
        Counts counts = new Counts();
        Group group = null;
        int lineNo = 0;
        for (String line; (line = in.readLine()) != null; ) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            BundleLine l;
            try {
                l = JSON.readValue(line, BundleLine.class);
            } catch (JsonProcessingException e) {
                throw new IOException("bundle: line " + lineNo + " is not a bundle record: " + e.getOriginalMessage(), e);
            }
            if (l.ref() == null || l.updater() == null) {
                throw new IOException("bundle: line " + lineNo + " lacks Ref or Updater");
            }
            UpdateKind kind = kind(l, lineNo);
            if (group == null || !l.ref().equals(group.head.ref())) {
                if (group != null) {
                    group.flush(store, counts);
                }
                group = new Group(l, kind);
            } else if (kind != group.kind) {
                throw new IOException("bundle: line " + lineNo + " is of kind " + kind.wireName()
                        + " inside operation " + l.ref() + " of kind " + group.kind.wireName());
            }
            group.add(l, lineNo);
        }
        if (group != null) {
            group.flush(store, counts);
        }
        return new ImportResult(counts.imported, counts.skipped, counts.vulnerabilities, counts.enrichments);
    }

    /** The line's kind: {@code Kind} when given (claircore always writes it), else what the line carries. */
    private static UpdateKind kind(BundleLine l, int lineNo) throws IOException {
        UpdateKind kind;
        if (l.kind() != null && !l.kind().isEmpty()) {
            try {
                kind = UpdateKind.fromWire(l.kind());
            } catch (IllegalArgumentException e) {
                throw new IOException("bundle: line " + lineNo + " has unknown Kind \"" + l.kind() + "\"", e);
            }
        } else {
            kind = l.enrichment() != null ? UpdateKind.ENRICHMENT : UpdateKind.VULNERABILITY;
        }
        if (kind == UpdateKind.VULNERABILITY ? l.vuln() == null : l.enrichment() == null) {
            throw new IOException("bundle: line " + lineNo + " of kind " + kind.wireName() + " lacks its "
                    + (kind == UpdateKind.VULNERABILITY ? "Vuln" : "Enrichment"));
        }
        return kind;
    }

    private static final class Counts {
        int imported;
        int skipped;
        int vulnerabilities;
        int enrichments;
    }

    /** The lines of one operation, recorded when the next operation (or the end) is reached. */
    private static final class Group {
        final BundleLine head;
        final UpdateKind kind;
        final List<Vulnerability> vulns = new ArrayList<>();
        final List<Enrichment> enrichments = new ArrayList<>();

        Group(BundleLine head, UpdateKind kind) {
            this.head = head;
            this.kind = kind;
        }

        void add(BundleLine l, int lineNo) throws IOException {
            if (kind == UpdateKind.VULNERABILITY) {
                vulns.add(V4Mapper.vulnerability(l.vuln()).withUpdater(l.updater()));
                return;
            }
            try {
                enrichments.add(new Enrichment(l.enrichment().tags() == null ? List.of() : l.enrichment().tags(),
                        l.enrichment().enrichment() == null ? Map.of() : l.enrichment().enrichment()));
            } catch (IllegalArgumentException e) {
                throw new IOException("bundle: line " + lineNo + ": " + e.getMessage(), e);
            }
        }

        void flush(VulnerabilityStore store, Counts counts) throws IOException {
            Fingerprint fp = new Fingerprint(head.fingerprint());
            UUID ref;
            try {
                ref = UUID.fromString(head.ref());
            } catch (IllegalArgumentException e) {
                throw new IOException("bundle: Ref " + head.ref() + " is not a UUID", e);
            }
            for (UpdateOperation op : store.updateOperations(kind, false).getOrDefault(head.updater(), List.of())) {
                if (op.fingerprint().equals(fp) || op.ref().equals(ref)) {
                    counts.skipped++;
                    return;
                }
            }
            if (kind == UpdateKind.ENRICHMENT) {
                store.recordEnrichments(head.updater(), fp, enrichments, ref);
                counts.enrichments += enrichments.size();
            } else {
                store.recordUpdate(head.updater(), fp, vulns, ref);
                counts.vulnerabilities += vulns.size();
            }
            counts.imported++;
        }
    }
}
