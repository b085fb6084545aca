package io.clair.core.ecosystem.gobin;

import io.clair.core.index.Repository;
import io.clair.core.linux.LinuxCoalescer;
import io.clair.core.match.Matcher;
import io.clair.core.match.RepositoryMatcher;
import io.clair.core.plugin.ClairPlugin;
import io.clair.core.version.VersionScheme;
import io.clair.core.plugin.PluginContext;
import io.clair.core.scan.Ecosystem;
import java.util.List;

/** Go executables: the modules and toolchain they were built from, in claircore's {@code go} repository. */
public final class GoPlugin implements ClairPlugin {
    /** claircore's repository for Go modules; the gobin matcher selects on its URI. */
    public static final Repository REPOSITORY = Repository.named("go", "https://pkg.go.dev/");

    @Override
    public String name() {
        return "gobin";
    }

    @Override
    public List<Ecosystem> ecosystems(PluginContext ctx) {
        return List.of(new Ecosystem("gobin", List.of(new GoBinaryScanner()), List.of(), List.of(),
                LinuxCoalescer.language(REPOSITORY)));
    }

    @Override
    public List<Matcher> matchers(PluginContext ctx) {
        return List.of(new RepositoryMatcher("gobin", "go", VersionScheme.of("go")));
    }
}
