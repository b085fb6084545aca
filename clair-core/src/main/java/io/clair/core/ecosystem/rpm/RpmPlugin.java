package io.clair.core.ecosystem.rpm;

import io.clair.core.ecosystem.aws.AwsDistributionScanner;
import io.clair.core.ecosystem.oracle.OracleDistributionScanner;
import io.clair.core.ecosystem.photon.PhotonDistributionScanner;
import io.clair.core.ecosystem.rhel.RhelDistributionScanner;
import io.clair.core.ecosystem.rhel.RhelRepositoryScanner;
import io.clair.core.ecosystem.suse.SuseDistributionScanner;
import io.clair.core.linux.LinuxCoalescer;
import io.clair.core.plugin.ClairPlugin;
import io.clair.core.plugin.PluginContext;
import io.clair.core.scan.Ecosystem;
import java.util.List;

/**
 * rpm databases (BDB, NDB, SQLite), with every rpm-based distribution's scanner and the Red Hat repository scanner,
 * which is configured from {@code ctx} (component {@code rhel-repository-scanner}).
 */
public final class RpmPlugin implements ClairPlugin {
    @Override
    public String name() {
        return "rpm";
    }

    @Override
    public List<Ecosystem> ecosystems(PluginContext ctx) {
        return List.of(new Ecosystem("rpm", List.of(new RpmPackageScanner()),
                List.of(new RhelDistributionScanner(), new OracleDistributionScanner(), new SuseDistributionScanner(),
                        new PhotonDistributionScanner(), new AwsDistributionScanner()),
                List.of(new RhelRepositoryScanner(ctx)), new LinuxCoalescer()));
    }
}
