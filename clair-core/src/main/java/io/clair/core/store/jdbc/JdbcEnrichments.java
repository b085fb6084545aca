package io.clair.core.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clair.core.vuln.Enrichment;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;

/**
 * The enrichment half of {@link JdbcVulnerabilityStore}: loading a run's records into {@code enrichment} and
 * {@code uo_enrich} (by {@code COPY} into a temporary table, de-duplicated by content hash), and reading the records
 * of an updater's latest enrichment operation, by tag through the GIN index on {@code enrichment.tags}.
 */
final class JdbcEnrichments {
    private static final int COPY_CHUNK = 5_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };
    private static final String LATEST = " JOIN uo_enrich ue ON ue.enrich = e.id "
            + "JOIN latest_update_operation l ON l.uo = ue.uo AND l.kind = 'enrichment' WHERE l.updater = ?";

    private JdbcEnrichments() {
    }

    /** Loads {@code records} and links them to operation {@code opId}; runs inside the caller's transaction. */
    static void load(Connection c, long opId, String updater, Collection<Enrichment> records) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE enrich_load (hash BYTEA, updater TEXT, tags TEXT[], data JSONB) "
                    + "ON COMMIT DROP");
        }
        copy(c, updater, records);
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO enrichment (hash, updater, tags, data) SELECT DISTINCT ON (hash) hash, updater, "
                    + "tags, data FROM enrich_load ON CONFLICT (hash) DO NOTHING");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO uo_enrich (uo, enrich) SELECT DISTINCT ?, e.id "
                + "FROM enrich_load l JOIN enrichment e ON e.hash = l.hash ON CONFLICT DO NOTHING")) {
            ps.setLong(1, opId);
            ps.executeUpdate();
        }
    }

    private static void copy(Connection c, String updater, Collection<Enrichment> records) throws SQLException {
        String sql = "COPY enrich_load (hash, updater, tags, data) FROM STDIN (FORMAT csv)";
        var copier = c.unwrap(PGConnection.class).getCopyAPI();
        StringBuilder b = new StringBuilder(1 << 20);
        int n = 0;
        try {
            for (Enrichment e : records) {
                b.append("\\x").append(HexFormat.of().formatHex(e.contentHash(updater)));
                csvText(b, updater);
                csvText(b, arrayLiteral(e.tags()));
                csvText(b, JSON.writeValueAsString(e.data()));
                b.append('\n');
                if (++n % COPY_CHUNK == 0) {
                    copier.copyIn(sql, new StringReader(b.toString()));
                    b.setLength(0);
                }
            }
            if (b.length() > 0) {
                copier.copyIn(sql, new StringReader(b.toString()));
            }
        } catch (IOException e) {
            throw new SQLException("copy enrichments: " + e.getMessage(), e);
        }
    }

    private static void csvText(StringBuilder b, String s) {
        b.append(",\"").append(s.replace("\"", "\"\"")).append('"');
    }

    /** A Postgres text[] literal with every element quoted, e.g. {@code {"CVE-2016-2781"}}. */
    private static String arrayLiteral(List<String> items) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < items.size(); i++) {
            b.append(i == 0 ? "\"" : ",\"").append(items.get(i).replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        return b.append('}').toString();
    }

    /** Every record of the latest enrichment operation of {@code updater}. */
    static List<Enrichment> all(Connection c, String updater) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT e.tags, e.data::text FROM enrichment e" + LATEST
                + " ORDER BY e.id")) {
            ps.setString(1, updater);
            return read(ps);
        }
    }

    /**
     * Records of the latest enrichment operation of {@code updater} with any of {@code tags}. The tag filter runs
     * first, materialized, so the planner uses the GIN index rather than walking the operation's links (as
     * claircore's query does).
     */
    static List<Enrichment> withAnyTag(Connection c, String updater, Collection<String> tags) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("WITH e AS MATERIALIZED (SELECT id, tags, data FROM "
                + "enrichment WHERE tags && ?::text[]) SELECT e.tags, e.data::text FROM e" + LATEST
                + " ORDER BY e.id")) {
            ps.setArray(1, c.createArrayOf("text", tags.toArray()));
            ps.setString(2, updater);
            return read(ps);
        }
    }

    static int count(Connection c, String updater) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM enrichment e" + LATEST)) {
            ps.setString(1, updater);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Deletes records no operation links any more (after operations went). */
    static void deleteUnlinked(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DELETE FROM enrichment e WHERE NOT EXISTS (SELECT 1 FROM uo_enrich ue WHERE ue.enrich = e.id)");
        }
    }

    private static List<Enrichment> read(PreparedStatement ps) throws SQLException {
        List<Enrichment> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Array tags = rs.getArray(1);
                String data = rs.getString(2);
                try {
                    out.add(new Enrichment(Arrays.asList((String[]) tags.getArray()), JSON.readValue(data, OBJECT)));
                } catch (JsonProcessingException e) {
                    throw new SQLException("enrichment data is not a JSON object: " + e.getOriginalMessage(), e);
                }
            }
        }
        return out;
    }
}
