package io.clair.core.osrelease;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a POSIX shell assigns when it sources a file: the independent reading of os-release's "shell-like" syntax.
 * Runs {@code env -i /bin/sh -c 'set -a; . FILE; env -0'} in an empty environment.
 */
final class ShellOracle {
    /** Variables the shell sets by itself. */
    private static final List<String> SHELL_OWN = List.of("PWD", "OLDPWD", "SHLVL", "_");

    private ShellOracle() {
    }

    static Map<String, String> source(Path file) {
        String out = RootfsFixtures.run(List.of(RootfsFixtures.tool("env", "coreutils"), "-i",
                RootfsFixtures.tool("sh", "dash"), "-c", "set -a; . \"$0\"; env -0", file.toString()));
        Map<String, String> vars = new HashMap<>();
        for (String entry : out.split("\0")) {
            int eq = entry.indexOf('=');
            if (eq > 0 && !SHELL_OWN.contains(entry.substring(0, eq))) {
                vars.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        return vars;
    }
}
