package io.clair.core.index;

import io.clair.core.layer.Layer;
import io.clair.core.layer.LayerSource;
import io.clair.core.manifest.Digest;
import io.clair.core.manifest.LayerDescriptor;
import io.clair.core.manifest.Manifest;
import io.clair.core.scan.CoalescedReport;
import io.clair.core.scan.DistributionScanner;
import io.clair.core.scan.Ecosystem;
import io.clair.core.scan.LayerArtifacts;
import io.clair.core.scan.PackageScanner;
import io.clair.core.scan.RepositoryScanner;
import io.clair.core.scan.ScanResult;
import io.clair.core.scan.ScannerRef;
import io.clair.core.scan.VersionedScanner;
import io.clair.core.store.IndexerStore;
import io.clair.core.store.LockSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexes manifests: the core of Clair's indexer (claircore's libindex), usable with any {@link IndexerStore}.
 *
 * <p>Each layer is fetched and scanned only by scanners that have no stored result for it, so an image that shares
 * layers with one indexed before costs only its new layers. Concurrent calls for the same manifest index it once
 * (a lock on the digest); concurrent manifests sharing a layer fetch it once (a lock on the layer). A manifest that
 * was fully indexed by the current scanner set is answered from the store at once.
 */
public final class Indexer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Indexer.class);

    private final IndexerStore store;
    private final LayerSource layers;
    private final List<Ecosystem> ecosystems;
    private final IndexerOptions options;
    private final List<VersionedScanner> scanners;
    private final List<ScannerRef> refs;
    private final String state;
    private final ExecutorService pool;
    /** Runs the scanners of a layer side by side; separate from {@link #pool}, whose threads wait for them. */
    private final ExecutorService scanPool;

    public Indexer(IndexerStore store, LayerSource layers, List<Ecosystem> ecosystems, IndexerOptions options) {
        this.store = store;
        this.layers = layers;
        this.ecosystems = List.copyOf(ecosystems);
        this.options = options;
        Map<String, VersionedScanner> byName = new TreeMap<>();
        for (Ecosystem e : this.ecosystems) {
            for (VersionedScanner s : e.scanners()) {
                byName.putIfAbsent(s.name() + "/" + s.kind(), s);
            }
        }
        this.scanners = List.copyOf(byName.values());
        List<ScannerRef> r = new ArrayList<>(scanners.stream().map(ScannerRef::of).toList());
        r.add(ScannerRef.WHITEOUT);
        this.refs = List.copyOf(r);
        this.state = computeState(scanners);
        this.pool = Executors.newFixedThreadPool(options.layerConcurrency(), runnable -> {
            Thread t = new Thread(runnable, "clair-indexer-layer");
            t.setDaemon(true);
            return t;
        });
        this.scanPool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()),
                runnable -> {
                    Thread t = new Thread(runnable, "clair-indexer-scan");
                    t.setDaemon(true);
                    return t;
                });
    }

    /**
     * A hash of the scanner set, as Clair's {@code index_state}: it changes only when scanners are added, removed or
     * change version, telling clients that stored reports may be incomplete.
     */
    public String state() {
        return state;
    }

    public List<VersionedScanner> scanners() {
        return scanners;
    }

    public List<Ecosystem> ecosystems() {
        return ecosystems;
    }

    /** Indexes {@code manifest} (or returns its stored report when nothing changed). Never throws for bad layers. */
    public IndexReport index(Manifest manifest) {
        long t0 = System.nanoTime();
        IndexReport report;
        try (LockSource.Held held = store.locks().lock(manifest.hash().toString())) {
            report = indexLocked(manifest);
        }
        options.listener().manifestIndexed(manifest.hash(), report.state(),
                Duration.ofNanos(System.nanoTime() - t0));
        return report;
    }

    public Optional<IndexReport> report(Digest manifest) {
        return store.indexReport(manifest);
    }

    public List<Digest> delete(Collection<Digest> manifests) {
        return store.deleteManifests(manifests);
    }

    private IndexReport indexLocked(Manifest m) {
        Optional<IndexReport> stored = store.indexReport(m.hash());
        if (stored.isPresent() && stored.get().state() == IndexState.IndexFinished
                && store.manifestScanned(m.hash(), refs)) {
            return stored.get();
        }
        try {
            store.persistManifest(m);
            scanMissing(m);
            IndexReport report = coalesce(m);
            store.finishManifest(report, refs);
            LOG.atInfo().addKeyValue("manifest", m.hash()).addKeyValue("packages", report.packages().size())
                    .addKeyValue("distributions", report.distributions().size()).log("index done");
            return report;
        } catch (IndexingException e) {
            return fail(m, e.getMessage());
        } catch (RuntimeException e) {
            LOG.atError().addKeyValue("manifest", m.hash()).setCause(e).log("index failed unexpectedly");
            return fail(m, "indexer: " + e);
        }
    }

    private IndexReport fail(Manifest m, String message) {
        IndexReport failed = IndexReport.failed(m.hash(), message);
        LOG.atWarn().addKeyValue("manifest", m.hash()).addKeyValue("err", message).log("index failed");
        try {
            store.saveReport(failed);
        } catch (RuntimeException e) {
            LOG.atError().addKeyValue("manifest", m.hash()).setCause(e).log("cannot save failed report");
        }
        return failed;
    }

    /** Fetches and scans every layer some scanner has not seen, several layers at a time. */
    private void scanMissing(Manifest m) {
        Map<Digest, LayerDescriptor> unique = new LinkedHashMap<>();
        m.layers().forEach(l -> unique.putIfAbsent(l.hash(), l));
        Map<Digest, Set<ScannerRef>> done = store.scannedBy(unique.keySet());
        List<Future<?>> work = new ArrayList<>();
        for (LayerDescriptor l : unique.values()) {
            if (done.getOrDefault(l.hash(), Set.of()).containsAll(refs)) {
                options.listener().layerReused(l.hash());
                continue;
            }
            work.add(pool.submit(() -> {
                scanLayer(l);
                return null;
            }));
        }
        IndexingException first = null;
        for (Future<?> f : work) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (first == null) {
                    first = e.getCause() instanceof IndexingException ie ? ie
                            : new IndexingException(describe(e.getCause()), e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IndexingException("indexer: interrupted", e);
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private void scanLayer(LayerDescriptor d) {
        try (LockSource.Held held = store.locks().lock("layer:" + d.hash())) {
            Set<ScannerRef> have = store.scannedBy(List.of(d.hash())).getOrDefault(d.hash(), Set.of());
            List<VersionedScanner> missing = scanners.stream().filter(s -> !have.contains(ScannerRef.of(s))).toList();
            boolean needWhiteouts = !have.contains(ScannerRef.WHITEOUT);
            if (missing.isEmpty() && !needWhiteouts) {
                options.listener().layerReused(d.hash());
                return;
            }
            long t0 = System.nanoTime();
            try (Layer layer = layers.open(d)) {
                scanAll(d, layer, missing);
                if (needWhiteouts) {
                    store.saveScanResult(d.hash(), ScannerRef.WHITEOUT,
                            new ScanResult(List.of(), List.of(), List.of(), layer.whiteouts()));
                }
            } catch (IOException e) {
                throw new IndexingException(describe(e), e);
            }
            options.listener().layerFetched(d.hash(), Duration.ofNanos(System.nanoTime() - t0));
        }
    }

    /**
     * Runs the scanners on the layer side by side (they are stateless and a layer takes concurrent readers), then
     * stores their results in scanner order, stopping at the first failure: the store ends as it would after running
     * them one after another. Every scanner has finished before this returns, so the layer can be closed.
     */
    private void scanAll(LayerDescriptor d, Layer layer, List<VersionedScanner> missing) throws IOException {
        List<Future<ScanResult>> results = new ArrayList<>();
        for (VersionedScanner s : missing) {
            results.add(scanPool.submit(() -> run(s, layer)));
        }
        Throwable failure = null;
        for (int i = 0; i < missing.size(); i++) {
            try {
                ScanResult r = results.get(i).get();
                if (failure == null) {
                    store.saveScanResult(d.hash(), ScannerRef.of(missing.get(i)), r);
                }
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause();
                }
            } catch (InterruptedException e) {
                results.forEach(f -> f.cancel(true));
                Thread.currentThread().interrupt();
                throw new IndexingException("indexer: interrupted", e);
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e; // the store failed: keep waiting for the scanners still reading the layer
                }
            }
        }
        if (failure instanceof IOException io) {
            throw io;
        } else if (failure instanceof RuntimeException re) {
            throw re;
        } else if (failure instanceof Error err) {
            throw err;
        } else if (failure != null) {
            throw new IOException(failure);
        }
    }

    private static ScanResult run(VersionedScanner s, Layer layer) throws IOException {
        try {
            if (s instanceof PackageScanner p) {
                return new ScanResult(p.scan(layer), null, null, null);
            } else if (s instanceof DistributionScanner ds) {
                return new ScanResult(null, ds.scan(layer), null, null);
            } else if (s instanceof RepositoryScanner rs) {
                return new ScanResult(null, null, rs.scan(layer), null);
            }
            throw new IllegalStateException("unknown scanner kind " + s.getClass());
        } catch (IOException e) {
            throw new IOException("layer " + layer.digest() + ": scanner " + s.name() + ": " + e.getMessage(), e);
        }
    }

    private IndexReport coalesce(Manifest m) {
        ReportMerger merger = new ReportMerger();
        Map<Digest, Map<ScannerRef, ScanResult>> cache = new LinkedHashMap<>();
        for (LayerDescriptor l : m.layers()) {
            cache.computeIfAbsent(l.hash(), h -> store.scanResults(h, refs));
        }
        for (Ecosystem e : ecosystems) {
            Set<ScannerRef> mine = new LinkedHashSet<>();
            e.scanners().forEach(s -> mine.add(ScannerRef.of(s)));
            List<LayerArtifacts> artifacts = new ArrayList<>();
            for (LayerDescriptor l : m.layers()) {
                Map<ScannerRef, ScanResult> results = cache.get(l.hash());
                List<io.clair.core.index.Package> pkgs = new ArrayList<>();
                List<Distribution> dists = new ArrayList<>();
                List<Repository> repos = new ArrayList<>();
                for (ScannerRef ref : mine) {
                    ScanResult r = results.get(ref);
                    if (r != null) {
                        pkgs.addAll(r.packages());
                        dists.addAll(r.distributions());
                        repos.addAll(r.repositories());
                    }
                }
                ScanResult wh = results.get(ScannerRef.WHITEOUT);
                artifacts.add(new LayerArtifacts(l.hash(), pkgs, dists, repos, wh == null ? null : wh.whiteouts()));
            }
            CoalescedReport part = e.coalescer().coalesce(artifacts);
            merger.add(part);
        }
        return merger.finished(m.hash());
    }

    private static String describe(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    static String computeState(List<VersionedScanner> scanners) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update("libindex number: 2\n".getBytes(StandardCharsets.UTF_8));
            scanners.stream().sorted(java.util.Comparator.comparing(VersionedScanner::name))
                    .forEach(s -> md5.update((s.name() + s.version() + s.kind() + "\n")
                            .getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(md5.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
        scanPool.shutdownNow();
    }

    /** A failure that ends indexing of one manifest with {@code IndexError}. */
    static final class IndexingException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        IndexingException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
