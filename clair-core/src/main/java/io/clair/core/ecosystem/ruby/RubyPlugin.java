package io.clair.core.ecosystem.ruby;

import io.clair.core.index.Repository;
import io.clair.core.linux.LinuxCoalescer;
import io.clair.core.match.Matcher;
import io.clair.core.match.RepositoryMatcher;
import io.clair.core.plugin.ClairPlugin;
import io.clair.core.version.VersionScheme;
import io.clair.core.plugin.PluginContext;
import io.clair.core.scan.Ecosystem;
import java.util.List;

/** Installed Ruby gems, in claircore's {@code rubygems} repository. */
public final class RubyPlugin implements ClairPlugin {
    /** claircore's repository for gems; the ruby-gem matcher selects on its name. */
    public static final Repository REPOSITORY = Repository.named("rubygems", "https://rubygems.org/gems/");

    @Override
    public String name() {
        return "ruby";
    }

    @Override
    public List<Ecosystem> ecosystems(PluginContext ctx) {
        return List.of(new Ecosystem("ruby", List.of(new RubyGemScanner()), List.of(), List.of(),
                LinuxCoalescer.language(REPOSITORY)));
    }

    @Override
    public List<Matcher> matchers(PluginContext ctx) {
        return List.of(new RepositoryMatcher("ruby-gem", "rubygems", VersionScheme.of("gem")));
    }
}
