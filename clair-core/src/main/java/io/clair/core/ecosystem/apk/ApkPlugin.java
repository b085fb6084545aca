package io.clair.core.ecosystem.apk;

import io.clair.core.ecosystem.alpine.AlpineDistributionScanner;
import io.clair.core.ecosystem.wolfi.WolfiDistributionScanner;
import io.clair.core.linux.LinuxCoalescer;
import io.clair.core.plugin.ClairPlugin;
import io.clair.core.plugin.PluginContext;
import io.clair.core.scan.Ecosystem;
import java.util.List;

/** apk installed databases, with the distributions that use apk (Alpine, Wolfi). */
public final class ApkPlugin implements ClairPlugin {
    @Override
    public String name() {
        return "apk";
    }

    @Override
    public List<Ecosystem> ecosystems(PluginContext ctx) {
        return List.of(new Ecosystem("apk", List.of(new ApkPackageScanner()),
                List.of(new AlpineDistributionScanner(), new WolfiDistributionScanner()), List.of(),
                new LinuxCoalescer()));
    }
}
