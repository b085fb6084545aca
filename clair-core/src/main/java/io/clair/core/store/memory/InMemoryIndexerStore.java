package io.clair.core.store.memory;

import io.clair.core.index.IndexRecord;
import io.clair.core.index.IndexReport;
import io.clair.core.index.IndexState;
import io.clair.core.manifest.Digest;
import io.clair.core.manifest.LayerDescriptor;
import io.clair.core.manifest.Manifest;
import io.clair.core.scan.ScanResult;
import io.clair.core.scan.ScannerRef;
import io.clair.core.store.IndexerStore;
import io.clair.core.store.LocalLocks;
import io.clair.core.store.LockSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** An {@link IndexerStore} in memory, for tests, the CLI's one-shot scans, and applications without a database. */
public final class InMemoryIndexerStore implements IndexerStore {
    private final LocalLocks locks = new LocalLocks();
    private final Map<Digest, Manifest> manifests = new ConcurrentHashMap<>();
    private final Map<Digest, Map<ScannerRef, ScanResult>> results = new ConcurrentHashMap<>();
    private final Map<Digest, Set<ScannerRef>> scannedManifests = new ConcurrentHashMap<>();
    private final Map<Digest, IndexReport> reports = new ConcurrentHashMap<>();
    private final Map<String, io.clair.core.index.LegacyLayer> legacy = new ConcurrentHashMap<>();

    @Override
    public LockSource locks() {
        return locks;
    }

    @Override
    public void persistManifest(Manifest manifest) {
        manifests.put(manifest.hash(), manifest);
    }

    @Override
    public Map<Digest, Set<ScannerRef>> scannedBy(Collection<Digest> layers) {
        Map<Digest, Set<ScannerRef>> out = new HashMap<>();
        for (Digest d : layers) {
            out.put(d, Set.copyOf(results.getOrDefault(d, Map.of()).keySet()));
        }
        return out;
    }

    @Override
    public void saveScanResult(Digest layer, ScannerRef scanner, ScanResult result) {
        results.computeIfAbsent(layer, k -> new ConcurrentHashMap<>()).putIfAbsent(scanner, result);
    }

    @Override
    public Map<ScannerRef, ScanResult> scanResults(Digest layer, Collection<ScannerRef> scanners) {
        Map<ScannerRef, ScanResult> stored = results.getOrDefault(layer, Map.of());
        Map<ScannerRef, ScanResult> out = new HashMap<>();
        for (ScannerRef s : scanners) {
            ScanResult r = stored.get(s);
            if (r != null) {
                out.put(s, r);
            }
        }
        return out;
    }

    @Override
    public boolean manifestScanned(Digest manifest, Collection<ScannerRef> scanners) {
        return scannedManifests.getOrDefault(manifest, Set.of()).containsAll(scanners);
    }

    @Override
    public synchronized void finishManifest(IndexReport report, Collection<ScannerRef> scanners) {
        reports.put(report.manifestHash(), report);
        scannedManifests.computeIfAbsent(report.manifestHash(), k -> ConcurrentHashMap.newKeySet()).addAll(scanners);
    }

    @Override
    public void saveReport(IndexReport report) {
        reports.put(report.manifestHash(), report);
    }

    @Override
    public Optional<IndexReport> indexReport(Digest manifest) {
        return Optional.ofNullable(reports.get(manifest));
    }

    @Override
    public synchronized List<Digest> deleteManifests(Collection<Digest> digests) {
        List<Digest> deleted = new ArrayList<>();
        for (Digest d : digests) {
            boolean known = manifests.remove(d) != null;
            known |= reports.remove(d) != null;
            scannedManifests.remove(d);
            if (known) {
                deleted.add(d);
            }
        }
        Set<Digest> referenced = new HashSet<>();
        manifests.values().forEach(m -> m.layers().stream().map(LayerDescriptor::hash).forEach(referenced::add));
        results.keySet().removeIf(l -> !referenced.contains(l));
        return deleted;
    }

    @Override
    public void saveLegacyLayer(io.clair.core.index.LegacyLayer layer) {
        legacy.put(layer.name(), layer);
    }

    @Override
    public Optional<io.clair.core.index.LegacyLayer> legacyLayer(String name) {
        return Optional.ofNullable(legacy.get(name));
    }

    @Override
    public List<String> legacyChildren(String name) {
        return legacy.values().stream().filter(l -> l.parentName().equals(name))
                .map(io.clair.core.index.LegacyLayer::name).sorted().toList();
    }

    @Override
    public void deleteLegacyLayers(Collection<String> names) {
        names.forEach(legacy::remove);
    }

    @Override
    public List<ManifestRecord> recordsByPackageName(Collection<String> names) {
        Set<String> wanted = Set.copyOf(names);
        List<ManifestRecord> out = new ArrayList<>();
        for (IndexReport r : reports.values()) {
            if (r.state() != IndexState.IndexFinished) {
                continue;
            }
            for (IndexRecord rec : r.indexRecords()) {
                String src = rec.pkg().source() == null ? "" : rec.pkg().source().name();
                if (wanted.contains(rec.pkg().name()) || wanted.contains(src)) {
                    out.add(new ManifestRecord(r.manifestHash(), rec));
                }
            }
        }
        return out;
    }
}
