package io.clair.bench;

import io.clair.core.ecosystem.alpine.AlpineDistributions;
import io.clair.core.ecosystem.alpine.SecDbParser;
import io.clair.core.ecosystem.debian.TrackerParser;
import io.clair.core.ecosystem.osv.OsvArchiveParser;
import io.clair.core.index.Package;
import io.clair.core.vuln.Vulnerability;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

/**
 * Vulnerability records for the store benchmarks: the real records our own parsers read from the shared test data
 * (every Alpine secdb release, the Debian tracker excerpts, the OSV PyPI archive), replicated to any count. Copy
 * {@code k} of a record is the real record with its package renamed {@code <name>-s<k>} (copy 0 keeps the real
 * name), so every copy hashes differently and lands in the store as its own row, while descriptions, versions,
 * ranges and releases stay those of the real feeds.
 */
final class VulnCorpus {
    static final Path DATA = Path.of("../shared/testdata");

    private final List<Vulnerability> base;

    private VulnCorpus(List<Vulnerability> base) {
        this.base = List.copyOf(base);
    }

    static VulnCorpus load() throws IOException {
        if (!Files.isDirectory(DATA)) {
            throw new IOException("bench: " + DATA.toAbsolutePath() + " is missing");
        }
        List<Vulnerability> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(DATA.resolve("alpine/secdb"))) {
            for (Path dir : dirs.sorted().toList()) {
                String release = dir.getFileName().toString();
                for (String repo : List.of("main", "community")) {
                    Path f = dir.resolve(repo + ".json");
                    if (!Files.exists(f)) {
                        continue;
                    }
                    try (InputStream in = Files.newInputStream(f)) {
                        out.addAll(new SecDbParser("alpine-" + repo + "-" + release + "-updater",
                                AlpineDistributions.release(release)).parse(in));
                    }
                }
            }
        }
        for (String f : List.of("debian.json", "fetcher_debian_test.json")) {
            try (InputStream in = Files.newInputStream(DATA.resolve("debian/tracker/" + f))) {
                out.addAll(new TrackerParser("debian/updater").parse(in));
            }
        }
        try (InputStream in = Files.newInputStream(DATA.resolve("osv/PyPI-all.zip"))) {
            out.addAll(new OsvArchiveParser("osv/pypi", "PyPI", Clock.systemUTC()).parse(in));
        }
        return new VulnCorpus(out.stream().filter(v -> v.pkg() != null && !v.pkg().name().isEmpty()).toList());
    }

    /** The real records, copy 0. */
    List<Vulnerability> base() {
        return base;
    }

    /** The synthetic package name of copy {@code k} of a record for package {@code name}. */
    static String copyName(String name, int k) {
        return k == 0 ? name : name + "-s" + k;
    }

    /** Copy {@code k} of record {@code v}. */
    static Vulnerability copy(Vulnerability v, int k) {
        if (k == 0) {
            return v;
        }
        return new Vulnerability(v.id(), v.updater(), v.name(), v.description(), v.issued(), v.links(),
                v.severity(), v.normalizedSeverity(), renamed(v.pkg(), copyName(v.pkg().name(), k)),
                v.distribution(), v.repository(), v.fixedInVersion(), v.range(), v.archOp(), v.notVulnerable());
    }

    static Package renamed(Package p, String name) {
        return Package.builder(name, p.version()).id(p.id()).kind(p.kind()).source(p.source())
                .normalizedVersion(p.normalizedVersion()).module(p.module()).arch(p.arch()).cpe(p.cpe())
                .packageDb(p.packageDb()).filepath(p.filepath()).repositoryHint(p.repositoryHint()).purl(p.purl())
                .build();
    }

    /**
     * {@code count} records made on the fly as they are iterated: record {@code i} is copy {@code i / base} of real
     * record {@code i % base}, so that every prefix mixes all feeds. Nothing is kept, so any count fits in memory.
     */
    Collection replicated(long count) {
        return new Collection(count);
    }

    /** A lazily generated collection; iterable any number of times, always with the same records. */
    final class Collection extends AbstractCollection<Vulnerability> {
        private final long count;

        private Collection(long count) {
            this.count = count;
        }

        @Override
        public int size() {
            return (int) Math.min(Integer.MAX_VALUE, count);
        }

        @Override
        public Iterator<Vulnerability> iterator() {
            return new Iterator<>() {
                private long i;

                @Override
                public boolean hasNext() {
                    return i < count;
                }

                @Override
                public Vulnerability next() {
                    if (i >= count) {
                        throw new NoSuchElementException();
                    }
                    int b = (int) (i % base.size());
                    int k = (int) (i / base.size());
                    i++;
                    return copy(base.get(b), k);
                }
            };
        }
    }
}
