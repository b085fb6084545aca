package io.clair.core.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Real root filesystems for tests, unpacked once per JVM under target/. */
public final class Rootfs {
    private Rootfs() {
    }

    /** The Alpine minirootfs tarball of the shared test data ({@code 3.20.3} or {@code 3.6.5}), extracted with tar. */
    public static synchronized Path alpine(String version) throws IOException, InterruptedException {
        Path tarball = TestData.path("alpine/alpine-minirootfs-" + version + "-x86_64.tar.gz");
        Path dir = TestData.projectRoot().resolve("clair-core/target/rootfs/alpine-" + version);
        if (!Files.exists(dir.resolve("lib/apk/db/installed"))) {
            Files.createDirectories(dir);
            run(List.of("tar", "-xzf", tarball.toString(), "-C", dir.toString()));
        }
        return dir;
    }

    /** Runs a command, failing with its output when it does not succeed. */
    public static String run(List<String> command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("test needs `" + command.get(0) + "` on PATH: " + e.getMessage(), e);
        }
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }
}
