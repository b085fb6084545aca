package io.clair.core.ecosystem.dpkg;

import io.clair.core.ecosystem.debian.DebianDistributionScanner;
import io.clair.core.ecosystem.ubuntu.UbuntuDistributionScanner;
import io.clair.core.linux.LinuxCoalescer;
import io.clair.core.plugin.ClairPlugin;
import io.clair.core.plugin.PluginContext;
import io.clair.core.scan.Ecosystem;
import java.util.List;

/**
 * dpkg package databases, seen together with the Debian and Ubuntu distribution scanners so that packages are tied
 * to their distribution.
 */
public final class DpkgPlugin implements ClairPlugin {
    @Override
    public String name() {
        return "dpkg";
    }

    @Override
    public List<Ecosystem> ecosystems(PluginContext ctx) {
        return List.of(new Ecosystem("dpkg", List.of(new DpkgPackageScanner(), new DpkgDistrolessScanner()),
                List.of(new DebianDistributionScanner(), new UbuntuDistributionScanner()), List.of(),
                new LinuxCoalescer()));
    }
}
