package io.clair.e2e;

import io.clair.core.osrelease.RootfsFixtures;
import io.clair.core.testing.Debootstrap;
import io.clair.core.testing.OciLayoutBuilder;
import io.clair.core.testing.TestData;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The real images of the end-to-end tests, built at test time as OCI layouts, and what their package managers say
 * is installed in them (run on the same trees: {@code apk info -v} in a chroot, {@code dpkg-query}).
 */
final class Images {
    private Images() {
    }

    /** An image: its OCI layout, the release its vulnerability data is for, and the package manager's listing. */
    record Built(String name, Path layout, String release, TreeSet<String> packages,
            Map<String, String[]> installed) {
    }

    /** The Alpine 3.6.5 minirootfs as a one-layer image. */
    static Built alpine365(Path work) throws Exception {
        Path tarball = TestData.path("alpine/alpine-minirootfs-3.6.5-x86_64.tar.gz");
        Path root = extract(tarball, work.resolve("alpine365-root"));
        return new Built("alpine365", layout(work.resolve("oci-alpine365"), List.of(tarball)), "v3.6",
                apkInfo(root), apkInstalled(root));
    }

    /** Alpine 3.20.3 with a second layer that removes one package: its database entry and its files. */
    static Built alpineTwoLayers(Path work, String removed) throws Exception {
        Path tarball = TestData.path("alpine/alpine-minirootfs-3.20.3-x86_64.tar.gz");
        Path root = extract(tarball, work.resolve("alpine-two-root"));
        String db = Files.readString(root.resolve("lib/apk/db/installed"));
        List<String> stanzas = new ArrayList<>(List.of(db.split("\n\n")));
        String gone = stanzas.stream().filter(s -> s.startsWith("C:") && s.contains("\nP:" + removed + "\n"))
                .findFirst().orElseThrow(() -> new IllegalStateException("e2e: no package " + removed));
        stanzas.remove(gone);
        String newDb = String.join("\n\n", stanzas) + (db.endsWith("\n") ? "" : "\n");
        List<String> files = new ArrayList<>();
        String dir = "";
        for (String line : gone.split("\n")) {
            if (line.startsWith("F:")) {
                dir = line.substring(2);
            } else if (line.startsWith("R:")) {
                files.add(dir + "/" + line.substring(2));
            }
        }
        Path layer2 = work.resolve("alpine-remove-" + removed + ".tar.gz");
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(
                Files.newOutputStream(layer2)))) {
            addFile(tar, "lib/apk/db/installed", newDb.getBytes(StandardCharsets.UTF_8));
            for (String f : files) {
                int slash = f.lastIndexOf('/');
                addFile(tar, f.substring(0, slash + 1) + ".wh." + f.substring(slash + 1), new byte[0]);
            }
        }
        // the same change on the unpacked tree, for apk's own listing of the final filesystem
        Files.writeString(root.resolve("lib/apk/db/installed"), newDb);
        for (String f : files) {
            Files.deleteIfExists(root.resolve(f));
        }
        return new Built("alpine-two", layout(work.resolve("oci-alpine-two"), List.of(tarball, layer2)), "v3.20",
                apkInfo(root), apkInstalled(root));
    }

    /** A real debootstrap bookworm tree, plus a second layer that adds a file. */
    static Built debian(Path work) throws Exception {
        Path tree = Debootstrap.bookworm();
        Path base = work.resolve("debian-base.tar.gz");
        if (!Files.exists(base)) {
            Processes.ok("tar", "--numeric-owner", "-C", tree.toString(), "-czf", base.toString(), ".");
        }
        Path motd = work.resolve("debian-motd.tar.gz");
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(Files.newOutputStream(motd)))) {
            addFile(tar, "etc/motd", "end-to-end\n".getBytes(StandardCharsets.UTF_8));
        }
        TreeSet<String> packages = new TreeSet<>();
        Map<String, String[]> installed = new LinkedHashMap<>();
        String out = Processes.ok("dpkg-query", "--admindir=" + tree.resolve("var/lib/dpkg"), "-W", "-f",
                "${Package}\\t${Version}\\t${source:Package}\\t${source:Version}\\t${db:Status-Abbrev}\\n");
        for (String line : out.split("\n")) {
            String[] f = line.split("\t");
            if (f.length == 5 && f[4].startsWith("ii")) {
                packages.add(f[0] + "-" + f[1]);
                installed.put(f[0], new String[] {f[0], f[1], f[2], f[3]});
            }
        }
        return new Built("debian", layout(work.resolve("oci-debian"), List.of(base, motd)), "bookworm", packages,
                installed);
    }

    private static Path layout(Path dir, List<Path> layers) throws IOException {
        if (!Files.exists(dir.resolve("index.json"))) {
            OciLayoutBuilder b = new OciLayoutBuilder(dir);
            b.tag("1", b.image("linux", "amd64", null, layers));
        }
        return dir;
    }

    /** A fresh copy of the tarball's tree each run: the two-layer image edits its tree, so a kept one is stale. */
    private static Path extract(Path tarball, Path dir) throws Exception {
        RootfsFixtures.deleteTree(dir);
        Files.createDirectories(dir);
        Processes.ok("tar", "-xzf", tarball.toString(), "-C", dir.toString());
        return dir;
    }

    /** apk's own listing of an unpacked Alpine tree, {@code name-version} per line. */
    private static TreeSet<String> apkInfo(Path root) throws Exception {
        TreeSet<String> out = new TreeSet<>();
        for (String l : Processes.ok("chroot", root.toString(), "/sbin/apk", "info", "-v").split("\n")) {
            if (!l.isBlank() && !l.startsWith("WARNING")) {
                out.add(l.trim());
            }
        }
        return out;
    }

    private static Map<String, String[]> apkInstalled(Path root) throws IOException {
        return apkInstalled(Files.readString(root.resolve("lib/apk/db/installed")));
    }

    /** name to {name, version, origin, origin version} from an installed database, read field by field. */
    static Map<String, String[]> apkInstalled(String db) {
        Map<String, String[]> out = new LinkedHashMap<>();
        for (String stanza : db.split("\n\n")) {
            String p = null;
            String v = null;
            String o = null;
            for (String line : stanza.split("\n")) {
                if (line.startsWith("P:")) {
                    p = line.substring(2);
                } else if (line.startsWith("V:")) {
                    v = line.substring(2);
                } else if (line.startsWith("o:")) {
                    o = line.substring(2);
                }
            }
            if (p != null && v != null) {
                out.put(p, new String[] {p, v, o == null ? p : o, v});
            }
        }
        return out;
    }

    private static void addFile(TarArchiveOutputStream tar, String path, byte[] data) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(path);
        e.setSize(data.length);
        e.setMode(0644);
        tar.putArchiveEntry(e);
        tar.write(data);
        tar.closeArchiveEntry();
    }

    static void write(Path file, byte[] data) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(data);
        }
    }
}
