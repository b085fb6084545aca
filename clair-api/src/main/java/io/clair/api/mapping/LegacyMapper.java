package io.clair.api.mapping;

import io.clair.api.legacy.FeatureV1;
import io.clair.api.legacy.LayerVulnerabilityV1;
import io.clair.api.legacy.VulnerabilityV1;
import io.clair.core.index.Distribution;
import io.clair.core.index.Environment;
import io.clair.core.index.IndexReport;
import io.clair.core.index.Package;
import io.clair.core.index.Repository;
import io.clair.core.manifest.Digest;
import io.clair.core.vuln.Vulnerability;
import io.clair.core.vuln.VulnerabilityReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Builds Clair v2's features and vulnerabilities from v4 reports. */
public final class LegacyMapper {
    private LegacyMapper() {
    }

    /**
     * The features of a layer: every package of its index report, with the namespace it belongs to and the name of
     * the layer that added it; with vulnerabilities when {@code vulns} is given.
     *
     * @param layerNames the legacy name of each layer digest in the ancestry
     */
    public static List<FeatureV1> features(IndexReport report, Map<Digest, String> layerNames,
            VulnerabilityReport vulns) {
        List<FeatureV1> out = new ArrayList<>();
        report.packages().forEach((id, p) -> {
            Environment env = first(report.environments().get(id));
            Distribution d = env == null ? null : report.distributions().get(env.distributionId());
            Repository r = env == null || env.repositoryIds().isEmpty() ? null
                    : report.repositories().get(env.repositoryIds().get(0));
            String ns = LegacyNames.namespace(d, r);
            List<VulnerabilityV1> vs = null;
            if (vulns != null) {
                vs = new ArrayList<>();
                for (String vid : vulns.packageVulnerabilities().getOrDefault(id, List.of())) {
                    vs.add(vulnerability(vulns.vulnerabilities().get(vid), ns));
                }
            }
            out.add(new FeatureV1(p.name(), ns, LegacyNames.versionFormat(d, r), p.version(), vs,
                    env == null || env.introducedIn() == null ? "" : layerNames.getOrDefault(env.introducedIn(), "")));
        });
        out.sort(Comparator.comparing(FeatureV1::name).thenComparing(FeatureV1::version));
        return out;
    }

    /** One flat row per (feature, vulnerability), most severe first. */
    public static List<LayerVulnerabilityV1> layerVulnerabilities(List<FeatureV1> features) {
        List<LayerVulnerabilityV1> out = new ArrayList<>();
        for (FeatureV1 f : features) {
            if (f.vulnerabilities() == null) {
                continue;
            }
            for (VulnerabilityV1 v : f.vulnerabilities()) {
                out.add(new LayerVulnerabilityV1(v.name(), v.namespaceName(), v.description(), v.link(),
                        v.severity(), v.metadata(), v.fixedBy() == null ? "" : v.fixedBy(), f.name(), f.version(),
                        f.addedBy()));
            }
        }
        out.sort(Comparator.comparing((LayerVulnerabilityV1 v) -> io.clair.core.vuln.Severity.parse(v.severity()))
                .reversed().thenComparing(LayerVulnerabilityV1::name).thenComparing(LayerVulnerabilityV1::featureName));
        return out;
    }

    public static VulnerabilityV1 vulnerability(Vulnerability v, String fallbackNamespace) {
        String ns = v.distribution() != null ? LegacyNames.namespace(v.distribution(), null)
                : v.repository() != null ? v.repository().name() : fallbackNamespace;
        String link = v.links().isBlank() ? "" : v.links().trim().split("\\s+")[0];
        return new VulnerabilityV1(v.name(), ns, v.description(), link, v.normalizedSeverity().name(), null,
                LegacyNames.fixedBy(v.fixedInVersion()), null);
    }

    /** Clair v2's FixedIn feature list of a vulnerability record. */
    public static FeatureV1 fixedIn(Vulnerability v) {
        Package p = v.pkg();
        String ns = v.distribution() != null ? LegacyNames.namespace(v.distribution(), null)
                : v.repository() != null ? v.repository().name() : "";
        String fixed = LegacyNames.fixedBy(v.fixedInVersion());
        return new FeatureV1(p == null ? "" : p.name(), ns, LegacyNames.versionFormat(v.distribution(),
                v.repository()), fixed.isEmpty() ? "None" : fixed, null, null);
    }

    private static <T> T first(List<T> l) {
        return l == null || l.isEmpty() ? null : l.get(0);
    }
}
