package io.clair.core.ecosystem.rhel;

import io.clair.core.vuln.Vulnerability;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a {@link VexSpool} into the complete record set. Documents are grouped by name (the CVE id); a later document
 * of the same name replaces an earlier one and a deletion stub removes it. For a delta, the previous run's records
 * are the starting point: names the delta mentions are replaced (or removed, when the new document gives no
 * records), every other name is carried over untouched, as claircore copies the previous operation's links for
 * vulnerability names a delta does not mention.
 */
final class VexParser {
    private static final Logger log = LoggerFactory.getLogger(VexParser.class);

    private final String updater;
    private final boolean ignoreKernel;

    VexParser(String updater, boolean ignoreKernel) {
        this.updater = updater;
        this.ignoreKernel = ignoreKernel;
    }

    /**
     * @param previous the previous run's records, or null when the caller has none to give (only a full spool is
     *                 accepted then)
     */
    List<Vulnerability> parse(InputStream content, List<Vulnerability> previous) throws IOException {
        VexDocumentParser docs = new VexDocumentParser(updater, ignoreKernel);
        // null marks a deleted name, so that the delta can tell "drop" from "not mentioned"
        Map<String, List<Vulnerability>> byName = new LinkedHashMap<>();
        int[] counts = new int[2]; // documents, deletions
        String kind = VexSpool.read(content, node -> {
            CsafDocument doc = new CsafDocument(node);
            String name = doc.trackingId();
            if (name.isEmpty()) {
                throw new IOException("rhel-vex: a document has no tracking id");
            }
            byName.remove(name); // keep the latest occurrence's position
            if (doc.status().equals("deleted")) {
                counts[1]++;
                byName.put(name, null);
            } else {
                counts[0]++;
                byName.put(name, docs.records(doc));
            }
        });
        boolean delta = kind.equals(VexSpool.DELTA);
        if (delta && (previous == null || previous.isEmpty())) {
            throw new IOException("rhel-vex: the content is a delta and no previous records were given; fetch from "
                    + "an empty fingerprint to load the full data");
        }
        Map<String, List<Vulnerability>> result = new LinkedHashMap<>();
        if (delta) {
            for (Vulnerability v : previous) {
                if (!byName.containsKey(v.name())) {
                    result.computeIfAbsent(v.name(), k -> new ArrayList<>()).add(v);
                }
            }
        }
        byName.forEach((name, records) -> {
            if (records != null && !records.isEmpty()) {
                result.put(name, records);
            }
        });
        List<Vulnerability> out = new ArrayList<>();
        result.values().forEach(out::addAll);
        log.atInfo().addKeyValue("updater", updater).addKeyValue("kind", kind).addKeyValue("documents", counts[0])
                .addKeyValue("deletions", counts[1]).addKeyValue("records", out.size())
                .addKeyValue("skipped_products", docs.skipped()).log("parse done");
        return out;
    }
}
