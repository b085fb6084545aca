package io.clair.core.ecosystem.java;

import io.clair.core.index.Repository;
import io.clair.core.linux.LinuxCoalescer;
import io.clair.core.match.Matcher;
import io.clair.core.match.RepositoryMatcher;
import io.clair.core.plugin.ClairPlugin;
import io.clair.core.version.VersionScheme;
import io.clair.core.plugin.PluginContext;
import io.clair.core.scan.Ecosystem;
import java.util.List;

/** Java archives and what they embed, in claircore's {@code maven} repository. */
public final class JavaPlugin implements ClairPlugin {
    /** claircore's repository for Java artifacts; the java-maven matcher selects on its name. */
    public static final Repository REPOSITORY = Repository.named("maven", "https://repo1.maven.apache.org/maven2");

    @Override
    public String name() {
        return "java";
    }

    @Override
    public List<Ecosystem> ecosystems(PluginContext ctx) {
        return List.of(new Ecosystem("java", List.of(new JavaArchiveScanner()), List.of(), List.of(),
                LinuxCoalescer.language(REPOSITORY)));
    }

    @Override
    public List<Matcher> matchers(PluginContext ctx) {
        return List.of(new RepositoryMatcher("java-maven", "maven", VersionScheme.of("maven")));
    }
}
