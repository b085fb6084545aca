package io.clair.core.ecosystem.dpkg;

import io.clair.core.index.Package;
import io.clair.core.index.PackageKind;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns dpkg stanzas into {@link Package}s the way {@code dpkg-query} reports them. */
final class DpkgPackages {
    private static final Logger LOG = LoggerFactory.getLogger(DpkgPackages.class);
    /** {@code Source: name} or {@code Source: name (version)}, the latter when source and binary versions differ. */
    private static final Pattern SOURCE = Pattern.compile("^(\\S+)(?:\\s+\\((.+)\\))?$");

    /** Output order: by name, then version, then architecture (a name can be installed for several). */
    static final Comparator<Package> ORDER = Comparator.comparing(Package::name).thenComparing(Package::version)
            .thenComparing(Package::arch);

    private DpkgPackages() {
    }

    /**
     * True when the stanza's {@code Status} says the package is installed and healthy: flag {@code ok} and state
     * {@code installed}, whatever is wanted of it, as claircore decides ({@code half-installed},
     * {@code config-files}, {@code unpacked}, {@code triggers-pending}, {@code reinstreq}, ... are not).
     */
    static boolean isInstalled(DpkgStanza s) {
        String[] words = s.get("Status").strip().split("\\s+");
        return words.length == 3 && words[1].equals("ok") && words[2].equals("installed");
    }

    /**
     * The binary package a stanza describes, with its source package attached; empty (and logged) when the stanza
     * lacks a name or version, which dpkg would refuse and vcpkg's "Feature" stanzas do.
     *
     * <p>The source comes from {@code Source: name (version)}; the version defaults to the binary's and the name
     * to the binary's, as dpkg-query's {@code ${source:Package}} and {@code ${source:Version}} do.
     */
    static Optional<Package> toPackage(DpkgStanza s, String packageDb) {
        String name = s.get("Package");
        String version = s.get("Version");
        if (name.isEmpty() || version.isEmpty()) {
            LOG.atDebug().addKeyValue("database", packageDb).addKeyValue("line", s.line()).addKeyValue("package", name)
                    .log("dpkg: skipping a stanza without Package or Version");
            return Optional.empty();
        }
        String sourceName = name;
        String sourceVersion = version;
        String source = s.get("Source");
        if (!source.isEmpty()) {
            Matcher m = SOURCE.matcher(source);
            if (m.matches()) {
                sourceName = m.group(1);
                sourceVersion = m.group(2) == null ? version : m.group(2).strip();
            } else {
                LOG.atDebug().addKeyValue("database", packageDb).addKeyValue("source", source)
                        .log("dpkg: unreadable Source field, assuming the binary is its own source");
            }
        }
        Package src = Package.builder(sourceName, sourceVersion).kind(PackageKind.SOURCE).packageDb(packageDb).build();
        return Optional.of(Package.builder(name, version).kind(PackageKind.BINARY).source(src)
                .arch(s.get("Architecture")).packageDb(packageDb).build());
    }
}
