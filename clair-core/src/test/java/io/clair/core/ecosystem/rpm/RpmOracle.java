package io.clair.core.ecosystem.rpm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.clair.core.index.Package;
import io.clair.core.index.PackageKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The rpm oracle: the shared expected lists ({@code rpm-qa.tsv}, columns name, epoch, version, release, arch,
 * sourcerpm) and live runs of the installed {@code rpm} (4.18: backends sqlite and bdb_ro) on the same databases.
 */
final class RpmOracle {
    /** The columns of the shared TSVs, plus the modularity label as the 7th column for live runs. */
    static final String QUERY_FORMAT =
            "%{NAME}\\t%{EPOCHNUM}\\t%{VERSION}\\t%{RELEASE}\\t%{ARCH}\\t%{SOURCERPM}\\t%{MODULARITYLABEL}\\n";
    static final Path GO_RPMDB_TESTDATA = Path.of("/usr/share/gocode/src/github.com/knqyf263/go-rpmdb/pkg/testdata");

    private RpmOracle() {
    }

    /** One line of {@code rpm -qa}: six columns as in the TSVs, and the modularity label ({@code (none)}) or null. */
    record Row(String name, String epoch, String version, String release, String arch, String sourceRpm, String label) {
        /** The row without its label, for comparisons with the label-less TSVs. */
        Row nevra() {
            return new Row(name, epoch, version, release, arch, sourceRpm, null);
        }

        @Override
        public String toString() {
            return String.join("\t", name, epoch, version, release, arch, sourceRpm) + (label == null ? "" : "\t" + label);
        }
    }

    /** The rows of a shared expected list. */
    static List<Row> tsv(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), 6);
    }

    /** A live {@code rpm -qa} with {@code backend} ({@code bdb_ro} or {@code sqlite}) on the database in {@code dir}. */
    static List<Row> rpmQa(Path dir, String backend) throws IOException, InterruptedException {
        String out = run(List.of("rpm", "--dbpath", dir.toAbsolutePath().toString(), "--define", "_db_backend " + backend,
                "-qa", "--qf", QUERY_FORMAT));
        return parse(out, 7);
    }

    /** Runs an rpm tool, failing the test with what to install when it is missing. */
    static String run(List<String> command) throws IOException, InterruptedException {
        Path err = Files.createTempFile("rpm-oracle", ".stderr");
        try {
            Process p;
            try {
                p = new ProcessBuilder(command).redirectError(err.toFile()).start();
            } catch (IOException e) {
                return fail("rpm oracle: cannot run " + command.get(0) + " (" + e.getMessage()
                        + "); install the Debian package 'rpm' (CI installs it)");
            }
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("%s finished", command).isTrue();
            String stderr = Files.readString(err);
            assertThat(p.exitValue()).as("exit status of %s; stderr: %s", command, stderr).isZero();
            // rpm exits 0 after some errors (a bad --qf, for one): its stderr may only warn
            assertThat(stderr).as("stderr of %s", command).doesNotContain("error:");
            return out;
        } finally {
            Files.deleteIfExists(err);
        }
    }

    /** The directory of one of the ten CentOS databases Debian's go-rpmdb package ships. */
    static Path centosDir(String name) {
        Path dir = GO_RPMDB_TESTDATA.resolve(name);
        if (!Files.isRegularFile(dir.resolve("Packages"))) {
            fail("rpm oracle: " + dir.resolve("Packages") + " is missing; install the Debian package"
                    + " golang-github-knqyf263-go-rpmdb-dev (CI installs it)");
        }
        return dir;
    }

    /**
     * A scanned package as {@code rpm -qa} would print it: the version split back into epoch, version and release,
     * the source package joined back into its file name (rpm's {@code (none)} when there is none).
     */
    static Row row(Package p) {
        String evr = p.version();
        int colon = evr.indexOf(':');
        String epoch = colon < 0 ? "0" : evr.substring(0, colon);
        String vr = evr.substring(colon + 1);
        int dash = vr.lastIndexOf('-'); // rpm forbids '-' in version and release
        String src = p.source() == null ? "(none)" : p.source().name() + "-" + p.source().version() + ".src.rpm";
        return new Row(p.name(), epoch, vr.substring(0, dash), vr.substring(dash + 1),
                p.arch().isEmpty() ? "(none)" : p.arch(), src, null);
    }

    /**
     * Asserts that a scan of one database equals the oracle's list: the same NEVRA and source rpm multiset (gpg-pubkey
     * keys left out, as the scanner skips them), every package recorded as read from {@code packageDb}, source
     * versions of the form {@code version-release}, and, where the oracle has modularity labels, each module the
     * label's {@code name:stream}.
     */
    static void assertScanMatches(List<Package> scanned, List<Row> oracle, String packageDb) {
        List<Row> want = oracle.stream().filter(r -> !r.name().equals("gpg-pubkey")).map(Row::nevra).sorted(ORDER)
                .toList();
        List<Row> got = scanned.stream().map(RpmOracle::row).sorted(ORDER).toList();
        assertThat(want).as("oracle has packages").isNotEmpty();
        assertThat(got).as("scanned packages vs rpm -qa").containsExactlyElementsOf(want);
        Map<Row, String> labels = new HashMap<>();
        oracle.forEach(r -> labels.put(r.nevra(), r.label()));
        for (Package p : scanned) {
            assertThat(p.packageDb()).as("packageDb of %s", p.name()).isEqualTo(packageDb);
            assertThat(p.kind()).isEqualTo(PackageKind.BINARY);
            if (p.source() != null) {
                assertThat(p.source().kind()).isEqualTo(PackageKind.SOURCE);
                assertThat(p.source().version()).as("source version of %s", p.name()).matches("[^-]+-[^-]+");
                assertThat(p.source().module()).isEqualTo(p.module());
            }
            String label = labels.get(row(p));
            if (label == null) {
                continue; // a TSV without labels
            }
            if (label.equals("(none)")) {
                assertThat(p.module()).as("module of %s", p.name()).isEmpty();
            } else {
                assertThat(p.module()).as("module of %s (label %s)", p.name(), label).matches("[^:]+:[^:]+");
                assertThat(label).as("label of %s", p.name()).startsWith(p.module() + ":");
            }
        }
    }

    private static final Comparator<Row> ORDER = Comparator.comparing(Row::toString);

    private static List<Row> parse(String text, int columns) {
        List<Row> rows = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            assertThat(f).as("columns of oracle line %s", line).hasSize(columns);
            rows.add(new Row(f[0], f[1], f[2], f[3], f[4], f[5], columns > 6 ? f[6] : null));
        }
        return rows;
    }
}
