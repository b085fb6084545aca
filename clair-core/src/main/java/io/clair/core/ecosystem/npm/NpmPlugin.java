package io.clair.core.ecosystem.npm;

import io.clair.core.index.Repository;
import io.clair.core.linux.LinuxCoalescer;
import io.clair.core.match.Matcher;
import io.clair.core.match.RepositoryMatcher;
import io.clair.core.plugin.ClairPlugin;
import io.clair.core.version.VersionScheme;
import io.clair.core.plugin.PluginContext;
import io.clair.core.scan.Ecosystem;
import java.util.List;

/** npm packages under {@code node_modules}, in claircore's {@code npm} repository. */
public final class NpmPlugin implements ClairPlugin {
    /** claircore's repository for npm packages; the nodejs matcher selects on its name. */
    public static final Repository REPOSITORY = Repository.named("npm", "https://www.npmjs.com/");

    @Override
    public String name() {
        return "npm";
    }

    @Override
    public List<Ecosystem> ecosystems(PluginContext ctx) {
        return List.of(new Ecosystem("nodejs", List.of(new NpmPackageScanner()), List.of(), List.of(),
                LinuxCoalescer.language(REPOSITORY)));
    }

    @Override
    public List<Matcher> matchers(PluginContext ctx) {
        return List.of(new RepositoryMatcher("nodejs", "npm", VersionScheme.of("semver")));
    }
}
