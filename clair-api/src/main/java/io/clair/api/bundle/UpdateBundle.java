package io.clair.api.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clair.api.mapping.V4Mapper;
import io.clair.core.store.VulnerabilityStore;
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
 * Clair's offline updater bundle: newline-delimited JSON, one vulnerability per line, grouped into update
 * operations by {@code Ref}. Air-gapped sites export it where the feeds are reachable and import it into their
 * database; importing skips operations whose updater already holds the same fingerprint.
 */
public final class UpdateBundle {
    private static final ObjectMapper JSON = new ObjectMapper();

    private UpdateBundle() {
    }

    /** An update operation as the bundle carries it. */
    public record Operation(String updater, Fingerprint fingerprint, Instant date, UUID ref,
            List<Vulnerability> vulnerabilities) {
    }

    /** What an import did. */
    public record ImportResult(int imported, int skipped, int vulnerabilities) {
    }

    /** Appends one operation's lines. */
    public static void write(Writer out, Operation op) throws IOException {
        for (Vulnerability v : op.vulnerabilities()) {
            BundleLine line = new BundleLine(op.updater(), op.fingerprint().value(), op.date().toString(),
                    UpdateKind.VULNERABILITY.wireName(), op.ref().toString(), V4Mapper.vulnerability(v.withId("")),
                    null);
            out.write(JSON.writeValueAsString(line));
            out.write('\n');
        }
    }

    /** Writes the current data of every updater in {@code store}. */
    public static void export(VulnerabilityStore store, OutputStream raw) throws IOException {
        Writer out = new BufferedWriter(new OutputStreamWriter(raw, StandardCharsets.UTF_8), 1 << 16);
        for (Map.Entry<String, List<UpdateOperation>> e : store.updateOperations(UpdateKind.VULNERABILITY, true)
                .entrySet()) {
            UpdateOperation op = e.getValue().get(0);
            write(out, new Operation(op.updater(), op.fingerprint(), op.date(), op.ref(),
                    store.vulnerabilities(op.updater())));
        }
        out.flush();
    }

    /** Reads a bundle (plain, gzip or zstd) into {@code store}. */
    public static ImportResult importInto(VulnerabilityStore store, InputStream raw) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(Compression.decompressing(raw),
                StandardCharsets.UTF_8), 1 << 16);
        int imported = 0;
        int skipped = 0;
        int vulns = 0;
        String currentRef = null;
        BundleLine head = null;
        List<Vulnerability> group = new ArrayList<>();
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
            if (l.vuln() == null) {
                continue; // enrichment lines: no enrichment store yet
            }
            if (l.ref() == null || l.updater() == null) {
                throw new IOException("bundle: line " + lineNo + " lacks Ref or Updater");
            }
            if (!l.ref().equals(currentRef)) {
                if (head != null) {
                    boolean done = flush(store, head, group);
                    imported += done ? 1 : 0;
                    skipped += done ? 0 : 1;
                    vulns += done ? group.size() : 0;
                }
                currentRef = l.ref();
                head = l;
                group = new ArrayList<>();
            }
            group.add(V4Mapper.vulnerability(l.vuln()).withUpdater(l.updater()));
        }
        if (head != null) {
            boolean done = flush(store, head, group);
            imported += done ? 1 : 0;
            skipped += done ? 0 : 1;
            vulns += done ? group.size() : 0;
        }
        return new ImportResult(imported, skipped, vulns);
    }

    private static boolean flush(VulnerabilityStore store, BundleLine head, List<Vulnerability> group)
            throws IOException {
        Fingerprint fp = new Fingerprint(head.fingerprint());
        List<UpdateOperation> existing = store.updateOperations(UpdateKind.VULNERABILITY, false)
                .getOrDefault(head.updater(), List.of());
        UUID ref;
        try {
            ref = UUID.fromString(head.ref());
        } catch (IllegalArgumentException e) {
            throw new IOException("bundle: Ref " + head.ref() + " is not a UUID", e);
        }
        for (UpdateOperation op : existing) {
            if (op.fingerprint().equals(fp) || op.ref().equals(ref)) {
                return false;
            }
        }
        store.recordUpdate(head.updater(), fp, group, ref);
        return true;
    }
}
