package io.clair.core.ecosystem.dpkg;

import io.clair.core.index.Package;
import io.clair.core.osrelease.RootfsFixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The oracle for dpkg tests: {@code dpkg-query} run on a database directory, or its saved output, reduced to the
 * installed packages as {@code name, version, source name, source version, architecture} rows, sorted. The same
 * rows are produced from scanned packages for comparison.
 */
final class DpkgQuery {
    /** The columns the shared {@code dpkg-query.tsv} files were made with, plus the status abbreviation. */
    static final String FORMAT = "${Package}\\t${Version}\\t${source:Package}\\t${source:Version}\\t${Architecture}"
            + "\\t${db:Status-Abbrev}\\n";

    private DpkgQuery() {
    }

    /** Runs {@code dpkg-query --admindir=ADMINDIR -W} and returns the installed rows. */
    static List<String> installed(Path admindir) {
        String out = RootfsFixtures.run(List.of(RootfsFixtures.tool("dpkg-query", "dpkg"),
                "--admindir=" + admindir, "-W", "-f", FORMAT.replace("\\t", "\t").replace("\\n", "\n")));
        return installedRows(out);
    }

    /** True when dpkg-query refuses the database in {@code admindir}. */
    static boolean rejects(Path admindir) {
        return RootfsFixtures.tryRun(List.of(RootfsFixtures.tool("dpkg-query", "dpkg"), "--admindir=" + admindir,
                "-W")).exit() != 0;
    }

    /**
     * Installed rows of dpkg-query output in {@link #FORMAT}: the status abbreviation's second letter is {@code i}
     * (installed) and its third a blank (no reinstall required), which is claircore's "ok installed".
     */
    static List<String> installedRows(String tsv) {
        return tsv.lines().map(l -> l.split("\t", -1))
                .filter(c -> c.length == 6 && c[5].length() == 3 && c[5].charAt(1) == 'i' && c[5].charAt(2) == ' ')
                .map(c -> String.join("\t", c[0], c[1], c[2], c[3], c[4])).sorted().toList();
    }

    /** The same rows from scanned packages. */
    static List<String> rows(List<Package> packages) {
        return packages.stream().map(p -> String.join("\t", p.name(), p.version(), p.source().name(),
                p.source().version(), p.arch())).sorted().toList();
    }

    /** {@code text} split into stanzas on blank lines. */
    static List<String> stanzas(String text) {
        return Stream.of(text.split("\n\n+")).filter(s -> !s.isBlank()).toList();
    }
}
