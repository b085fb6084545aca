package io.clair.core.ecosystem.rust;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import io.clair.core.index.Package;
import io.clair.core.index.PackageKind;
import java.util.Set;

/**
 * What the Rust scanners share: which sources are crates.io (only its crates have RustSec/OSV advisories; workspace
 * members, path and git dependencies and other registries are not reported) and the shape of a crate package.
 */
final class RustCrates {
    /** How Cargo.lock names crates.io: the git index, and the sparse index since Cargo 1.68. */
    static final Set<String> CRATES_IO_SOURCES = Set.of("registry+https://github.com/rust-lang/crates.io-index",
            "sparse+https://index.crates.io/");

    private RustCrates() {
    }

    /** A crate found in {@code file}, recorded with packageDb {@code cargo:} plus the file's path. */
    static Package crate(String name, String version, String file) {
        String purl;
        try {
            purl = new PackageURL("cargo", null, name, version, null, null).canonicalize();
        } catch (MalformedPackageURLException e) {
            purl = "";
        }
        return Package.builder(name, version).kind(PackageKind.BINARY).packageDb("cargo:" + file).filepath(file)
                .purl(purl).build();
    }
}
