package io.clair.ctl;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * What a clairctl run talks to: its streams, its environment, whether stdout and stderr are terminals, and the
 * clock (suppression expiry). The real process uses {@link #system()}; tests build their own so that they can run
 * the CLI in-process with captured output and a chosen environment.
 */
public record Console(PrintStream out, PrintStream err, InputStream in, Map<String, String> env, boolean stdoutTty,
                      boolean stderrTty, Clock clock) {

    public Console {
        env = Map.copyOf(env);
    }

    /** The process's own streams and environment; terminals detected as {@link #isTerminal} says. */
    public static Console system() {
        return new Console(stream(FileDescriptor.out), stream(FileDescriptor.err), System.in, System.getenv(),
                isTerminal(1), isTerminal(2), Clock.systemDefaultZone());
    }

    private static PrintStream stream(FileDescriptor fd) {
        // buffered: a large report written line by line must not cost a system call per line
        return new PrintStream(new BufferedOutputStream(new FileOutputStream(fd), 1 << 16), true,
                StandardCharsets.UTF_8);
    }

    /** The value of an environment variable, or null when unset or blank. */
    public String env(String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v;
    }

    /**
     * Whether file descriptor {@code fd} is a terminal. On Linux {@code /proc/self/fd/N} tells each stream apart,
     * which matters: {@code clairctl report ... > report.json} should still show progress on the terminal.
     * Elsewhere {@link System#console()} is the best the JDK offers (true only when stdin and stdout both are).
     */
    static boolean isTerminal(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception e) {
            return System.console() != null;
        }
    }
}
