package io.clair.core.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs the real command-line tools some tests use as builders and oracles (skopeo, umoci, docker-registry,
 * htpasswd). A missing tool fails the test with the Debian package to install, never skips it.
 */
public final class ExternalTool {
    /** Tools the image tests run, and the Debian package of each. */
    private static final Map<String, String> PACKAGES = Map.of("skopeo", "skopeo", "umoci", "umoci",
            "docker-registry", "docker-registry", "htpasswd", "apache2-utils");

    private ExternalTool() {
    }

    /** The tool on PATH, checked against the known packages; see {@link #require(String, String)}. */
    public static Path require(String command) {
        String pkg = PACKAGES.get(command);
        if (pkg == null) {
            throw new IllegalArgumentException("unknown tool " + command + "; add it to ExternalTool.PACKAGES");
        }
        return require(command, pkg);
    }

    /** The tool on PATH, or an {@link AssertionError} naming the package that provides it. */
    public static Path require(String command, String debianPackage) {
        String path = System.getenv("PATH");
        for (String dir : (path == null ? "" : path).split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, command);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        throw new AssertionError("test needs `" + command + "`, which is not installed: apt-get install -y "
                + debianPackage + " (CI installs it through .ci/install-tools.sh)");
    }

    /** Runs {@code command} (a known tool, see {@link #require(String)}) and returns its stdout. */
    public static byte[] run(List<String> command) throws IOException, InterruptedException {
        require(command.get(0));
        Path err = Files.createTempFile("clair-tool-", ".stderr");
        try {
            Process p = new ProcessBuilder(command).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            byte[] out = p.getInputStream().readAllBytes();
            int rc = p.waitFor();
            if (rc != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited " + rc + ": "
                        + Files.readString(err, StandardCharsets.UTF_8).strip());
            }
            return out;
        } finally {
            Files.deleteIfExists(err);
        }
    }

    /** {@link #run} with stdout as UTF-8 text. */
    public static String runText(List<String> command) throws IOException, InterruptedException {
        return new String(run(command), StandardCharsets.UTF_8);
    }
}
