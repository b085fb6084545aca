package io.clair.core.ecosystem.rust;

import io.clair.core.index.Repository;
import io.clair.core.linux.LinuxCoalescer;
import io.clair.core.match.Matcher;
import io.clair.core.match.RepositoryMatcher;
import io.clair.core.plugin.ClairPlugin;
import io.clair.core.version.VersionScheme;
import io.clair.core.plugin.PluginContext;
import io.clair.core.scan.Ecosystem;
import java.util.List;

/**
 * Rust crates, from executables built with {@code cargo auditable} and from {@code Cargo.lock} files, in the
 * {@code crates.io} repository (the name OSV uses for the ecosystem; claircore has no Rust scanner).
 */
public final class RustPlugin implements ClairPlugin {
    public static final Repository REPOSITORY = Repository.named("crates.io", "https://crates.io/");

    @Override
    public String name() {
        return "rust";
    }

    @Override
    public List<Ecosystem> ecosystems(PluginContext ctx) {
        return List.of(new Ecosystem("rust", List.of(new AuditableBinaryScanner(), new CargoLockScanner()),
                List.of(), List.of(), LinuxCoalescer.language(REPOSITORY)));
    }

    @Override
    public List<Matcher> matchers(PluginContext ctx) {
        return List.of(new RepositoryMatcher("rust-crates", "crates.io", VersionScheme.of("semver")));
    }
}
