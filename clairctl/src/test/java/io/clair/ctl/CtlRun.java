package io.clair.ctl;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs clairctl's real entry point in-process with captured output, a chosen environment (nothing of the test
 * machine's leaks in: no CLAIR_API, no DOCKER_CONFIG) and a fixed date for suppression expiry.
 */
final class CtlRun {
    /** The date tests run "on": suppressions expiring before it are expired. */
    static final Instant NOW = Instant.parse("2025-06-15T12:00:00Z");

    private final Map<String, String> env = new HashMap<>();
    private InputStream stdin = new ByteArrayInputStream(new byte[0]);

    static CtlRun clairctl() {
        return new CtlRun();
    }

    CtlRun env(String name, String value) {
        env.put(name, value);
        return this;
    }

    CtlRun stdin(byte[] bytes) {
        this.stdin = new ByteArrayInputStream(bytes);
        return this;
    }

    /** The result of one run. */
    record Result(int exit, String out, String err) {
        /** Non-blank stderr lines. */
        List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), stdin, env, false, false,
                Clock.fixed(NOW, ZoneOffset.UTC));
        int rc = ClairCtl.run(console, args);
        return new Result(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
