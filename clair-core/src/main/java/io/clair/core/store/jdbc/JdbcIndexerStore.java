package io.clair.core.store.jdbc;

import io.clair.core.index.IndexRecord;
import io.clair.core.index.IndexReport;
import io.clair.core.index.LegacyLayer;
import io.clair.core.internal.CoreJson;
import io.clair.core.manifest.Digest;
import io.clair.core.manifest.Manifest;
import io.clair.core.scan.ScanResult;
import io.clair.core.scan.ScannerRef;
import io.clair.core.store.IndexerStore;
import io.clair.core.store.LockSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/** The indexer's store in Postgres (schema {@code indexer}, see {@code db/migration/indexer}). */
public final class JdbcIndexerStore implements IndexerStore {
    private final DataSource ds;
    private final PgLockSource locks;
    private final Map<ScannerRef, Long> scannerIds = new ConcurrentHashMap<>();

    public JdbcIndexerStore(DataSource ds) {
        this.ds = ds;
        this.locks = new PgLockSource(ds);
    }

    @Override
    public LockSource locks() {
        return locks;
    }

    @Override
    public void persistManifest(Manifest m) {
        Jdbc.inTransaction(ds, "persist manifest " + m.hash(), c -> {
            long manifestId = manifestId(c, m.hash());
            try (PreparedStatement layer = c.prepareStatement(
                    "INSERT INTO layer (hash) VALUES (?) ON CONFLICT (hash) DO NOTHING")) {
                for (var l : m.layers()) {
                    layer.setString(1, l.hash().toString());
                    layer.addBatch();
                }
                layer.executeBatch();
            }
            try (PreparedStatement del = c.prepareStatement("DELETE FROM manifest_layer WHERE manifest_id = ?")) {
                del.setLong(1, manifestId);
                del.executeUpdate();
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO manifest_layer (manifest_id, layer_id, i) "
                    + "SELECT ?, id, ? FROM layer WHERE hash = ?")) {
                for (int i = 0; i < m.layers().size(); i++) {
                    ins.setLong(1, manifestId);
                    ins.setInt(2, i);
                    ins.setString(3, m.layers().get(i).hash().toString());
                    ins.addBatch();
                }
                ins.executeBatch();
            }
            return null;
        });
    }

    @Override
    public Map<Digest, Set<ScannerRef>> scannedBy(Collection<Digest> layers) {
        Map<Digest, Set<ScannerRef>> out = new HashMap<>();
        layers.forEach(l -> out.put(l, new HashSet<>()));
        return Jdbc.withConnection(ds, "scanned layers", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT l.hash, s.name, s.version, s.kind "
                    + "FROM layer_scan ls JOIN layer l ON l.id = ls.layer_id JOIN scanner s ON s.id = ls.scanner_id "
                    + "WHERE l.hash = ANY (?)")) {
                ps.setArray(1, textArray(c, layers.stream().map(Digest::toString).toList()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.get(Digest.parse(rs.getString(1)))
                                .add(new ScannerRef(rs.getString(2), rs.getString(3), rs.getString(4)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public void saveScanResult(Digest layer, ScannerRef scanner, ScanResult result) {
        String json = CoreJson.write(result);
        Jdbc.withConnection(ds, "save scan result " + layer + " " + scanner.name(), c -> {
            long scannerId = scannerId(c, scanner);
            try (PreparedStatement l = c.prepareStatement(
                    "INSERT INTO layer (hash) VALUES (?) ON CONFLICT (hash) DO NOTHING")) {
                l.setString(1, layer.toString());
                l.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO layer_scan (layer_id, scanner_id, artifacts) "
                    + "SELECT id, ?, ?::jsonb FROM layer WHERE hash = ? ON CONFLICT DO NOTHING")) {
                ps.setLong(1, scannerId);
                ps.setString(2, json);
                ps.setString(3, layer.toString());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Map<ScannerRef, ScanResult> scanResults(Digest layer, Collection<ScannerRef> scanners) {
        Set<ScannerRef> wanted = Set.copyOf(scanners);
        return Jdbc.withConnection(ds, "scan results " + layer, c -> {
            Map<ScannerRef, ScanResult> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT s.name, s.version, s.kind, ls.artifacts "
                    + "FROM layer_scan ls JOIN layer l ON l.id = ls.layer_id JOIN scanner s ON s.id = ls.scanner_id "
                    + "WHERE l.hash = ?")) {
                ps.setString(1, layer.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ScannerRef ref = new ScannerRef(rs.getString(1), rs.getString(2), rs.getString(3));
                        if (wanted.contains(ref)) {
                            out.put(ref, CoreJson.read(rs.getString(4), ScanResult.class));
                        }
                    }
                }
            }
            return out;
        });
    }

    @Override
    public boolean manifestScanned(Digest manifest, Collection<ScannerRef> scanners) {
        return Jdbc.withConnection(ds, "manifest scanned " + manifest, c -> {
            Set<ScannerRef> done = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT s.name, s.version, s.kind FROM scanned_manifest sm "
                    + "JOIN manifest m ON m.id = sm.manifest_id JOIN scanner s ON s.id = sm.scanner_id "
                    + "WHERE m.hash = ?")) {
                ps.setString(1, manifest.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        done.add(new ScannerRef(rs.getString(1), rs.getString(2), rs.getString(3)));
                    }
                }
            }
            return done.containsAll(scanners);
        });
    }

    @Override
    public void finishManifest(IndexReport report, Collection<ScannerRef> scanners) {
        Jdbc.inTransaction(ds, "finish manifest " + report.manifestHash(), c -> {
            long manifestId = manifestId(c, report.manifestHash());
            upsertReport(c, manifestId, report);
            try (PreparedStatement del = c.prepareStatement("DELETE FROM manifest_index WHERE manifest_id = ?")) {
                del.setLong(1, manifestId);
                del.executeUpdate();
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO manifest_index "
                    + "(manifest_id, package_name, source_name, record) VALUES (?, ?, ?, ?::jsonb)")) {
                for (IndexRecord r : report.indexRecords()) {
                    ins.setLong(1, manifestId);
                    ins.setString(2, r.pkg().name());
                    ins.setString(3, r.pkg().source() == null ? "" : r.pkg().source().name());
                    ins.setString(4, CoreJson.write(r));
                    ins.addBatch();
                }
                ins.executeBatch();
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO scanned_manifest (manifest_id, scanner_id) "
                    + "VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                for (ScannerRef s : scanners) {
                    ins.setLong(1, manifestId);
                    ins.setLong(2, scannerId(c, s));
                    ins.addBatch();
                }
                ins.executeBatch();
            }
            return null;
        });
    }

    @Override
    public void saveReport(IndexReport report) {
        Jdbc.inTransaction(ds, "save report " + report.manifestHash(), c -> {
            upsertReport(c, manifestId(c, report.manifestHash()), report);
            return null;
        });
    }

    @Override
    public Optional<IndexReport> indexReport(Digest manifest) {
        return Jdbc.withConnection(ds, "index report " + manifest, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT ir.report FROM index_report ir "
                    + "JOIN manifest m ON m.id = ir.manifest_id WHERE m.hash = ?")) {
                ps.setString(1, manifest.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(CoreJson.read(rs.getString(1), IndexReport.class))
                            : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<Digest> deleteManifests(Collection<Digest> manifests) {
        if (manifests.isEmpty()) {
            return List.of();
        }
        return Jdbc.inTransaction(ds, "delete manifests", c -> {
            List<Digest> deleted = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM manifest WHERE hash = ANY (?) RETURNING hash")) {
                ps.setArray(1, textArray(c, manifests.stream().map(Digest::toString).toList()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        deleted.add(Digest.parse(rs.getString(1)));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM layer l WHERE NOT EXISTS "
                    + "(SELECT 1 FROM manifest_layer ml WHERE ml.layer_id = l.id)")) {
                ps.executeUpdate();
            }
            return deleted;
        });
    }

    @Override
    public List<ManifestRecord> recordsByPackageName(Collection<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        return Jdbc.withConnection(ds, "records by package name", c -> {
            List<ManifestRecord> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT m.hash, mi.record FROM manifest_index mi "
                    + "JOIN manifest m ON m.id = mi.manifest_id WHERE mi.package_name = ANY (?) "
                    + "OR mi.source_name = ANY (?)")) {
                Array arr = textArray(c, List.copyOf(names));
                ps.setArray(1, arr);
                ps.setArray(2, arr);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ManifestRecord(Digest.parse(rs.getString(1)),
                                CoreJson.read(rs.getString(2), IndexRecord.class)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public void saveLegacyLayer(LegacyLayer l) {
        Jdbc.withConnection(ds, "save legacy layer " + l.name(), c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO legacy_layer (name, parent_name, path, "
                    + "headers, format, layer, manifest) VALUES (?, ?, ?, ?::jsonb, ?, ?, ?) ON CONFLICT (name) DO "
                    + "UPDATE SET parent_name = EXCLUDED.parent_name, path = EXCLUDED.path, headers = "
                    + "EXCLUDED.headers, format = EXCLUDED.format, layer = EXCLUDED.layer, manifest = "
                    + "EXCLUDED.manifest")) {
                ps.setString(1, l.name());
                ps.setString(2, l.parentName());
                ps.setString(3, l.path());
                ps.setString(4, CoreJson.write(l.headers()));
                ps.setString(5, l.format());
                ps.setString(6, l.layer().toString());
                ps.setString(7, l.manifest().toString());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<LegacyLayer> legacyLayer(String name) {
        return Jdbc.withConnection(ds, "legacy layer " + name, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT name, parent_name, path, headers, format, layer, "
                    + "manifest FROM legacy_layer WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new LegacyLayer(rs.getString(1), rs.getString(2), rs.getString(3),
                            CoreJson.read(rs.getString(4), Map.class), rs.getString(5),
                            Digest.parse(rs.getString(6)), Digest.parse(rs.getString(7))));
                }
            }
        });
    }

    @Override
    public List<String> legacyChildren(String name) {
        return Jdbc.withConnection(ds, "legacy children " + name, c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM legacy_layer WHERE parent_name = ? "
                    + "ORDER BY name")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public void deleteLegacyLayers(Collection<String> names) {
        Jdbc.withConnection(ds, "delete legacy layers", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM legacy_layer WHERE name = ANY (?)")) {
                ps.setArray(1, textArray(c, List.copyOf(names)));
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static void upsertReport(Connection c, long manifestId, IndexReport report) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO index_report (manifest_id, state, report) "
                + "VALUES (?, ?, ?::jsonb) ON CONFLICT (manifest_id) DO UPDATE SET state = EXCLUDED.state, "
                + "report = EXCLUDED.report, updated_at = now()")) {
            ps.setLong(1, manifestId);
            ps.setString(2, report.state().name());
            ps.setString(3, CoreJson.write(report));
            ps.executeUpdate();
        }
    }

    private static long manifestId(Connection c, Digest hash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO manifest (hash) VALUES (?) "
                + "ON CONFLICT (hash) DO UPDATE SET hash = EXCLUDED.hash RETURNING id")) {
            ps.setString(1, hash.toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long scannerId(Connection c, ScannerRef s) throws SQLException {
        Long cached = scannerIds.get(s);
        if (cached != null) {
            return cached;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO scanner (name, version, kind) VALUES (?, ?, ?) "
                + "ON CONFLICT (name, version, kind) DO UPDATE SET name = EXCLUDED.name RETURNING id")) {
            ps.setString(1, s.name());
            ps.setString(2, s.version());
            ps.setString(3, s.kind());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long id = rs.getLong(1);
                scannerIds.put(s, id);
                return id;
            }
        }
    }

    private static Array textArray(Connection c, List<String> values) throws SQLException {
        return c.createArrayOf("text", values.toArray());
    }
}
