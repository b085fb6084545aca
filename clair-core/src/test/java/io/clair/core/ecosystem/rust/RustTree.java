package io.clair.core.ecosystem.rust;

import io.clair.core.osrelease.RootfsFixtures;
import io.clair.core.testing.TestCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Real Rust inputs, cached under {@code ${java.io.tmpdir}/clair-testcache/lang-rust}: the
 * {@code Cargo.lock} files Debian's {@code rust-src} package ships (fetched with {@code apt-get download}), and an
 * executable built by cargo, into which the dependency list of rustfmt's real Cargo.lock is embedded as section
 * {@code .dep-v0} in {@code cargo auditable}'s format (zlib-compressed JSON) with objcopy, because cargo-auditable
 * itself cannot be installed here (crates.io is not reachable and Debian does not package it).
 */
public final class RustTree {
    static final String AUDITED = "usr/local/bin/hello-audited";
    static final String RUSTFMT_LOCK = "usr/src/rustc-1.63.0/src/tools/rustfmt/Cargo.lock";
    /** Writes cargo-auditable's JSON for argv[1] (a Cargo.lock) to argv[2], zlib-compressed. */
    private static final String TO_AUDIT_JSON = "import json, sys, tomllib, zlib\n"
            + "pkgs = tomllib.load(open(sys.argv[1], 'rb'))['package']\n"
            + "index = {(p['name'], p['version']): i for i, p in enumerate(pkgs)}\n"
            + "def src(p):\n"
            + "    s = p.get('source', '')\n"
            + "    return 'crates.io' if 'crates.io-index' in s or 'index.crates.io' in s else "
            + "('git' if s.startswith('git+') else ('local' if not s else 'registry'))\n"
            + "def deps(p):\n"
            + "    out = []\n"
            + "    for d in p.get('dependencies', []):\n"
            + "        f = d.split(' ')\n"
            + "        out.append(index[(f[0], f[1])] if len(f) > 1 else "
            + "next(i for (n, v), i in index.items() if n == f[0]))\n"
            + "    return sorted(out)\n"
            + "doc = {'packages': [dict({'name': p['name'], 'version': p['version'], 'source': src(p)},"
            + " **({'dependencies': deps(p)} if p.get('dependencies') else {})) for p in pkgs]}\n"
            + "doc['packages'][0]['root'] = True\n"
            + "open(sys.argv[2], 'wb').write(zlib.compress(json.dumps(doc).encode()))\n";

    private RustTree() {
    }

    public static Path get() {
        return TestCache.get("lang-rust", AUDITED, building -> {
            Path work = Files.createDirectories(building.resolve("../lang-rust.work").normalize());
            RootfsFixtures.deleteTree(work);
            Files.createDirectories(work);
            RootfsFixtures.run(List.of("sh", "-c", "cd '" + work + "' && apt-get download -q rust-src"));
            RootfsFixtures.run(List.of("sh", "-c", "mkdir -p '" + building + "' && dpkg-deb --fsys-tarfile '" + work
                    + "'/rust-src_*.deb | tar -x -C '" + building + "' --wildcards '*Cargo.lock'"));
            // a real executable, built offline by cargo from a crate without dependencies
            RootfsFixtures.write(work, "hello/Cargo.toml", "[package]\nname = \"hello\"\nversion = \"0.1.0\"\n"
                    + "edition = \"2021\"\n");
            RootfsFixtures.write(work, "hello/src/main.rs", "fn main() { println!(\"hello\"); }\n");
            RootfsFixtures.run(List.of(cargo(), "build", "--offline", "--quiet", "--manifest-path",
                    work.resolve("hello/Cargo.toml").toString(), "--target-dir", work.resolve("target").toString()));
            Path json = work.resolve("dep-v0.zlib");
            RootfsFixtures.run(List.of(RootfsFixtures.tool("python3", "python3"), "-c", TO_AUDIT_JSON,
                    building.resolve(RUSTFMT_LOCK).toString(), json.toString()));
            Files.createDirectories(building.resolve(AUDITED).getParent());
            RootfsFixtures.run(List.of(RootfsFixtures.tool("objcopy", "binutils"), "--add-section",
                    ".dep-v0=" + json, "--set-section-flags", ".dep-v0=noload,readonly",
                    work.resolve("target/debug/hello").toString(), building.resolve(AUDITED).toString()));
            Files.setPosixFilePermissions(building.resolve(AUDITED),
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            RootfsFixtures.deleteTree(work);
        });
    }

    /**
     * The crates.io packages of each Cargo.lock under {@code root}, as Python's tomllib reads them: relative path to
     * {@code name version} rows; lock files without any are left out.
     */
    static Map<String, Set<String>> tomllibCratesIo(Path root) {
        String script = "import os, sys, tomllib\n"
                + "for d, _, fs in os.walk(sys.argv[1]):\n"
                + "    if 'Cargo.lock' not in fs: continue\n"
                + "    f = os.path.join(d, 'Cargo.lock')\n"
                + "    for p in tomllib.load(open(f, 'rb')).get('package', []):\n"
                + "        if p.get('source', '') in ('registry+https://github.com/rust-lang/crates.io-index',"
                + " 'sparse+https://index.crates.io/'):\n"
                + "            print(os.path.relpath(f, sys.argv[1]) + '\\t' + p['name'] + ' ' + p['version'])\n";
        Map<String, Set<String>> out = new TreeMap<>();
        RootfsFixtures.run(List.of(RootfsFixtures.tool("python3", "python3"), "-c", script, root.toString())).lines()
                .map(l -> l.split("\t")).forEach(f -> out.computeIfAbsent(f[0], k -> new TreeSet<>()).add(f[1]));
        return out;
    }

    private static String cargo() {
        Path home = Path.of(System.getProperty("user.home"), ".cargo/bin/cargo");
        return Files.isExecutable(home) ? home.toString() : RootfsFixtures.tool("cargo", "cargo");
    }
}
