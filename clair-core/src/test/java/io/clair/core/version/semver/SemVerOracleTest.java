package io.clair.core.version.semver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clair.core.testing.TestData;
import io.clair.core.version.Differential;
import io.clair.core.version.OracleProcess;
import io.clair.core.version.VersionMutator;
import io.clair.core.version.OsvVersions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Differential test against npm's node-semver 7, installed at test time under {@code target/npm}: version comparison
 * and validity on seeded mutations of the fixture versions (semver fixtures and the Go OSV records), and range
 * satisfaction on ranges built from them, all answered by one {@code node} process.
 */
class SemVerOracleTest {
    static final long SEED = 20261130L;
    static final int PAIRS = 12_000;
    static final int RANGE_CHECKS = 12_000;

    private static final String SCRIPT = """
            const semver = require(process.argv[2]);
            const rl = require('readline').createInterface({ input: process.stdin, terminal: false });
            const out = [];
            rl.on('line', (line) => {
              const f = JSON.parse(line);
              if (f[0] === 'C') {
                let a, b;
                try { a = new semver.SemVer(f[1]); b = new semver.SemVer(f[2]); } catch (e) { out.push('invalid'); return; }
                const r = a.compare(b);
                out.push(r < 0 ? '<' : r > 0 ? '>' : '=');
              } else {
                let range;
                try { range = new semver.Range(f[1], { includePrerelease: f[3] === '1' }); } catch (e) { out.push('invalid'); return; }
                out.push(range.test(f[2]) ? 'in' : 'out');
              }
            });
            rl.on('close', () => { process.stdout.write(out.join('\\n') + '\\n'); });
            """;

    @Test
    void agreesWithNodeSemver() throws Exception {
        Path module = installSemver();
        List<String> pool = versionPool();
        VersionMutator mutator = new VersionMutator(SEED,
                List.of("-rc.1", "-alpha", "-0", "-beta.2", "+build.5", "+incompatible", "-1", ".1", "-x.y.z", "-01",
                        "-alpha..1", "+", "-", "a"),
                List.of("v", "=", " ", "V"));
        List<String[]> pairs = mutator.pairs(pool, PAIRS);
        List<String> input = new ArrayList<>();
        // one JSON array per line: fixture ranges contain tabs
        pairs.forEach(p -> input.add(json(List.of("C", p[0], p[1]))));
        List<String[]> rangeChecks = rangeChecks(pool, mutator);
        rangeChecks.forEach(r -> input.add(json(List.of("R", r[0], r[1], r[2]))));

        Path script = OracleProcess.script("semver-oracle.js", SCRIPT);
        List<String> theirs = OracleProcess.run(List.of("node", script.toString(), module.toString()), input, 600);

        Differential d = new Differential("semver", SEED);
        for (int i = 0; i < pairs.size(); i++) {
            String[] p = pairs.get(i);
            d.check(p[0], p[1], ours(p[0], p[1]), theirs.get(i));
        }
        d.assertAgreement(10_000);

        Differential r = new Differential("npm range", SEED);
        for (int i = 0; i < rangeChecks.size(); i++) {
            String[] c = rangeChecks.get(i);
            r.check("range \"" + c[0] + "\" includePrerelease=" + c[2], c[1], ourRange(c), theirs.get(pairs.size() + i));
        }
        r.assertAgreement(10_000);
    }

    private static String json(List<String> fields) {
        try {
            return new ObjectMapper().writeValueAsString(fields);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String ours(String a, String b) {
        try {
            return Differential.op(SemVer.parse(a).compareTo(SemVer.parse(b)));
        } catch (IllegalArgumentException e) {
            return "invalid";
        }
    }

    private static String ourRange(String[] c) {
        NpmRange range;
        try {
            range = NpmRange.parse(c[0], "1".equals(c[2]));
        } catch (IllegalArgumentException e) {
            return "invalid";
        }
        return range.test(c[1]) ? "in" : "out";
    }

    /** Ranges from the fixtures plus ranges made of pool versions, each tested against pool versions. */
    private static List<String[]> rangeChecks(List<String> pool, VersionMutator mutator) throws IOException {
        Random random = new Random(SEED);
        List<String> ranges = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        for (String f : List.of("range-include", "range-exclude")) {
            for (JsonNode e : mapper.readTree(TestData.path("versions/semver/" + f + ".js.json").toFile())) {
                if (e.get(0).isTextual() && e.size() == 2) {
                    ranges.add(e.get(0).asText());
                }
            }
        }
        String[] shapes = {"^%s", "~%s", ">=%s <%s", "%s - %s", ">%s || <%s", "<=%s", "=%s", "%s", "~>%s", ">= %s",
            "^%s || ^%s", "%s.x", "%s.*", "<%s >%s", "*", "x.x"};
        List<String[]> out = new ArrayList<>();
        while (out.size() < RANGE_CHECKS) {
            String range;
            if (random.nextInt(4) == 0) {
                range = ranges.get(random.nextInt(ranges.size()));
            } else {
                String shape = shapes[random.nextInt(shapes.length)];
                String a = pick(pool, random, mutator);
                String b = pick(pool, random, mutator);
                if (shape.endsWith(".x") || shape.endsWith(".*")) {
                    a = a.replaceAll("^v?(\\d+)\\.(\\d+).*$", random.nextBoolean() ? "$1" : "$1.$2");
                }
                range = String.format(shape, a, b);
            }
            String version = pick(pool, random, mutator);
            out.add(new String[] {range, version, random.nextInt(3) == 0 ? "1" : "0"});
        }
        return out;
    }

    private static String pick(List<String> pool, Random random, VersionMutator mutator) {
        String v = pool.get(random.nextInt(pool.size()));
        return random.nextInt(3) == 0 ? mutator.mutate(v) : v;
    }

    private static List<String> versionPool() throws IOException {
        Set<String> out = new LinkedHashSet<>();
        ObjectMapper mapper = new ObjectMapper();
        for (String f : List.of("comparisons", "equality", "valid-versions", "range-include", "range-exclude",
                "increments", "truncations")) {
            for (JsonNode e : mapper.readTree(TestData.path("versions/semver/" + f + ".js.json").toFile())) {
                for (JsonNode x : e) {
                    if (x.isTextual() && x.asText().matches("v?\\d+\\.\\d+\\.\\d+.*")) {
                        out.add(x.asText());
                    }
                }
            }
        }
        out.addAll(OsvVersions.go());
        return List.copyOf(out);
    }

    /** {@code npm install --prefix target/npm semver@7}, once; fails with what to install when npm is missing. */
    static Path installSemver() throws IOException, InterruptedException {
        Path prefix = Path.of("target", "npm").toAbsolutePath();
        Path module = prefix.resolve("node_modules/semver");
        if (!Files.exists(module.resolve("package.json"))) {
            OracleProcess.requireWorks(List.of("node", "--version"), "apt-get install nodejs npm");
            OracleProcess.requireWorks(List.of("npm", "--version"), "apt-get install npm");
            Files.createDirectories(prefix);
            Process p = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--prefix", prefix.toString(),
                    "semver@7").redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor(300, TimeUnit.SECONDS) && p.exitValue() == 0)
                    .as("npm install semver@7 (needs the npm registry): " + log).isTrue();
        }
        return module;
    }
}
