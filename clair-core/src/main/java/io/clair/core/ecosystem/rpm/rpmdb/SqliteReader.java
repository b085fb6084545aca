package io.clair.core.ecosystem.rpm.rpmdb;

import io.clair.core.scan.ScanException;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * Reads the header blobs out of rpm's SQLite database ({@code rpmdb.sqlite}, rpm 4.16 and later: Fedora 33+,
 * RHEL 9): table {@code Packages(hnum INTEGER PRIMARY KEY, blob BLOB)}, read in {@code hnum} order.
 *
 * <p>The file is opened read-only with SQLite's {@code immutable=1}: rpm leaves its databases in WAL mode, and a
 * plain read-only open would create {@code -wal} and {@code -shm} files beside the layer's file. Immutable means no
 * locks, no journal and nothing written; a {@code -wal} file shipped in the layer is ignored, as claircore ignores it.
 */
public final class SqliteReader {
    private SqliteReader() {
    }

    /**
     * Hands every header blob in {@code path} to {@code sink}.
     *
     * @param name the file's layer path, used in messages
     * @throws ScanException when the file is not an rpm SQLite database or SQLite reports it corrupt
     */
    public static void read(Path path, String name, HeaderSink sink) throws IOException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.OPEN_URI);
        // toUri percent-encodes the path, so a '?' or '#' in a directory name cannot start the query
        String url = "jdbc:sqlite:" + path.toAbsolutePath().toUri() + "?immutable=1";
        try (Connection c = config.createConnection(url); Statement st = c.createStatement()) {
            if (!hasPackagesTable(st)) {
                throw new ScanException("rpm: sqlite: " + name + ": not an rpm database (no Packages table)");
            }
            try (ResultSet rs = st.executeQuery("SELECT hnum, blob FROM Packages ORDER BY hnum")) {
                while (rs.next()) {
                    byte[] blob = rs.getBytes(2);
                    if (blob == null) {
                        throw new ScanException("rpm: sqlite: " + name + ": package " + rs.getLong(1) + " has no blob");
                    }
                    sink.accept(blob);
                }
            }
        } catch (SQLException e) {
            throw new ScanException("rpm: sqlite: " + name + ": " + e.getMessage(), e);
        }
    }

    private static boolean hasPackagesTable(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'Packages'")) {
            return rs.next();
        }
    }
}
