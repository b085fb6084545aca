package io.clair.core.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.clair.core.layer.DirectoryLayer;
import io.clair.core.layer.Layer;
import io.clair.core.layer.LayerSource;
import io.clair.core.manifest.Digest;
import io.clair.core.manifest.LayerDescriptor;
import io.clair.core.manifest.Manifest;
import io.clair.core.plugin.PluginContext;
import io.clair.core.plugin.Plugins;
import io.clair.core.store.IndexerStore;
import io.clair.core.store.jdbc.JdbcIndexerStore;
import io.clair.core.store.jdbc.Migrations;
import io.clair.core.store.memory.InMemoryIndexerStore;
import io.clair.core.testing.Rootfs;
import io.clair.core.testing.TestData;
import io.clair.core.testing.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The indexing engine over real root filesystems (directory layers), with each store: the final package set, the
 * layer that introduced each package, whiteouts, scan-result reuse, concurrency and failures.
 */
class IndexerTest {

    static Stream<Arguments> stores() {
        return Stream.of(Arguments.of("memory"), Arguments.of("postgres"));
    }

    @TempDir
    Path tmp;

    private final Map<Digest, Path> dirs = new ConcurrentHashMap<>();
    private final Map<Digest, AtomicInteger> opens = new ConcurrentHashMap<>();

    private IndexerStore store(String kind) {
        if (kind.equals("memory")) {
            return new InMemoryIndexerStore();
        }
        DataSource ds = TestDatabase.createDataSource();
        Migrations.migrate(ds, "indexer");
        return new JdbcIndexerStore(ds);
    }

    private Indexer indexer(IndexerStore store) {
        LayerSource source = d -> {
            opens.computeIfAbsent(d.hash(), k -> new AtomicInteger()).incrementAndGet();
            Path dir = dirs.get(d.hash());
            if (dir == null) {
                throw new IOException("layer " + d.hash() + ": GET " + d.uri() + " returned 404");
            }
            return new DirectoryLayer(d.hash(), dir);
        };
        return new Indexer(store, source, Plugins.load().ecosystems(PluginContext.defaults()),
                IndexerOptions.defaults());
    }

    private LayerDescriptor layer(String name, Path dir) {
        Digest d = Digest.of("sha256", name.getBytes(StandardCharsets.UTF_8));
        if (dir != null) {
            dirs.put(d, dir);
        }
        return new LayerDescriptor(d, URI.create("https://registry.example/v2/test/blobs/" + d));
    }

    private static Manifest manifest(String name, LayerDescriptor... layers) {
        return new Manifest(Digest.of("sha256", name.getBytes(StandardCharsets.UTF_8)), List.of(layers));
    }

    /** A Debian tree: the real bookworm minbase status and os-release. */
    private Path debianTree(String name, String status) throws IOException {
        Path root = tmp.resolve(name);
        Files.createDirectories(root.resolve("var/lib/dpkg"));
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("var/lib/dpkg/status"), status);
        Files.copy(TestData.path("debian/bookworm-minbase/os-release"), root.resolve("etc/os-release"));
        return root;
    }

    private static String bookwormStatus() throws IOException {
        return Files.readString(TestData.path("debian/bookworm-minbase/status"));
    }

    /** Expected packages from dpkg-query's own listing: name, version, arch of installed packages. */
    private static Set<String> dpkgQueryListing() throws IOException {
        try (Stream<String> lines = Files.lines(TestData.path("debian/bookworm-minbase/dpkg-query.tsv"))) {
            return lines.map(l -> l.split("\t")).filter(f -> f[5].startsWith("ii"))
                    .map(f -> f[0] + " " + f[1] + " " + f[4]).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Set<String> packages(IndexReport r) {
        return r.packages().values().stream().map(p -> p.name() + " " + p.version() + " " + p.arch())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void alpineMinirootfsEqualsApkInfo(String kind) throws Exception {
        Path rootfs = Rootfs.alpine("3.20.3");
        LayerDescriptor l = layer("alpine-3.20.3", rootfs);
        IndexReport r = indexer(store(kind)).index(manifest("alpine", l));
        assertThat(r.state()).isEqualTo(IndexState.IndexFinished);
        assertThat(r.success()).isTrue();
        List<String> apkInfo = Files.readAllLines(TestData.path("alpine/alpine-minirootfs-3.20.3-x86_64.apk-info-v.txt"))
                .stream().filter(s -> !s.isBlank()).sorted().toList();
        List<String> ours = r.packages().values().stream().map(p -> p.name() + "-" + p.version()).sorted().toList();
        assertThat(ours).containsExactlyElementsOf(apkInfo);
        assertThat(r.distributions().values()).singleElement()
                .satisfies(d -> assertThat(d.prettyName()).isEqualTo("Alpine Linux v3.20"));
        String distId = r.distributions().keySet().iterator().next();
        r.environments().values().forEach(envs -> assertThat(envs).singleElement().satisfies(e -> {
            assertThat(e.introducedIn()).isEqualTo(l.hash());
            assertThat(e.distributionId()).isEqualTo(distId);
            assertThat(e.packageDb()).isEqualTo("lib/apk/db/installed");
        }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void laterLayersChangeAndDeleteThePackageDatabase(String kind) throws Exception {
        String status = bookwormStatus();
        LayerDescriptor base = layer("base", debianTree("base", status));
        // second layer: dpkg removed one package (the stanza is gone from a rewritten status file)
        String removed = "hostname";
        String without = Stream.of(status.split("\n\n")).filter(s -> !s.startsWith("Package: " + removed + "\n"))
                .collect(Collectors.joining("\n\n"));
        assertThat(without).isNotEqualTo(status);
        LayerDescriptor upgrade = layer("upgrade", debianTree("upgrade", without + "\n"));
        // third layer: whites out the whole dpkg database
        Path wipe = tmp.resolve("wipe/var/lib/dpkg");
        Files.createDirectories(wipe);
        Files.createFile(wipe.resolve(".wh.status"));
        LayerDescriptor wiped = layer("wipe", tmp.resolve("wipe"));

        Indexer indexer = indexer(store(kind));
        IndexReport two = indexer.index(manifest("two", base, upgrade));
        Set<String> expected = dpkgQueryListing();
        expected.removeIf(s -> s.startsWith(removed + " "));
        assertThat(packages(two)).containsExactlyElementsOf(expected);
        // unchanged packages were introduced by the base layer, not by the layer that rewrote the database
        two.environments().values().forEach(envs -> assertThat(envs.get(0).introducedIn()).isEqualTo(base.hash()));
        // source packages are carried
        assertThat(two.packages().values()).filteredOn(p -> p.name().equals("libc6")).singleElement()
                .satisfies(p -> assertThat(p.source().name()).isEqualTo("glibc"));

        IndexReport three = indexer.index(manifest("three", base, upgrade, wiped));
        assertThat(three.state()).isEqualTo(IndexState.IndexFinished);
        assertThat(three.packages()).isEmpty();
        assertThat(three.distributions()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void sharedLayersAreScannedOnceAndFinishedManifestsComeFromTheStore(String kind) throws Exception {
        LayerDescriptor base = layer("base", debianTree("base", bookwormStatus()));
        LayerDescriptor alpine = layer("other", Rootfs.alpine("3.20.3"));
        Indexer indexer = indexer(store(kind));
        IndexReport first = indexer.index(manifest("first", base));
        IndexReport second = indexer.index(manifest("second", base, alpine));
        assertThat(opens.get(base.hash())).hasValue(1);
        assertThat(opens.get(alpine.hash())).hasValue(1);
        assertThat(second.packages().size()).isGreaterThan(first.packages().size());
        IndexReport again = indexer.index(manifest("first", base));
        assertThat(again).isEqualTo(first);
        assertThat(opens.get(base.hash())).hasValue(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void concurrentRequestsIndexEachManifestAndEachLayerOnce(String kind) throws Exception {
        LayerDescriptor base = layer("base", debianTree("base", bookwormStatus()));
        List<Manifest> manifests = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Path extra = tmp.resolve("extra" + i + "/etc");
            Files.createDirectories(extra);
            Files.writeString(extra.resolve("motd"), "layer " + i);
            manifests.add(manifest("m" + i, base, layer("extra" + i, extra.getParent())));
        }
        Indexer indexer = indexer(store(kind));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<IndexReport>> results = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            for (Manifest m : manifests) {
                results.add(pool.submit(() -> indexer.index(m)));
            }
        }
        for (Future<IndexReport> f : results) {
            assertThat(f.get().state()).isEqualTo(IndexState.IndexFinished);
        }
        pool.shutdown();
        assertThat(opens.get(base.hash())).hasValue(1);
        opens.forEach((d, n) -> assertThat(n).as(d.toString()).hasValue(1));
        Set<Integer> sizes = Collections.synchronizedSet(new TreeSet<>());
        for (Future<IndexReport> f : results) {
            sizes.add(f.get().packages().size());
        }
        assertThat(sizes).singleElement();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void aLayerThatCannotBeFetchedEndsInIndexErrorAndIsRetriedLater(String kind) throws Exception {
        IndexerStore store = store(kind);
        Indexer indexer = indexer(store);
        LayerDescriptor missing = layer("missing", null);
        Manifest m = manifest("broken", missing);
        IndexReport r = indexer.index(m);
        assertThat(r.state()).isEqualTo(IndexState.IndexError);
        assertThat(r.success()).isFalse();
        assertThat(r.err()).contains(missing.hash().toString()).contains("404");
        assertThat(store.indexReport(m.hash())).contains(r);
        dirs.put(missing.hash(), Rootfs.alpine("3.20.3"));
        assertThat(indexer.index(m).state()).isEqualTo(IndexState.IndexFinished);
    }

    @FunctionalInterface
    private interface Work {
        List<io.clair.core.index.Package> scan(Layer layer) throws IOException;
    }

    /** A package scanner named {@code name} that does {@code work}. */
    private static io.clair.core.scan.PackageScanner scanner(String name, Work work) {
        return new io.clair.core.scan.PackageScanner() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String version() {
                return "1";
            }

            @Override
            public List<io.clair.core.index.Package> scan(Layer layer) throws IOException {
                return work.scan(layer);
            }
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void aFailingScannerStoresWhatASequentialRunWouldAndTheLayerOutlivesEveryScanner(String kind) throws Exception {
        IndexerStore store = store(kind);
        java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicBoolean slowSawOpenLayer = new java.util.concurrent.atomic.AtomicBoolean();
        Path tree = Rootfs.alpine("3.20.3");
        LayerSource source = d -> {
            DirectoryLayer dir = new DirectoryLayer(d.hash(), tree);
            return new Layer() { // records when the indexer closes it
                @Override
                public Digest digest() {
                    return dir.digest();
                }

                @Override
                public java.util.Optional<io.clair.core.layer.LayerEntry> entry(String path) {
                    return dir.entry(path);
                }

                @Override
                public Stream<io.clair.core.layer.LayerEntry> entries() {
                    return dir.entries();
                }

                @Override
                public boolean exists(String path) {
                    return dir.exists(path);
                }

                @Override
                public java.io.InputStream open(String path) throws IOException {
                    return dir.open(path);
                }

                @Override
                public Path localFile(String path) throws IOException {
                    return dir.localFile(path);
                }

                @Override
                public List<io.clair.core.layer.Whiteout> whiteouts() {
                    return dir.whiteouts();
                }

                @Override
                public void close() throws IOException {
                    closed.set(true);
                    dir.close();
                }
            };
        };
        List<io.clair.core.scan.PackageScanner> scanners = List.of(
                scanner("t-a-fine", l -> List.of()),
                scanner("t-b-fails", l -> {
                    throw new io.clair.core.scan.ScanException("boom");
                }),
                scanner("t-c-slow", l -> {
                    try {
                        Thread.sleep(300);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    slowSawOpenLayer.set(!closed.get());
                    return List.of();
                }));
        io.clair.core.scan.Ecosystem eco = new io.clair.core.scan.Ecosystem("test", scanners, List.of(), List.of(),
                Plugins.load().ecosystems(PluginContext.defaults()).get(0).coalescer());
        LayerDescriptor l = layer("scanned", tree);
        try (Indexer indexer = new Indexer(store, source, List.of(eco), IndexerOptions.defaults())) {
            IndexReport r = indexer.index(manifest("failing-scanner", l));
            assertThat(r.state()).isEqualTo(IndexState.IndexError);
            assertThat(r.err()).contains("scanner t-b-fails").contains("boom");
        }
        assertThat(closed).isTrue();
        assertThat(slowSawOpenLayer).as("the layer is closed only after every scanner finished").isTrue();
        // as if the scanners had run one after another: the one before the failure is stored, none after it
        assertThat(store.scannedBy(List.of(l.hash())).getOrDefault(l.hash(), Set.of()))
                .extracting(io.clair.core.scan.ScannerRef::name).containsExactly("t-a-fine");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void deletingAManifestKeepsLayersOthersStillUse(String kind) throws Exception {
        IndexerStore store = store(kind);
        LayerDescriptor base = layer("base", debianTree("base", bookwormStatus()));
        Indexer indexer = indexer(store);
        Manifest a = manifest("a", base);
        Manifest b = manifest("b", base);
        indexer.index(a);
        indexer.index(b);
        assertThat(indexer.delete(List.of(a.hash(), manifest("never", base).hash()))).containsExactly(a.hash());
        assertThat(indexer.report(a.hash())).isEmpty();
        assertThat(store.scannedBy(List.of(base.hash())).get(base.hash())).isNotEmpty();
        assertThat(store.recordsByPackageName(List.of("glibc"))).allSatisfy(r ->
                assertThat(r.manifest()).isEqualTo(b.hash())).isNotEmpty();
        indexer.delete(List.of(b.hash()));
        assertThat(store.scannedBy(List.of(base.hash())).get(base.hash())).isEmpty();
    }
}
