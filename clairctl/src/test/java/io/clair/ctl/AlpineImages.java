package io.clair.ctl;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clair.api.bundle.UpdateBundle;
import io.clair.core.ecosystem.alpine.AlpineDistributions;
import io.clair.core.ecosystem.alpine.SecDbParser;
import io.clair.core.index.Package;
import io.clair.core.index.PackageKind;
import io.clair.core.testing.ExternalTool;
import io.clair.core.testing.OciLayoutBuilder;
import io.clair.core.testing.TestData;
import io.clair.core.vuln.Fingerprint;
import io.clair.core.vuln.Severity;
import io.clair.core.vuln.Vulnerability;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

/**
 * Real inputs for the CLI tests, built at test time: the Alpine 3.6.5 minirootfs as an OCI layout and as a
 * docker-archive (skopeo), the packages {@code apk info -v} lists for it, and an updater bundle holding Alpine's
 * real v3.6/main secdb plus one record derived from an installed package. The secdb alone yields no finding for
 * this release (every fix it lists is older than what the minirootfs ships), so the derived record moves the fix
 * of musl's real CVE-2017-15650 entry one release past the installed 1.1.16-r15 and rates it High: musl and
 * musl-utils (both built from the musl origin) are then affected.
 */
final class AlpineImages {
    static final String UPDATER = "alpine-main-v3.6-updater";
    static final String FINDING = "CVE-2017-15650";
    static final String FIXED = "1.1.16-r16";
    static final List<String> AFFECTED = List.of("musl", "musl-utils");
    static final ObjectMapper JSON = new ObjectMapper();

    private AlpineImages() {
    }

    static Path minirootfs() {
        return TestData.path("alpine/alpine-minirootfs-3.6.5-x86_64.tar.gz");
    }

    /** {@code name-version} of every package, as {@code apk info -v} printed it for the minirootfs, sorted. */
    static List<String> apkInfo() throws IOException {
        return Files.readAllLines(TestData.path("alpine/alpine-minirootfs-3.6.5-x86_64.apk-info-v.txt")).stream()
                .filter(s -> !s.isBlank()).map(String::strip).sorted().toList();
    }

    /** An OCI layout in {@code dir} with the minirootfs tagged {@code 3.6}. */
    static Path ociLayout(Path dir) throws IOException {
        OciLayoutBuilder b = new OciLayoutBuilder(dir);
        b.tag("3.6", b.image("linux", "amd64", null, List.of(minirootfs())));
        return dir;
    }

    /** {@code skopeo copy oci:<layout>:3.6 docker-archive:<file>}. */
    static Path dockerArchive(Path layout, Path file) throws IOException, InterruptedException {
        ExternalTool.run(List.of("skopeo", "--insecure-policy", "copy", "-q", "oci:" + layout + ":3.6",
                "docker-archive:" + file + ":test/alpine:3.6"));
        return file;
    }

    /** The secdb records and the derived musl record, as the alpine updater would produce them. */
    static List<Vulnerability> vulnerabilities() throws IOException {
        List<Vulnerability> out;
        try (InputStream in = Files.newInputStream(TestData.path("alpine/secdb/v3.6/main.json"))) {
            out = new ArrayList<>(new SecDbParser(UPDATER, AlpineDistributions.release("v3.6")).parse(in));
        }
        Vulnerability real = out.stream().filter(v -> v.name().equals(FINDING) && v.pkg().name().equals("musl"))
                .findFirst().orElseThrow(() -> new IllegalStateException("secdb v3.6/main lost musl " + FINDING));
        out.add(new Vulnerability("", real.updater(), real.name(), "test record: the secdb's musl " + FINDING
                + " entry with its fix moved past the installed 1.1.16-r15", null, real.links(), "High",
                Severity.High, Package.builder("musl", "").kind(PackageKind.SOURCE).build(), real.distribution(),
                null, FIXED, null, null, false));
        return out;
    }

    /** Writes the bundle ({@code .gz} names are gzip-compressed). */
    static Path bundle(Path file) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
             OutputStream o = file.toString().endsWith(".gz") ? new GZIPOutputStream(raw) : raw;
             Writer w = new OutputStreamWriter(o, StandardCharsets.UTF_8)) {
            UpdateBundle.write(w, new UpdateBundle.Operation(UPDATER, new Fingerprint("test-secdb-v3.6"),
                    Instant.parse("2025-06-01T00:00:00Z"), UUID.fromString("6b1b4c1e-2f5a-4c59-9d1e-3a0d0c0c0001"),
                    vulnerabilities()));
        }
        return file;
    }
}
