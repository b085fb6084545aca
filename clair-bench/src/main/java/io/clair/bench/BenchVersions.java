package io.clair.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Real version strings for the benchmarks, read from the shared test data ({@code ../shared/testdata}). */
final class BenchVersions {
    private BenchVersions() {
    }

    /** {@code shared/testdata}: the {@code clair.testdata} property, else found walking up from the working directory. */
    static Path testdata() {
        String prop = System.getProperty("clair.testdata");
        if (prop != null) {
            return Path.of(prop);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve("../shared/testdata").normalize();
            if (Files.isDirectory(p)) {
                return p;
            }
            if (Files.isDirectory(dir.resolve("shared/testdata"))) {
                return dir.resolve("shared/testdata");
            }
        }
        throw new IllegalStateException("bench: cannot find shared/testdata; pass -Dclair.testdata=DIR");
    }

    /** Real versions for a scheme. */
    static List<String> forScheme(String scheme) {
        Path td = testdata();
        Set<String> out = new LinkedHashSet<>();
        switch (scheme) {
            case "dpkg":
                for (String f : List.of("debian/bookworm-minbase/status", "debian/trixie-minbase/status", "debian/dpkg-status/valid")) {
                    lines(td.resolve(f)).stream().filter(l -> l.startsWith("Version: ")).forEach(l -> out.add(l.substring(9)));
                }
                break;
            case "rpm":
                try (Stream<Path> s = Files.walk(td.resolve("rpm"))) {
                    s.filter(p -> p.toString().endsWith(".tsv")).sorted().forEach(p -> lines(p).forEach(l -> {
                        String[] f = l.split("\t");
                        if (f.length >= 4) {
                            out.add((f[1].equals("0") ? "" : f[1] + ":") + f[2] + "-" + f[3]);
                        }
                    }));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                break;
            case "apk":
                Pattern nv = Pattern.compile("^.+?-(\\d[^-]*-r\\d+)$");
                lines(td.resolve("alpine/alpine-minirootfs-3.20.3-x86_64.apk-info-v.txt")).forEach(l -> {
                    Matcher m = nv.matcher(l.strip());
                    if (m.matches()) {
                        out.add(m.group(1));
                    }
                });
                lines(td.resolve("versions/apk/cases.tsv")).forEach(l -> out.add(l.split("\t")[0]));
                break;
            case "maven":
            case "semver":
                lines(td.resolve("versions/" + scheme + "/cases.tsv")).forEach(l -> {
                    String[] f = l.split("\t");
                    out.add(f[0]);
                    out.add(f[2]);
                });
                if (scheme.equals("semver")) {
                    osvVersions(td.resolve("osv/Go-all.zip")).forEach(v -> out.add(v.startsWith("v") ? v.substring(1) : v));
                }
                break;
            case "go":
                osvVersions(td.resolve("osv/Go-all.zip")).forEach(v -> out.add(v.startsWith("v") ? v : "v" + v));
                break;
            case "pep440":
            case "gem":
                out.addAll(osvVersions(td.resolve("osv/PyPI-all.zip")));
                break;
            default:
                throw new IllegalArgumentException("bench: no versions for " + scheme);
        }
        return new ArrayList<>(out);
    }

    /** Values of {@code versions} arrays and range events in an OSV zip, found by a plain text scan. */
    private static List<String> osvVersions(Path zip) {
        Pattern event = Pattern.compile("\"(?:introduced|fixed|last_affected)\"\\s*:\\s*\"([^\"]+)\"");
        List<String> out = new ArrayList<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : z.stream().toList()) {
                String text = new String(z.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
                Matcher m = event.matcher(text);
                while (m.find()) {
                    if (!m.group(1).equals("0")) {
                        out.add(m.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static List<String> lines(Path p) {
        try {
            return Files.readAllLines(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
