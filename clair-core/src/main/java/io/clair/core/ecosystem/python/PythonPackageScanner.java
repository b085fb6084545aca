package io.clair.core.ecosystem.python;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import io.clair.core.index.Package;
import io.clair.core.index.PackageKind;
import io.clair.core.layer.Layer;
import io.clair.core.layer.LayerEntry;
import io.clair.core.scan.PackageScanner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds installed Python distributions as claircore's {@code python} scanner (version 5) does, from their core
 * metadata: wheels' {@code *.dist-info/METADATA}, eggs' {@code *.egg-info/PKG-INFO}, distutils'
 * {@code *.egg-info} files and unpacked {@code *.egg/EGG-INFO/PKG-INFO}.
 *
 * <p>Like claircore it leaves out what the distribution's package manager installed, which the distribution's own
 * advisories cover: in a layer holding a dpkg status file, everything under {@code usr/lib*}{@code /python2} or
 * {@code /python3} (Debian's {@code dist-packages}); in a layer holding an rpm database, everything under
 * {@code usr/lib*}{@code /python[23].*}; and any wheel whose {@code INSTALLER} is {@code rpm}, {@code dpkg} or
 * {@code apk}. claircore also asks the rpm database which files it owns; that lookup is not done here.
 *
 * <p>Names are normalized per PEP 503; versions are kept as written (normalized PEP 440 forms are left to the
 * version scheme). Each package's {@link Package#packageDb()} is {@code python:} plus its metadata file, which is
 * also its {@link Package#filepath()}. A file without a name or version is skipped with a warning.
 */
public final class PythonPackageScanner implements PackageScanner {
    private static final Logger LOG = LoggerFactory.getLogger(PythonPackageScanner.class);
    private static final Pattern METADATA = Pattern.compile(
            ".*(\\.dist-info/METADATA|\\.egg-info/PKG-INFO|\\.egg-info|\\.egg/EGG-INFO/PKG-INFO)");
    private static final Pattern DPKG_MANAGED = Pattern.compile("usr/lib[^/]*/python[23]/.*");
    private static final Pattern RPM_MANAGED = Pattern.compile("usr/lib[^/]*/python[23]\\.[^/]*/.*");
    private static final List<String> RPM_DATABASES = List.of("var/lib/rpm/Packages", "var/lib/rpm/rpmdb.sqlite",
            "var/lib/rpm/Packages.db");
    private static final Set<String> SYSTEM_INSTALLERS = Set.of("rpm", "dpkg", "apk");

    @Override
    public String name() {
        return "python";
    }

    @Override
    public String version() {
        return "5";
    }

    @Override
    public List<Package> scan(Layer layer) throws IOException {
        boolean dpkg = isFile(layer, "var/lib/dpkg/status");
        boolean rpm = RPM_DATABASES.stream().anyMatch(p -> isFile(layer, p));
        List<String> files = layer.entries().filter(LayerEntry::isFile).map(LayerEntry::path)
                .filter(p -> METADATA.matcher(p).matches())
                .filter(p -> !(dpkg && DPKG_MANAGED.matcher(p).matches()))
                .filter(p -> !(rpm && RPM_MANAGED.matcher(p).matches()))
                .sorted().toList();
        List<Package> out = new ArrayList<>();
        for (String p : files) {
            if (p.endsWith(".dist-info/METADATA") && systemInstalled(layer, p)) {
                continue;
            }
            Optional<PythonMetadata> md;
            try (InputStream in = layer.open(p)) {
                md = PythonMetadata.read(in);
            } catch (IOException e) {
                LOG.atWarn().addKeyValue("layer", layer.digest()).addKeyValue("path", p)
                        .addKeyValue("reason", e.getMessage()).log("python: skipping unreadable metadata");
                continue;
            }
            if (md.isEmpty()) {
                LOG.atWarn().addKeyValue("layer", layer.digest()).addKeyValue("path", p)
                        .addKeyValue("reason", "no Name or Version header").log("python: skipping metadata");
                continue;
            }
            String name = md.get().normalizedName();
            String version = md.get().version();
            out.add(Package.builder(name, version).kind(PackageKind.BINARY).packageDb("python:" + p).filepath(p)
                    .purl(purl(name, version)).build());
        }
        LOG.atDebug().addKeyValue("layer", layer.digest()).addKeyValue("count", out.size())
                .addKeyValue("dpkgLayer", dpkg).addKeyValue("rpmLayer", rpm).log("python: scanned layer");
        return out;
    }

    /** Whether the wheel's {@code INSTALLER} file names a distribution package manager. */
    private static boolean systemInstalled(Layer layer, String metadata) {
        String installer = metadata.substring(0, metadata.length() - "METADATA".length()) + "INSTALLER";
        if (!isFile(layer, installer)) {
            return false;
        }
        try (InputStream in = layer.open(installer)) {
            String who = new String(in.readNBytes(256), StandardCharsets.UTF_8).trim();
            if (SYSTEM_INSTALLERS.contains(who)) {
                LOG.atDebug().addKeyValue("path", metadata).addKeyValue("installer", who)
                        .log("python: skipping package installed by the system package manager");
                return true;
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isFile(Layer layer, String path) {
        return layer.entry(path).map(LayerEntry::isFile).orElse(false);
    }

    static String purl(String name, String version) {
        try {
            return new PackageURL("pypi", null, name, version, null, null).canonicalize();
        } catch (MalformedPackageURLException e) {
            return "";
        }
    }
}
