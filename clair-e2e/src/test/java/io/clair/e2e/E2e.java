package io.clair.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clair.core.ecosystem.alpine.AlpineDistributions;
import io.clair.core.ecosystem.alpine.SecDbParser;
import io.clair.core.ecosystem.debian.TrackerParser;
import io.clair.core.store.jdbc.DatabaseUrl;
import io.clair.core.testing.DerivedFeeds;
import io.clair.core.testing.FeedServer;
import io.clair.core.testing.LocalRegistry;
import io.clair.core.testing.TestData;
import io.clair.core.testing.TestDatabase;
import io.clair.core.testing.VersionOracles;
import io.clair.core.vuln.Vulnerability;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The shared world of the end-to-end tests, built once per test JVM: three real images in a real registry, the feed
 * files served locally (real ones plus entries derived from the images' packages), the packaged all-in-one server
 * with its updaters pointed at them, and the expected findings computed with apk's and dpkg's own comparison.
 */
final class E2e {
    static final String PSK = Base64.getEncoder().encodeToString("end-to-end shared key".getBytes());
    static final List<String> UPDATERS = List.of("alpine-main-v3.6-updater", "alpine-community-v3.6-updater",
            "alpine-main-v3.20-updater", "alpine-community-v3.20-updater", "debian/updater");
    private static E2e instance;

    final Path root;
    final Path work;
    final LocalRegistry registry;
    final FeedServer feeds;
    final ClairServer server;
    final Map<String, Images.Built> images = new LinkedHashMap<>();
    final Map<String, TreeSet<String>> findings = new LinkedHashMap<>();
    final Map<String, List<Vulnerability>> feedRecords = new LinkedHashMap<>();

    static synchronized E2e get() throws Exception {
        if (instance == null) {
            instance = new E2e();
        }
        return instance;
    }

    private E2e() throws Exception {
        root = TestData.projectRoot();
        work = Files.createDirectories(root.resolve("clair-e2e/target/e2e"));
        images.put("alpine365", Images.alpine365(work));
        images.put("alpine-two", Images.alpineTwoLayers(work, "scanelf"));
        images.put("debian", Images.debian(work));
        registry = LocalRegistry.start();
        for (Images.Built b : images.values()) {
            registry.push(b.layout(), "1", "e2e/" + b.name() + ":1", LocalRegistry.Format.OCI);
        }
        feeds = new FeedServer();
        serveFeeds();
        server = ClairServer.start(root, databaseUrl(), PSK, Map.of(
                "clair.updater.sets", "alpine,debian",
                "clair.updaters.alpine.url", feeds.url("/alpine/"),
                "clair.updaters.alpine.releases", "v3.6,v3.20",
                "clair.updaters.debian.json_url", feeds.url("/debian/json"),
                "clair.updater.initial-delay", "1h"), work.resolve("clair-all.log"));
        server.updateAndWait(UPDATERS);
        for (Images.Built b : images.values()) {
            findings.put(b.name(), expected(b));
        }
    }

    String reference(String image) {
        return registry.reference("e2e/" + images.get(image).name() + ":1");
    }

    /** A fresh database in the {@code postgresql://} form users write. */
    static String databaseUrl() {
        DatabaseUrl db = TestDatabase.create();
        String rest = db.jdbcUrl().substring("jdbc:postgresql://".length());
        String auth = db.user().isEmpty() ? "" : db.user() + (db.password().isEmpty() ? "" : ":" + db.password()) + "@";
        return "postgresql://" + auth + rest;
    }

    /** A Clair config file pointing the updaters at the local feeds (for clairctl export-updaters). */
    Path updaterConfig() throws Exception {
        Path cfg = work.resolve("config.yaml");
        Files.writeString(cfg, "updaters:\n  sets: [alpine, debian]\n  config:\n    alpine:\n      url: "
                + feeds.url("/alpine/") + "\n      releases: [v3.6, v3.20]\n    debian:\n      json_url: "
                + feeds.url("/debian/json") + "\n");
        return cfg;
    }

    private void serveFeeds() throws Exception {
        Images.Built a365 = images.get("alpine365");
        Images.Built two = images.get("alpine-two");
        Images.Built deb = images.get("debian");
        byte[] v36main = Files.readAllBytes(TestData.path("alpine/secdb/v3.6/main.json"));
        byte[] v36derived = DerivedFeeds.secdb("v3.6", origins(a365), 1000).getBytes(StandardCharsets.UTF_8);
        // the 3.20 data is derived from the base layer's packages, including the one the second layer removes
        Map<String, String> baseOrigins = new LinkedHashMap<>();
        Images.apkInstalled(Processes.ok("tar", "-xzOf", TestData.path("alpine/alpine-minirootfs-3.20.3-x86_64.tar.gz")
                .toString(), "./lib/apk/db/installed")).values().forEach(p -> baseOrigins.putIfAbsent(p[2], p[1]));
        assertThatOriginPresent(baseOrigins, two);
        byte[] v320main = DerivedFeeds.secdb("v3.20", baseOrigins, 50000).getBytes(StandardCharsets.UTF_8);
        byte[] v320community = "{\"distroversion\":\"v3.20\",\"reponame\":\"community\",\"packages\":[]}"
                .getBytes(StandardCharsets.UTF_8);
        feeds.serve("/alpine/v3.6/main.json", v36main).serve("/alpine/v3.6/community.json", v36derived)
                .serve("/alpine/v3.20/main.json", v320main).serve("/alpine/v3.20/community.json", v320community);
        Map<String, String> sources = new LinkedHashMap<>();
        deb.installed().values().forEach(p -> sources.putIfAbsent(p[2], p[3]));
        ObjectMapper json = new ObjectMapper();
        ObjectNode tracker = (ObjectNode) json.readTree(TestData.path("debian/tracker/debian.json").toFile());
        json.readTree(DerivedFeeds.tracker("bookworm", sources, 100000)).fields()
                .forEachRemaining(e -> tracker.set(e.getKey(), e.getValue()));
        byte[] trackerBytes = json.writeValueAsBytes(tracker);
        feeds.serve("/debian/json", trackerBytes);

        feedRecords.put("v3.6", parseSecdb("v3.6", v36main, v36derived));
        feedRecords.put("v3.20", parseSecdb("v3.20", v320main, v320community));
        feedRecords.put("bookworm", new TrackerParser("debian/updater")
                .parse(new ByteArrayInputStream(trackerBytes)).stream()
                .filter(v -> v.distribution() != null && v.distribution().versionId().equals("12")).toList());
    }

    /** The removed package's origin must be in the data, or the removal proves nothing. */
    private static void assertThatOriginPresent(Map<String, String> origins, Images.Built two) {
        if (!origins.containsKey("pax-utils") || two.packages().stream().anyMatch(p -> p.startsWith("scanelf-"))) {
            throw new IllegalStateException("e2e: scanelf (origin pax-utils) must be in the base layer only");
        }
    }

    private static List<Vulnerability> parseSecdb(String release, byte[]... docs) throws Exception {
        List<Vulnerability> out = new ArrayList<>();
        for (byte[] d : docs) {
            out.addAll(new SecDbParser("e2e", AlpineDistributions.release(release)).parse(new ByteArrayInputStream(d)));
        }
        return out;
    }

    private static Map<String, String> origins(Images.Built b) {
        Map<String, String> out = new LinkedHashMap<>();
        b.installed().values().forEach(p -> out.putIfAbsent(p[2], p[1]));
        return out;
    }

    /**
     * "package vulnerability fixed" for every record about an installed package's origin/source where the package
     * manager's own comparison says installed < fixed, or the record has no fix.
     */
    private TreeSet<String> expected(Images.Built b) throws Exception {
        boolean debian = b.release().equals("bookworm");
        List<String[]> pairs = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        TreeSet<String> out = new TreeSet<>();
        for (String[] p : b.installed().values()) {
            for (Vulnerability v : feedRecords.get(b.release())) {
                if (!v.pkg().name().equals(p[2]) || v.fixedInVersion().equals("0")) {
                    continue;
                }
                String label = p[0] + " " + v.name() + " " + v.fixedInVersion();
                if (v.fixedInVersion().isEmpty()) {
                    out.add(label);
                } else {
                    pairs.add(new String[] {debian ? p[3] : p[1], v.fixedInVersion()});
                    labels.add(label);
                }
            }
        }
        List<String> answers = debian ? VersionOracles.dpkg(pairs) : VersionOracles.apk(pairs);
        for (int i = 0; i < pairs.size(); i++) {
            if (answers.get(i).equals("<")) {
                out.add(labels.get(i));
            }
        }
        return out;
    }

    /** The packages ({@code name-version}) and findings of a VulnerabilityReport JSON document. */
    static TreeSet<String> packagesOf(JsonNode report) {
        TreeSet<String> out = new TreeSet<>();
        report.path("packages").forEach(p -> out.add(p.path("name").asText() + "-" + p.path("version").asText()));
        return out;
    }

    static TreeSet<String> findingsOf(JsonNode report) {
        TreeSet<String> out = new TreeSet<>();
        report.path("package_vulnerabilities").fields().forEachRemaining(e -> e.getValue().forEach(id -> {
            JsonNode v = report.path("vulnerabilities").path(id.asText());
            out.add(report.path("packages").path(e.getKey()).path("name").asText() + " " + v.path("name").asText()
                    + " " + v.path("fixed_in_version").asText());
        }));
        return out;
    }
}
