package io.clair.core.ecosystem.python;

import io.clair.core.osrelease.RootfsFixtures;
import io.clair.core.testing.TestCache;
import io.clair.core.testing.Debootstrap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A real Debian bookworm root filesystem with language packages, built once and cached under
 * {@code ${java.io.tmpdir}/clair-testcache/lang-bookworm}: the minbase debootstrap tree (shared with the dpkg tests
 * at {@code clair-testcache/debootstrap-bookworm}, built the same way when absent) plus, installed with apt inside a
 * chroot, {@code python3-requests python3-urllib3 python3-apt python3-venv python3-wheel-whl ruby-rack}; a virtual
 * environment at {@code /opt/venv} into which pip installs {@code wheel} from Debian's own wheel files; a distutils
 * {@code .egg-info} file from {@code setup.py install}; and an egg built by setuptools' {@code bdist_egg}, unpacked
 * at {@value #EGG}. Everything is made by the real tools; nothing is written by hand but two two-line setup.py
 * files.
 *
 * <p>The tree is built in a sibling directory and renamed when complete, so an interrupted build is never taken for
 * a cached one. Needs root, debootstrap and the Debian mirror; a missing tool fails the test saying what to install.
 */
public final class BookwormLanguageRoot {
    /** The unpacked egg: on no interpreter's path, so oracles pass it explicitly. */
    public static final String EGG = "/opt/eggs/Demo.Egg-2.0rc1-py3.11.egg";

    private BookwormLanguageRoot() {
    }

    /** The tree, built on first use. */
    public static Path get() {
        return TestCache.get("lang-bookworm", "opt/eggs", building -> {
            RootfsFixtures.run(List.of(RootfsFixtures.tool("cp", "coreutils"), "-a", Debootstrap.bookworm().toString(),
                    building.toString()));
            Files.copy(Path.of("/etc/resolv.conf"), building.resolve("etc/resolv.conf"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            chroot(building, "env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "update", "-q");
            chroot(building, "env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-q",
                    "--no-install-recommends", "python3-requests", "python3-urllib3", "python3-apt", "python3-venv",
                    "python3-wheel-whl", "ruby-rack");
            chroot(building, "/usr/bin/python3", "-m", "venv", "/opt/venv");
            chroot(building, "/opt/venv/bin/pip", "install", "-q", "--no-index", "--find-links",
                    "/usr/share/python-wheels", "wheel");
            RootfsFixtures.write(building, "tmp/demo/setup.py", "from distutils.core import setup\n"
                    + "setup(name='Demo_Pkg', version='1.0.post1', py_modules=[])\n");
            chroot(building, "sh", "-c", "cd /tmp/demo && /usr/bin/python3 setup.py -q install");
            RootfsFixtures.write(building, "tmp/egg/setup.py", "from setuptools import setup\n"
                    + "setup(name='Demo.Egg', version='2.0rc1', py_modules=[])\n");
            chroot(building, "sh", "-c", "cd /tmp/egg && /opt/venv/bin/python setup.py -q bdist_egg"
                    + " && /opt/venv/bin/python -m zipfile -e dist/Demo.Egg-2.0rc1-py3.11.egg " + EGG);
            chroot(building, "rm", "-rf", "/tmp/demo", "/tmp/egg", "/var/lib/apt/lists", "/var/cache/apt/archives");
        });
    }

    /** Runs {@code command} inside {@code root} with chroot, failing the test on a non-zero exit. */
    public static String chroot(Path root, String... command) {
        List<String> cmd = new ArrayList<>(List.of(RootfsFixtures.tool("chroot", "coreutils"), root.toString()));
        cmd.addAll(List.of(command));
        return RootfsFixtures.run(cmd);
    }
}
