package io.clair.core.ecosystem.gobin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The build information the Go linker embeds in every executable since Go 1.13: the toolchain version and, for
 * module builds, the main module and each dependency, as {@code go version -m} prints them.
 *
 * @param goVersion the toolchain, for example {@code go1.19.8}
 * @param path      the main package path, or {@code ""}
 * @param main      the main module, when the binary was built in module mode
 * @param deps      the dependencies in the order the linker wrote them
 */
public record GoBuildInfo(String goVersion, String path, Optional<Module> main, List<Module> deps) {
    public GoBuildInfo {
        deps = List.copyOf(deps);
    }

    /**
     * A module and, when a {@code replace} directive applied, what replaced it.
     *
     * @param replacement the module that was built instead ({@code =>} in {@code go version -m}), or null
     */
    public record Module(String path, String version, String sum, Module replacement) {

        /**
         * The module whose code is in the binary: the replacement when it is a module version, this module when
         * it was not replaced or replaced by a local directory (which has no version to look advisories up by).
         */
        public Module effective() {
            return replacement != null && !replacement.version().isEmpty() ? replacement : this;
        }
    }

    /**
     * Parses the module information block ({@code runtime/debug.BuildInfo}'s text form): tab-separated lines
     * {@code path}, {@code mod}, {@code dep}, {@code =>} (replacing the line above) and {@code build}.
     */
    static GoBuildInfo parse(String goVersion, String modinfo) {
        String path = "";
        Module main = null;
        List<Module> deps = new ArrayList<>();
        boolean lastWasMain = false;
        for (String line : modinfo.split("\n")) {
            String[] f = line.split("\t", -1);
            switch (f[0]) {
                case "path" -> path = f.length > 1 ? f[1] : "";
                case "mod" -> {
                    main = module(f);
                    lastWasMain = true;
                }
                case "dep" -> {
                    deps.add(module(f));
                    lastWasMain = false;
                }
                case "=>" -> {
                    Module r = module(f);
                    if (lastWasMain && main != null) {
                        main = new Module(main.path(), main.version(), main.sum(), r);
                    } else if (!deps.isEmpty()) {
                        Module d = deps.remove(deps.size() - 1);
                        deps.add(new Module(d.path(), d.version(), d.sum(), r));
                    }
                }
                default -> {
                    // "build" settings and blank lines carry no package
                }
            }
        }
        return new GoBuildInfo(goVersion, path, Optional.ofNullable(main), deps);
    }

    private static Module module(String[] f) {
        return new Module(f.length > 1 ? f[1] : "", f.length > 2 ? f[2] : "", f.length > 3 ? f[3] : "", null);
    }
}
