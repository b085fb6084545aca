package io.clair.core.ecosystem.rpm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.clair.core.scan.ScanException;
import io.clair.core.testing.TestData;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded mutations of the real databases, 200 each: cut short, bits flipped anywhere, bits flipped and words made
 * absurd where the structure lives (page headers, slots, blob heads, header indexes, SQLite page headers), page
 * pointers rewired. Every scan must end, either with packages or with a {@link ScanException} naming the file:
 * never another exception, never a hang.
 */
class RpmMutationTest {
    private static final int MUTATIONS = Integer.getInteger("rpm.mutations", 200); // raise to hunt locally
    private static final long SEED = 0x5eed_2024L;

    static Stream<Arguments> databases() {
        return Stream.of(
                Arguments.of("libuuid", "var/lib/rpm/Packages", TestData.path("rpm/libuuid/Packages")),
                Arguments.of("centos5-plain", "var/lib/rpm/Packages",
                        RpmOracle.centosDir("centos5-plain").resolve("Packages")),
                Arguments.of("sle15-bci", "usr/lib/sysimage/rpm/Packages.db", TestData.path("rpm/sle15-bci/Packages.db")),
                Arguments.of("fakeroot", "var/lib/rpm/rpmdb.sqlite",
                        TestData.path("rpm/rpm-test-packages-fakeroot/rpmdb.sqlite")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    @Timeout(value = 15, unit = TimeUnit.MINUTES) // a hang guard only
    void everyMutationEndsInPackagesOrAScanException(String name, String layerPath, Path source) throws Exception {
        byte[] original = Files.readAllBytes(source);
        Path root = RpmLayers.fresh("mutate-" + name);
        Path file = RpmLayers.place(root, layerPath, source);
        RpmPackageScanner scanner = new RpmPackageScanner();
        Random rnd = new Random(SEED ^ name.hashCode());
        int rejected = 0;
        for (int i = 0; i < MUTATIONS; i++) {
            byte[] mutated = original.clone();
            String what = mutate(mutated, layerPath, rnd);
            if (what.startsWith("truncate to ")) {
                mutated = Arrays.copyOf(mutated, Integer.parseInt(what.substring("truncate to ".length())));
            }
            Files.write(file, mutated);
            try {
                scanner.scan(RpmLayers.layer(root));
            } catch (ScanException e) {
                assertThat(e.getMessage()).as("message of mutation %d (%s)", i, what).startsWith("rpm: ")
                        .contains(layerPath);
                rejected++;
            } catch (Throwable t) {
                fail("mutation " + i + " of " + name + " (" + what + ") threw " + t, t);
            }
        }
        System.out.printf("rpm mutations of %s: %d of %d rejected, the rest read%n", name, rejected, MUTATIONS);
        assertThat(rejected).as("mutations detected as damage").isPositive();
    }

    /** Changes {@code b} in place (or names a truncation) and describes the change. */
    private static String mutate(byte[] b, String layerPath, Random rnd) {
        int kind = rnd.nextInt(5);
        switch (kind) {
            case 0:
                return "truncate to " + rnd.nextInt(b.length);
            case 1: {
                StringBuilder sb = new StringBuilder("flip anywhere");
                for (int n = 1 + rnd.nextInt(8); n > 0; n--) {
                    int at = rnd.nextInt(b.length);
                    b[at] ^= (byte) (1 << rnd.nextInt(8));
                    sb.append(' ').append(at);
                }
                return sb.toString();
            }
            case 2: {
                StringBuilder sb = new StringBuilder("flip structure");
                for (int n = 1 + rnd.nextInt(4); n > 0; n--) {
                    int at = structure(b, layerPath, rnd);
                    b[at] ^= (byte) (1 << rnd.nextInt(8));
                    sb.append(' ').append(at);
                }
                return sb.toString();
            }
            case 3: {
                int at = structure(b, layerPath, rnd) & ~3;
                int[] absurd = {0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, b.length, rnd.nextInt()};
                int v = absurd[rnd.nextInt(absurd.length)];
                ByteOrder order = rnd.nextBoolean() ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
                if (at + 4 <= b.length) {
                    ByteBuffer.wrap(b).order(order).putInt(at, v);
                }
                return "word " + v + " (" + order + ") at " + at;
            }
            default: {
                // rewire a page pointer (Berkeley DB next page, NDB blob offset, SQLite page header word)
                int at = pointer(b, layerPath, rnd);
                int v = rnd.nextInt(Math.max(1, b.length / 4096 + 2));
                ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(at, v);
                return "pointer " + v + " at " + at;
            }
        }
    }

    /** A byte offset where the format keeps structure rather than package text. */
    private static int structure(byte[] b, String layerPath, Random rnd) {
        ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        if (layerPath.endsWith("Packages")) {
            int pages = b.length / 4096;
            int pg = rnd.nextInt(pages);
            // the page header and item index, or the rpm header index at the start of an overflow chain
            return pg * 4096 + (b[pg * 4096 + 25] == 7 && rnd.nextBoolean() ? 26 + rnd.nextInt(8 + 16 * 64) : rnd.nextInt(96));
        }
        if (layerPath.endsWith("Packages.db")) {
            int slots = le.getInt(12) * 4096;
            if (rnd.nextBoolean()) {
                return rnd.nextInt(Math.min(slots, b.length));
            }
            int slot = 32 + 16 * rnd.nextInt(64);
            int blob = le.getInt(slot + 8) * 16;
            // the blob head and the rpm header index behind it
            return blob > 0 && blob + 1100 < b.length ? blob + rnd.nextInt(16 + 8 + 16 * 64) : rnd.nextInt(slots);
        }
        int pageSize = ((b[16] & 0xff) << 8 | (b[17] & 0xff)) == 1 ? 65536 : (b[16] & 0xff) << 8 | (b[17] & 0xff);
        int pg = rnd.nextInt(b.length / pageSize);
        return pg * pageSize + (pg == 0 ? rnd.nextInt(112) : rnd.nextInt(16));
    }

    private static int pointer(byte[] b, String layerPath, Random rnd) {
        if (layerPath.endsWith("Packages")) {
            return rnd.nextInt(b.length / 4096) * 4096 + (rnd.nextBoolean() ? 16 : 12);
        }
        if (layerPath.endsWith("Packages.db")) {
            return 32 + 16 * rnd.nextInt(64) + 8;
        }
        return structure(b, layerPath, rnd) & ~3;
    }
}
