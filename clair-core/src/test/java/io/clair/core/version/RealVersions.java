package io.clair.core.version;

import io.clair.core.testing.TestData;
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

/** Real version strings pulled from the shared fixtures, to seed differential tests. */
public final class RealVersions {
    private RealVersions() {
    }

    /** Every {@code Version:} and {@code Source: name (version)} value of the Debian status files. */
    public static List<String> dpkg() {
        Set<String> out = new LinkedHashSet<>();
        Pattern source = Pattern.compile("^Source: \\S+ \\((.+)\\)$");
        for (String f : List.of("debian/bookworm-minbase/status", "debian/trixie-minbase/status",
                "debian/dpkg-status/valid", "debian/dpkg-status/postgresql.status", "debian/dpkg-status/vcpkg.status",
                "debian/dpkg-status/debian-only.status")) {
            for (String l : read(TestData.path(f))) {
                if (l.startsWith("Version: ")) {
                    out.add(l.substring(9).strip());
                }
                Matcher m = source.matcher(l);
                if (m.matches()) {
                    out.add(m.group(1));
                }
            }
        }
        return List.copyOf(out);
    }

    /** {@code [epoch:]version-release} of every package in the rpm oracle listings. */
    public static List<String> rpm() {
        Set<String> out = new LinkedHashSet<>();
        try (Stream<Path> files = Files.walk(TestData.path("rpm"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".tsv")).sorted().toList()) {
                for (String l : read(p)) {
                    String[] f = l.split("\t");
                    if (f.length >= 4 && !f[2].isEmpty()) {
                        String epoch = f[1].equals("0") || f[1].equals("(none)") || f[1].isEmpty() ? "" : f[1] + ":";
                        out.add(epoch + f[2] + "-" + f[3]);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(out);
    }

    /** Versions of the Alpine 3.20.3 installed packages and of the secdb fix lists. */
    public static List<String> apk() {
        Set<String> out = new LinkedHashSet<>();
        Pattern nameVersion = Pattern.compile("^.+?-(\\d[^-]*-r\\d+)$");
        for (String l : read(TestData.path("alpine/alpine-minirootfs-3.20.3-x86_64.apk-info-v.txt"))) {
            Matcher m = nameVersion.matcher(l.strip());
            if (m.matches()) {
                out.add(m.group(1));
            }
        }
        Pattern fixed = Pattern.compile("^\\s*\"([^\"]+)\": \\[$");
        try (Stream<Path> files = Files.walk(TestData.path("alpine/secdb"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                for (String l : read(p)) {
                    Matcher m = fixed.matcher(l);
                    if (m.matches() && Character.isDigit(m.group(1).charAt(0))) {
                        out.add(m.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(out);
    }

    static List<String> read(Path p) {
        try {
            return Files.readAllLines(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Up to {@code max} entries, evenly spread, so large pools stay cheap. */
    public static List<String> sample(List<String> all, int max) {
        if (all.size() <= max) {
            return all;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            out.add(all.get((int) ((long) i * all.size() / max)));
        }
        return out;
    }
}
