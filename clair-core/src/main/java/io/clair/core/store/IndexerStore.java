package io.clair.core.store;

import io.clair.core.index.IndexRecord;
import io.clair.core.index.IndexReport;
import io.clair.core.manifest.Digest;
import io.clair.core.manifest.Manifest;
import io.clair.core.scan.ScanResult;
import io.clair.core.scan.ScannerRef;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Persistence of the indexer: manifests and their layers, per-layer scan results keyed by scanner (the cache that
 * makes a shared layer cost nothing the second time), index reports, and the manifest index for reverse lookups.
 * Implementations are thread-safe.
 */
public interface IndexerStore {

    LockSource locks();

    /** Records a manifest and its layer order; idempotent. */
    void persistManifest(Manifest manifest);

    /** For each layer, the scanners whose results are stored. Layers never scanned map to an empty set. */
    Map<Digest, Set<ScannerRef>> scannedBy(Collection<Digest> layers);

    /** Stores one scanner's result for one layer; a result already stored for the same key is kept. */
    void saveScanResult(Digest layer, ScannerRef scanner, ScanResult result);

    /** The stored results of {@code scanners} for {@code layer}; a scanner without a result is absent. */
    Map<ScannerRef, ScanResult> scanResults(Digest layer, Collection<ScannerRef> scanners);

    /** True when the manifest was fully indexed by every one of {@code scanners}. */
    boolean manifestScanned(Digest manifest, Collection<ScannerRef> scanners);

    /**
     * Saves a finished report with its manifest index and marks the manifest scanned by {@code scanners}, atomically.
     */
    void finishManifest(IndexReport report, Collection<ScannerRef> scanners);

    /** Saves a report that is not finished (an error), replacing any earlier one; the manifest is not marked scanned. */
    void saveReport(IndexReport report);

    Optional<IndexReport> indexReport(Digest manifest);

    /** Deletes manifests, their reports and index rows, and layers no longer referenced; returns those deleted. */
    List<Digest> deleteManifests(Collection<Digest> manifests);

    /** Index records of finished manifests whose package name or source package name is one of {@code names}. */
    List<ManifestRecord> recordsByPackageName(Collection<String> names);

    /** Records a legacy layer (replacing one of the same name). */
    void saveLegacyLayer(io.clair.core.index.LegacyLayer layer);

    Optional<io.clair.core.index.LegacyLayer> legacyLayer(String name);

    /** The names of legacy layers whose parent is {@code name}. */
    List<String> legacyChildren(String name);

    /** Forgets legacy layers by name (their manifests are deleted separately). */
    void deleteLegacyLayers(Collection<String> names);

    /** One row of the manifest index. */
    record ManifestRecord(Digest manifest, IndexRecord record) {
    }
}
