package io.clair.core.store.memory;

import io.clair.core.vuln.Enrichment;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The enrichment half of {@link InMemoryVulnerabilityStore}: content-hashed records and the operations linking
 * them, mirroring the {@code enrichment} and {@code uo_enrich} tables. Not thread-safe; the store synchronizes.
 */
final class InMemoryEnrichments {
    private final Map<ByteBuffer, Enrichment> byHash = new HashMap<>();
    private final Map<UUID, Set<ByteBuffer>> links = new HashMap<>();

    /** Links {@code records} to operation {@code ref}, storing each distinct record once. */
    void record(UUID ref, String updater, Collection<Enrichment> records) {
        Set<ByteBuffer> linked = new LinkedHashSet<>();
        for (Enrichment e : records) {
            ByteBuffer h = ByteBuffer.wrap(e.contentHash(updater));
            byHash.putIfAbsent(h, e);
            linked.add(h);
        }
        links.put(ref, linked);
    }

    void forget(UUID ref) {
        links.remove(ref);
    }

    /** Drops records no operation links any more. */
    void dropUnlinked() {
        Set<ByteBuffer> live = new HashSet<>();
        links.values().forEach(live::addAll);
        byHash.keySet().retainAll(live);
    }

    List<Enrichment> of(UUID ref) {
        return links.getOrDefault(ref, Set.of()).stream().map(byHash::get).toList();
    }

    int count(UUID ref) {
        return links.getOrDefault(ref, Set.of()).size();
    }

    /** Records of operation {@code ref} with at least one of {@code tags}. */
    List<Enrichment> withAnyTag(UUID ref, Collection<String> tags) {
        Set<String> wanted = Set.copyOf(tags);
        List<Enrichment> out = new ArrayList<>();
        for (ByteBuffer h : links.getOrDefault(ref, Set.of())) {
            Enrichment e = byHash.get(h);
            if (e.tags().stream().anyMatch(wanted::contains)) {
                out.add(e);
            }
        }
        return out;
    }
}
