package io.clair.core.ecosystem.gobin;

import io.clair.core.osrelease.RootfsFixtures;
import io.clair.core.testing.TestCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Real Go executables from Debian, cached under {@code ${java.io.tmpdir}/clair-testcache/lang-go}: bookworm's
 * {@code skopeo} and {@code umoci} (Go 1.19, inline build information) taken from this machine, and bullseye's
 * {@code umoci} (Go 1.15, the older pointer format) fetched with apt from the Debian mirror using a private package
 * list that never touches the system's apt configuration.
 */
public final class GoTree {

    private GoTree() {
    }

    public static Path get() {
        return TestCache.get("lang-go", "opt/bullseye", building -> {
            for (String exe : List.of("skopeo", "umoci")) {
                executable(RootfsFixtures.copy(Path.of(RootfsFixtures.tool(exe, exe)), building, "usr/bin/" + exe));
            }
            Path apt = Files.createDirectories(building.resolve("apt"));
            Files.createDirectories(apt.resolve("lists/partial"));
            Files.createDirectories(apt.resolve("cache/archives/partial"));
            String mirror = RootfsFixtures.run(List.of("sed", "-n", "s/^URIs: //p",
                    "/etc/apt/sources.list.d/debian.sources")).lines().findFirst().orElse("http://deb.debian.org/debian");
            RootfsFixtures.write(apt, "sources.list", "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] "
                    + mirror + " bullseye main\n");
            List<String> aptGet = new ArrayList<>(List.of(RootfsFixtures.tool("apt-get", "apt"),
                    "-o", "Dir::Etc::SourceList=" + apt.resolve("sources.list"), "-o", "Dir::Etc::SourceParts=/dev/null",
                    "-o", "Dir::State::Lists=" + apt.resolve("lists"), "-o", "Dir::Cache=" + apt.resolve("cache"),
                    "-o", "Dir::State::status=/dev/null", "-o", "APT::Sandbox::User=root", "-q"));
            List<String> update = new ArrayList<>(aptGet);
            update.add("update");
            RootfsFixtures.run(update);
            List<String> download = new ArrayList<>(List.of("sh", "-c", "cd '" + apt + "' && \"$0\" \"$@\""));
            download.addAll(aptGet);
            download.add("download");
            download.add("umoci");
            RootfsFixtures.run(download);
            Path deb;
            try (Stream<Path> s = Files.list(apt)) {
                deb = s.filter(p -> p.toString().endsWith(".deb")).findFirst().orElseThrow();
            }
            Path x = apt.resolve("x");
            RootfsFixtures.run(List.of(RootfsFixtures.tool("dpkg-deb", "dpkg"), "-x", deb.toString(), x.toString()));
            executable(RootfsFixtures.copy(x.resolve("usr/bin/umoci"), building, "opt/bullseye/umoci"));
            RootfsFixtures.deleteTree(apt);
        });
    }

    static Path executable(Path file) throws IOException {
        return Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** {@code go}, installing Debian's golang-go when it is missing; fails saying so when that cannot work. */
    static String goTool() {
        for (String p : List.of("/usr/bin/go", "/usr/lib/go/bin/go", "/usr/local/go/bin/go")) {
            if (Files.isExecutable(Path.of(p))) {
                return p;
            }
        }
        RootfsFixtures.Result r = RootfsFixtures.tryRun(List.of("apt-get", "install", "-y", "-q",
                "--no-install-recommends", "golang-go"));
        if (r.exit() != 0 || !Files.isExecutable(Path.of("/usr/bin/go"))) {
            throw new AssertionError("'go' is not installed and apt-get could not install it (exit " + r.exit()
                    + "); this test compares with `go version -m`. Install it with: apt-get install golang-go\n"
                    + r.stderr());
        }
        return "/usr/bin/go";
    }
}
