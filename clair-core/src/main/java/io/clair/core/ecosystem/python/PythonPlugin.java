package io.clair.core.ecosystem.python;

import io.clair.core.index.Repository;
import io.clair.core.linux.LinuxCoalescer;
import io.clair.core.match.Matcher;
import io.clair.core.match.RepositoryMatcher;
import io.clair.core.plugin.ClairPlugin;
import io.clair.core.version.VersionScheme;
import io.clair.core.plugin.PluginContext;
import io.clair.core.scan.Ecosystem;
import java.util.List;

/** Installed Python distributions, in claircore's {@code pypi} repository. */
public final class PythonPlugin implements ClairPlugin {
    /** claircore's repository for Python packages; the python matcher selects on its name. */
    public static final Repository REPOSITORY = Repository.named("pypi", "https://pypi.org/simple");

    @Override
    public String name() {
        return "python";
    }

    @Override
    public List<Ecosystem> ecosystems(PluginContext ctx) {
        return List.of(new Ecosystem("python", List.of(new PythonPackageScanner()), List.of(), List.of(),
                LinuxCoalescer.language(REPOSITORY)));
    }

    @Override
    public List<Matcher> matchers(PluginContext ctx) {
        return List.of(new RepositoryMatcher("python", "pypi", VersionScheme.of("pep440")));
    }
}
