package io.clair.core.testing;

import io.clair.core.osrelease.RootfsFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real Debian bookworm root filesystem from {@code debootstrap --variant=minbase}, cached under
 * {@code ${java.io.tmpdir}/clair-testcache/debootstrap-bookworm}. It is built in a sibling directory and renamed only
 * once debootstrap succeeded, so an interrupted build is never mistaken for a cache hit.
 */
public final class Debootstrap {
    private static final Path CACHE = Path.of(System.getProperty("java.io.tmpdir"), "clair-testcache",
            "debootstrap-bookworm");

    private Debootstrap() {
    }

    public static synchronized Path bookworm() throws IOException {
        if (Files.isRegularFile(CACHE.resolve("var/lib/dpkg/status"))) {
            return CACHE;
        }
        Path building = CACHE.resolveSibling(CACHE.getFileName() + ".building");
        RootfsFixtures.deleteTree(building);
        Files.createDirectories(building.getParent());
        RootfsFixtures.run(List.of(RootfsFixtures.tool("debootstrap", "debootstrap"), "--variant=minbase", "bookworm",
                building.toString()));
        Files.move(building, CACHE);
        return CACHE;
    }
}
