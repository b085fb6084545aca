package io.clair.core.ecosystem.java;

import io.clair.core.osrelease.RootfsFixtures;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an archive declares, read with Info-ZIP's {@code unzip} rather than java.util.zip: the {@code groupId:artifactId
 * version} of every {@code pom.properties}; for an archive without any, its manifest's {@code Bundle-SymbolicName}
 * (or {@code Implementation-Vendor-Id}) and version, else the name and version in its file name; and the same for
 * each nested archive, which is extracted with {@code unzip -p}.
 */
final class UnzipOracle {
    private UnzipOracle() {
    }

    static Set<String> declared(Path archive) {
        Set<String> out = new TreeSet<>();
        declared(archive, archive.getFileName().toString(), out);
        return out;
    }

    private static void declared(Path archive, String fileName, Set<String> out) {
        String unzip = RootfsFixtures.tool("unzip", "unzip");
        List<String> entries = RootfsFixtures.run(List.of(unzip, "-Z1", archive.toString())).lines().toList();
        List<String> own = new ArrayList<>();
        for (String e : entries) {
            if (e.equals("pom.properties") || e.endsWith("/pom.properties")) {
                Properties p = new Properties();
                try {
                    p.load(new StringReader(RootfsFixtures.run(List.of(unzip, "-p", archive.toString(), e))));
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
                own.add(p.getProperty("groupId") + ":" + p.getProperty("artifactId") + " " + p.getProperty("version"));
            }
        }
        if (own.isEmpty() && entries.contains("META-INF/MANIFEST.MF")) {
            String mf = RootfsFixtures.run(List.of(unzip, "-p", archive.toString(), "META-INF/MANIFEST.MF"))
                    .replace("\r\n", "\n").replace("\n ", "");
            String name = attribute(mf, "Bundle-SymbolicName").replaceFirst(";.*", "");
            name = name.isEmpty() ? attribute(mf, "Implementation-Vendor-Id") : name;
            String version = attribute(mf, "Bundle-Version");
            version = version.isEmpty() ? attribute(mf, "Implementation-Version") : version;
            if (!name.isEmpty() && !version.isEmpty()) {
                own.add(name + " " + version);
            }
        }
        if (own.isEmpty()) {
            // kotlin-stdlib-1.9.0.jar: the name, then the version from the last '-' followed by a digit
            String base = fileName.substring(0, fileName.lastIndexOf('.'));
            for (int i = base.length() - 2; i > 0; i--) {
                if (base.charAt(i) == '-' && Character.isDigit(base.charAt(i + 1))) {
                    own.add(base.substring(0, i) + " " + base.substring(i + 1));
                    break;
                }
            }
        }
        out.addAll(own);
        for (String e : entries) {
            if (e.matches(".*\\.(jar|war|ear|jpi|hpi)")) {
                Path nested = extract(archive, e);
                try {
                    declared(nested, e.substring(e.lastIndexOf('/') + 1), out);
                } finally {
                    nested.toFile().delete();
                }
            }
        }
    }

    private static String attribute(String manifest, String key) {
        for (String line : manifest.split("\n")) {
            if (line.isEmpty()) {
                break;
            }
            if (line.regionMatches(true, 0, key + ":", 0, key.length() + 1)) {
                return line.substring(key.length() + 1).trim();
            }
        }
        return "";
    }

    private static Path extract(Path archive, String entry) {
        try {
            Path tmp = Files.createTempFile("clair-nested-", ".jar");
            Process p = new ProcessBuilder(RootfsFixtures.tool("unzip", "unzip"), "-p", archive.toString(), entry)
                    .redirectOutput(tmp.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("unzip -p " + archive + " " + entry + " failed");
            }
            return tmp;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
