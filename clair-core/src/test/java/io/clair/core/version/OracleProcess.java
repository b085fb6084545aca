package io.clair.core.version;

import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs an ecosystem's own tool once for a whole batch: the input lines go to its standard input, one answer line per
 * input line comes back. A missing tool fails the test with what to install; it is never skipped.
 */
public final class OracleProcess {
    private OracleProcess() {
    }

    /** Fails the test unless {@code executable} exists, naming the package that provides it. */
    public static void require(Path executable, String install) {
        if (!Files.isExecutable(executable)) {
            fail("oracle missing: " + executable + " not found; install it with: " + install);
        }
    }

    /** Fails the test unless {@code command} exits 0, saying what to install. */
    public static void requireWorks(List<String> command, String install) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                fail("oracle unusable: " + String.join(" ", command) + " failed (" + out.strip() + "); install: " + install);
            }
        } catch (IOException e) {
            fail("oracle missing: cannot run " + command.get(0) + " (" + e.getMessage() + "); install: " + install);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
    }

    /** Runs {@code command}, feeding {@code input} lines, and returns exactly as many output lines. */
    public static List<String> run(List<String> command, List<String> input, long timeoutSeconds) {
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8))) {
                    for (String line : input) {
                        w.write(line);
                        w.write('\n');
                    }
                } catch (IOException e) {
                    throw new IllegalStateException("oracle: writing input to " + command.get(0) + " failed", e);
                }
            });
            List<String> out = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                    out.add(l);
                }
            }
            writer.join();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("oracle: " + command.get(0) + " did not finish in " + timeoutSeconds + " s");
            }
            if (p.exitValue() != 0) {
                fail("oracle: " + String.join(" ", command) + " exited " + p.exitValue());
            }
            // a tool that reads its own input file (the apk chroot) gets no standard input; its caller counts lines
            if (!input.isEmpty() && out.size() != input.size()) {
                fail("oracle: " + command.get(0) + " answered " + out.size() + " lines for " + input.size() + " inputs");
            }
            return out;
        } catch (IOException e) {
            fail("oracle: cannot run " + String.join(" ", command) + ": " + e.getMessage());
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
            return List.of();
        }
    }

    /** A script written under {@code target/oracle/} so that tools can run it. */
    public static Path script(String name, String body) {
        try {
            Path dir = Path.of("target", "oracle").toAbsolutePath();
            Files.createDirectories(dir);
            Path p = dir.resolve(name);
            Files.writeString(p, body, StandardCharsets.UTF_8);
            return p;
        } catch (IOException e) {
            throw new IllegalStateException("oracle: cannot write script " + name, e);
        }
    }
}
