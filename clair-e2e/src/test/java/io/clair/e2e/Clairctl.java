package io.clair.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The packaged clairctl jar, run as a user runs it, with its own empty home directory. */
final class Clairctl {
    private Clairctl() {
    }

    static Processes.Result run(Path home, String... args) throws Exception {
        Files.createDirectories(home);
        List<String> cmd = Processes.java(E2e.get().root.resolve("clairctl/target/clairctl.jar").toString(),
                List.of("-Duser.home=" + home), List.of(args));
        return Processes.run(new ArrayList<>(cmd), Map.of("HOME", home.toString()), null);
    }

    static Processes.Result run(String... args) throws Exception {
        return run(E2e.get().work.resolve("home"), args);
    }
}
