package io.clair.core.ecosystem.rpm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clair.core.scan.ScanException;
import io.clair.core.testing.TestData;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Real databases damaged in the ways that matter for a reader: cut short, a page chain turned into a loop, a length
 * or an offset made absurd, a checksum broken. Each must fail the scan with a {@link ScanException} naming the file.
 */
@Timeout(120) // a hang guard only
class RpmCorruptDatabaseTest {
    private static final String BDB = "var/lib/rpm/Packages";
    private static final String NDB = "usr/lib/sysimage/rpm/Packages.db";
    private static final String SQLITE = "var/lib/rpm/rpmdb.sqlite";
    private static final int PAGE = 4096; // the libuuid database's page size, checked below

    private final RpmPackageScanner scanner = new RpmPackageScanner();

    @Test
    void truncatedBdb() throws Exception {
        byte[] db = bdb();
        assertFails(BDB, Arrays.copyOf(db, db.length / 2), "truncated");
        assertFails(BDB, Arrays.copyOf(db, 300), "truncated");
    }

    @Test
    void bdbOverflowChainThatLoops() throws Exception {
        byte[] db = bdb();
        int pg = firstPage(db, 7, true); // an overflow page with a successor
        le(db).putInt(pg * PAGE + 16, pg);
        assertFails(BDB, db, "reached twice");
    }

    @Test
    void bdbBucketChainThatLoops() throws Exception {
        byte[] db = bdb();
        int pg = firstPage(db, 13, false);
        le(db).putInt(pg * PAGE + 16, pg);
        assertFails(BDB, db, "reached twice");
    }

    @Test
    void bdbOverflowItemOfAbsurdLength() throws Exception {
        byte[] db = bdb();
        int item = offPageItem(db);
        le(db).putInt(item + 8, 0xfffffff0);
        assertFails(BDB, db, "cannot fit");
    }

    @Test
    void bdbOverflowReferenceOutsideTheFile() throws Exception {
        byte[] db = bdb();
        int item = offPageItem(db);
        le(db).putInt(item + 4, 0x7fffffff);
        assertFails(BDB, db, "outside 1..");
    }

    @Test
    void bdbHashPageWithAbsurdItemCount() throws Exception {
        byte[] db = bdb();
        int pg = firstPage(db, 13, false);
        le(db).putShort(pg * PAGE + 20, (short) 0xfffe);
        assertFails(BDB, db, "nonsense item count");
    }

    @Test
    void bdbNonsensePageSize() throws Exception {
        byte[] db = bdb();
        le(db).putInt(20, 1000);
        assertFails(BDB, db, "nonsense page size");
    }

    @Test
    void truncatedNdb() throws Exception {
        byte[] db = ndb();
        assertFails(NDB, Arrays.copyOf(db, db.length - 4096), "bad");
        assertFails(NDB, Arrays.copyOf(db, 1000), "truncated");
    }

    @Test
    void ndbSlotOfAbsurdSize() throws Exception {
        byte[] db = ndb();
        le(db).putInt(32 + 12, 0x7fffffff); // the first slot's block count
        assertFails(NDB, db, "is bad");
    }

    @Test
    void ndbBlobWithAFlippedBit() throws Exception {
        byte[] db = ndb();
        int blob = le(db).getInt(32 + 8) * 16; // the first slot's blob
        db[blob + 200] ^= 0x10;
        assertFails(NDB, db, "checksum mismatch");
    }

    @Test
    void sqliteFileThatIsNotADatabase() throws Exception {
        byte[] junk = new byte[8192];
        Arrays.fill(junk, (byte) 0x5a);
        assertFails(SQLITE, junk, "rpm: sqlite: ");
    }

    @Test
    void truncatedSqlite() throws Exception {
        byte[] db = Files.readAllBytes(TestData.path("rpm/rpm-test-packages-fakeroot/rpmdb.sqlite"));
        assertFails(SQLITE, Arrays.copyOf(db, db.length / 3), "rpm: sqlite: ");
    }

    @Test
    void sqliteDatabaseWithoutPackagesTable() throws Exception {
        Path root = RpmLayers.fresh("corrupt-sqlite-no-table");
        Path file = root.resolve(SQLITE);
        Files.createDirectories(file.getParent());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE Other (x INTEGER)");
        }
        assertThatThrownBy(() -> scanner.scan(RpmLayers.layer(root))).isExactlyInstanceOf(ScanException.class)
                .hasMessage("rpm: sqlite: " + SQLITE + ": not an rpm database (no Packages table)");
    }

    private void assertFails(String layerPath, byte[] content, String reason) throws IOException {
        Path root = RpmLayers.fresh("corrupt-" + Thread.currentThread().getStackTrace()[2].getMethodName());
        Path file = root.resolve(layerPath);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        assertThatThrownBy(() -> scanner.scan(RpmLayers.layer(root)))
                .isInstanceOf(ScanException.class)
                .hasMessageStartingWith("rpm: ")
                .hasMessageContaining(layerPath)
                .hasMessageContaining(reason);
    }

    private static byte[] bdb() throws IOException {
        byte[] db = Files.readAllBytes(TestData.path("rpm/libuuid/Packages"));
        assertThat(le(db).getInt(20)).as("page size").isEqualTo(PAGE);
        return db;
    }

    private static byte[] ndb() throws IOException {
        return Files.readAllBytes(TestData.path("rpm/sle15-bci/Packages.db"));
    }

    /** The first page of {@code type}; with {@code linked}, one whose next-page pointer is set. */
    private static int firstPage(byte[] db, int type, boolean linked) {
        for (int pg = 1; pg < db.length / PAGE; pg++) {
            if (db[pg * PAGE + 25] == type && (!linked || le(db).getInt(pg * PAGE + 16) != 0)) {
                return pg;
            }
        }
        throw new AssertionError("no page of type " + type);
    }

    /** File offset of the first off-page (overflow) item on a hash page. */
    private static int offPageItem(byte[] db) {
        for (int pg = 1; pg < db.length / PAGE; pg++) {
            int base = pg * PAGE;
            if (db[base + 25] != 13) {
                continue;
            }
            int n = le(db).getShort(base + 20) & 0xffff;
            for (int i = 1; i < n; i += 2) {
                int off = le(db).getShort(base + 26 + 2 * i) & 0xffff;
                if (db[base + off] == 3) {
                    return base + off;
                }
            }
        }
        throw new AssertionError("no off-page item");
    }

    private static ByteBuffer le(byte[] b) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }
}
