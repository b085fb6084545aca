package io.clair.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the shared upstream test data at {@code ../shared/testdata} relative to the project root, failing with a
 * clear message when it is missing. Nothing from it is copied into the project.
 */
public final class TestData {
    private TestData() {
    }

    /** The project root: the {@code clair.project.root} system property Surefire sets, else the nearest parent with a pom.xml and a clair-core folder. */
    public static Path projectRoot() {
        String prop = System.getProperty("clair.project.root");
        if (prop != null && !prop.isBlank() && Files.isDirectory(Path.of(prop, "clair-core"))) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("clair-core"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("testdata: cannot find the project root from " + Path.of("").toAbsolutePath());
    }

    /** {@code ../shared/testdata} relative to the project root. */
    public static Path root() {
        Path p = projectRoot().resolve("../shared/testdata").normalize();
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("testdata: " + p + " is missing; the tests read the shared upstream data"
                    + " from ../shared/testdata next to the project checkout");
        }
        return p;
    }

    /** A file or directory under the shared test data, which must exist. */
    public static Path path(String relative) {
        Path p = root().resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException("testdata: " + p + " is missing");
        }
        return p;
    }
}
