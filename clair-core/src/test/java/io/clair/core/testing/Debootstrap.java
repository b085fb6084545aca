package io.clair.core.testing;

import io.clair.core.osrelease.RootfsFixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A real Debian bookworm root filesystem from {@code debootstrap --variant=minbase}, cached by {@link TestCache} as
 * {@code debootstrap-bookworm}; it counts as built once its dpkg status database exists.
 */
public final class Debootstrap {
    private Debootstrap() {
    }

    public static Path bookworm() throws IOException {
        return TestCache.get("debootstrap-bookworm", "var/lib/dpkg/status", building -> RootfsFixtures.run(List.of(
                RootfsFixtures.tool("debootstrap", "debootstrap"), "--variant=minbase", "bookworm",
                building.toString())));
    }
}
