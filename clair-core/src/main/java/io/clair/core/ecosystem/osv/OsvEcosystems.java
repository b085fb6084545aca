package io.clair.core.ecosystem.osv;

import io.clair.core.index.Repository;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How OSV ecosystems map onto Clair: the repository a record belongs to (the matchers select on its name, so these
 * must equal what the package scanners report, as in claircore), and the spelling of package names.
 */
final class OsvEcosystems {

    /** The ecosystems fetched by default: the language ecosystems Clair has scanners and matchers for. */
    static final List<String> DEFAULT_ALLOWLIST = List.of("PyPI", "Go", "npm", "Maven", "crates.io", "RubyGems");

    /**
     * Ecosystems claircore throws away: distributions with a dedicated updater (or no container use), the kernel,
     * and sources that only record git revisions. Lowercase.
     */
    static final Set<String> IGNORED = Set.of("almalinux", "alpine", "android", "chainguard", "debian",
            "github actions", "linux", "opensuse", "oss-fuzz", "red hat", "rocky linux", "suse", "ubuntu", "wolfi");

    private static final Map<String, String> URI_BY_REPOSITORY = Map.of(
            "crates.io", "https://crates.io/",
            "go", "https://pkg.go.dev/",
            "npm", "https://www.npmjs.com/",
            "nuget", "https://www.nuget.org/packages/",
            "packagist", "https://packagist.org/",
            "pypi", "https://pypi.org/",
            "rubygems", "https://rubygems.org/gems/",
            "maven", "https://maven.apache.org/repository/");

    /**
     * osv.dev's spelling of ecosystems, by lowercase name. The export paths are case-sensitive, while Clair
     * configurations write the allowlist in lowercase (claircore compares it lowercased), so both must work.
     */
    private static final Map<String, String> SPELLING = Map.ofEntries(
            Map.entry("pypi", "PyPI"), Map.entry("go", "Go"), Map.entry("npm", "npm"), Map.entry("maven", "Maven"),
            Map.entry("crates.io", "crates.io"), Map.entry("rubygems", "RubyGems"), Map.entry("nuget", "NuGet"),
            Map.entry("packagist", "Packagist"), Map.entry("pub", "Pub"), Map.entry("hex", "Hex"),
            Map.entry("hackage", "Hackage"), Map.entry("cran", "CRAN"), Map.entry("swifturl", "SwiftURL"),
            Map.entry("bitnami", "Bitnami"));

    private OsvEcosystems() {
    }

    /** The ecosystem as osv.dev spells it ({@code pypi} gives {@code PyPI}); unknown names are kept as given. */
    static String canonical(String ecosystem) {
        String b = base(ecosystem);
        return SPELLING.getOrDefault(b.toLowerCase(Locale.ROOT), b);
    }

    /** The ecosystem without a release suffix: {@code Debian:11} is {@code Debian}. */
    static String base(String ecosystem) {
        int colon = ecosystem.indexOf(':');
        return (colon < 0 ? ecosystem : ecosystem.substring(0, colon)).trim();
    }

    /** Repository names are the lowercase ecosystem: {@code pypi}, {@code go}, {@code maven}, {@code crates.io}. */
    static String repositoryName(String ecosystem) {
        return base(ecosystem).toLowerCase(Locale.ROOT);
    }

    static Repository repository(String ecosystem) {
        String name = repositoryName(ecosystem);
        return Repository.named(name, URI_BY_REPOSITORY.getOrDefault(name, ""));
    }

    /**
     * The package name as Clair's scanners report it. PyPI names are normalized per PEP 503 (runs of {@code -_.}
     * become one {@code -}, lowercase), because pip treats {@code PyYAML}, {@code pyyaml} and {@code py_yaml} alike;
     * every other ecosystem's names are already canonical.
     */
    static String packageName(String ecosystem, String name) {
        String n = name.trim();
        if (repositoryName(ecosystem).equals("pypi")) {
            return n.replaceAll("[-_.]+", "-").toLowerCase(Locale.ROOT);
        }
        return n;
    }
}
