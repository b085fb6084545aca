package io.clair.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clair.core.match.Enricher;
import io.clair.core.match.Matcher;
import io.clair.core.scan.Ecosystem;
import io.clair.core.scan.VersionedScanner;
import io.clair.core.update.UpdaterFactory;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Pins the plugin set: a plugin whose services line is missing (or a new one nobody listed here) fails the build,
 * and every contributed component keeps the SPI's promises.
 */
class PluginsTest {
    private static final List<String> EXPECTED = List.of("alpine", "apk", "aws", "cvss", "debian", "dpkg", "gobin",
            "java", "npm", "oracle", "osv", "photon", "python", "rhel", "rpm", "ruby", "rust", "suse", "ubuntu");

    private final Plugins plugins = Plugins.load();
    private final PluginContext ctx = PluginContext.defaults();

    @Test
    void theInstalledPluginsAreExactlyTheExpectedOnes() {
        assertThat(plugins.names()).containsExactlyElementsOf(EXPECTED);
    }

    @Test
    void scannersHaveStableNonBlankUniqueIdentities() {
        Set<String> seen = new HashSet<>();
        for (Ecosystem e : plugins.ecosystems(ctx)) {
            assertThat(e.coalescer()).as(e.name()).isNotNull();
            for (VersionedScanner s : e.scanners()) {
                assertThat(s.name()).as(s.getClass().getName()).isNotBlank().matches("[a-z0-9][a-z0-9.-]*");
                assertThat(s.version()).as(s.name()).isNotBlank();
                seen.add(s.kind() + "/" + s.name());
            }
        }
        assertThat(seen).contains("package/dpkg", "package/apk", "package/rpm", "distribution/debian",
                "distribution/alpine", "distribution/rhel");
    }

    @Test
    void updaterSetsAndMatchersHaveUniqueNames() {
        List<UpdaterFactory> factories = plugins.updaterFactories(ctx);
        assertThat(factories).extracting(UpdaterFactory::name).doesNotHaveDuplicates()
                .contains("alpine", "debian", "ubuntu", "osv", "clair.cvss");
        List<Matcher> matchers = plugins.matchers(ctx);
        assertThat(matchers).extracting(Matcher::name).doesNotHaveDuplicates();
        assertThat(plugins.enrichers(ctx)).extracting(Enricher::name).containsExactly("clair.cvss");
    }

    @Test
    void aNameClashIsRejectedNamingBothPlugins() {
        ClairPlugin a = new ClairPlugin() {
            @Override
            public String name() {
                return "same";
            }
        };
        ClairPlugin b = new ClairPlugin() {
            @Override
            public String name() {
                return "same";
            }
        };
        assertThatThrownBy(() -> Plugins.of(List.of(a, b))).hasMessageContaining("\"same\"")
                .hasMessageContaining(a.getClass().getName()).hasMessageContaining(b.getClass().getName());
    }
}
