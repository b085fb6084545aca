package io.clair.ctl.format;

import io.clair.api.v4.DistributionDto;
import io.clair.api.v4.EnvironmentDto;
import io.clair.api.v4.PackageDto;
import io.clair.ctl.report.Finding;
import io.clair.ctl.report.ReportView;
import io.clair.core.vuln.Severity;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.metadata.ToolInformation;
import org.cyclonedx.model.vulnerability.Vulnerability;

/**
 * A CycloneDX 1.6 BOM (JSON) per image: the image as {@code metadata.component} (type container, version = the
 * manifest digest), every package as a library component with its purl (the scanner's, else one {@link Purls}
 * builds), each distribution as an
 * operating-system component, and the shown findings as vulnerabilities, one per vulnerability id, with a rating
 * per source, the affected components and the fixed versions as the recommendation. Suppressed and filtered
 * findings are left out and counted in {@code metadata.properties}. Several images give one BOM after another.
 */
final class CycloneDxFormat implements ReportFormat {
    private final String toolVersion;

    CycloneDxFormat(String toolVersion) {
        this.toolVersion = toolVersion;
    }

    @Override
    public void write(List<ReportView> views, PrintStream out) throws IOException {
        for (ReportView v : views) {
            try {
                out.print(BomGeneratorFactory.createJson(Version.VERSION_16, bom(v)).toJsonString());
            } catch (GeneratorException e) {
                throw new IOException("cyclonedx: " + e.getMessage(), e);
            }
            out.print('\n');
        }
        out.flush();
    }

    Bom bom(ReportView v) {
        Bom bom = new Bom();
        bom.setSerialNumber("urn:uuid:" + UUID.randomUUID());
        Metadata meta = new Metadata();
        meta.setTimestamp(new Date());
        Component tool = new Component();
        tool.setType(Component.Type.APPLICATION);
        tool.setName("clairctl");
        tool.setVersion(toolVersion);
        ToolInformation tools = new ToolInformation();
        tools.setComponents(List.of(tool));
        meta.setToolChoice(tools);
        Component image = new Component();
        image.setType(Component.Type.CONTAINER);
        image.setName(v.image().reference());
        image.setVersion(v.image().digest());
        image.setBomRef(v.image().digest());
        meta.setComponent(image);
        meta.addProperty(new Property("clairctl:minimumSeverity", v.minimum().name()));
        meta.addProperty(new Property("clairctl:suppressedFindings", Integer.toString(v.suppressed().size())));
        meta.addProperty(new Property("clairctl:findingsBelowMinimum", Integer.toString(v.belowMinimum())));
        if (v.image().noDataWarning() != null) {
            meta.addProperty(new Property("clairctl:note", v.image().noDataWarning()));
        }
        bom.setMetadata(meta);

        Map<String, String> refs = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        v.image().report().distributions().forEach((id, d) -> {
            Component c = new Component();
            c.setType(Component.Type.OPERATING_SYSTEM);
            c.setName(d.did() == null || d.did().isBlank() ? d.name() : d.did());
            c.setVersion(d.versionId() == null || d.versionId().isBlank() ? d.version() : d.versionId());
            c.setDescription(d.prettyName());
            c.setBomRef(unique("distribution:" + c.getName() + "@" + c.getVersion(), id, used));
            bom.addComponent(c);
        });
        v.image().report().packages().forEach((id, p) -> {
            Component c = component(v, id, p);
            c.setBomRef(unique(c.getPurl(), id, used));
            refs.put(id, c.getBomRef());
            bom.addComponent(c);
        });
        bom.setVulnerabilities(vulnerabilities(v, refs));
        return bom;
    }

    private static Component component(ReportView v, String id, PackageDto p) {
        List<EnvironmentDto> envs = v.image().report().environments().getOrDefault(id, List.of());
        EnvironmentDto env = envs == null || envs.isEmpty() ? null : envs.get(0);
        DistributionDto dist = env == null || env.distributionId() == null ? null
                : v.image().report().distributions().get(env.distributionId());
        Component c = new Component();
        c.setType(Component.Type.LIBRARY);
        c.setName(p.name());
        c.setVersion(p.version());
        String known = v.image().purls().get(id);
        List<String> repos = env == null ? List.of() : env.repositoryIds().stream()
                .map(r -> v.image().report().repository().get(r)).filter(r -> r != null && r.name() != null)
                .map(r -> r.name()).toList();
        c.setPurl(known != null ? known : Purls.of(p, dist, env == null ? "" : env.packageDb(), repos));
        if (env != null && env.packageDb() != null && !env.packageDb().isBlank()) {
            c.addProperty(new Property("clair:packageDb", env.packageDb()));
        }
        if (p.source() != null && p.source().name() != null && !p.source().name().isBlank()) {
            c.addProperty(new Property("clair:sourcePackage", p.source().name() + " " + p.source().version()));
        }
        return c;
    }

    /** Bom-refs must be unique; the same purl can appear in two package databases of one image. */
    private static String unique(String ref, String id, Set<String> used) {
        String r = used.contains(ref) ? ref + "#" + id : ref;
        used.add(r);
        return r;
    }

    private static List<Vulnerability> vulnerabilities(ReportView v, Map<String, String> refs) {
        Map<String, List<Finding>> byName = new LinkedHashMap<>();
        v.shown().forEach(f -> byName.computeIfAbsent(f.vulnerability().name(), k -> new ArrayList<>()).add(f));
        List<Vulnerability> out = new ArrayList<>();
        for (Map.Entry<String, List<Finding>> e : byName.entrySet()) {
            Finding first = e.getValue().get(0);
            Vulnerability vuln = new Vulnerability();
            vuln.setId(e.getKey());
            vuln.setBomRef("vulnerability:" + e.getKey());
            Vulnerability.Source source = new Vulnerability.Source();
            source.setName(first.vulnerability().updater());
            if (!first.firstLink().isEmpty()) {
                source.setUrl(first.firstLink());
            }
            vuln.setSource(source);
            if (first.vulnerability().description() != null && !first.vulnerability().description().isBlank()) {
                vuln.setDescription(first.vulnerability().description());
            }
            Map<String, Severity> ratings = new LinkedHashMap<>();
            List<Vulnerability.Affect> affects = new ArrayList<>();
            List<String> fixes = new ArrayList<>();
            Set<String> advisories = new java.util.LinkedHashSet<>();
            for (Finding f : e.getValue()) {
                ratings.merge(f.vulnerability().updater(), f.severity(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
                Vulnerability.Affect affect = new Vulnerability.Affect();
                affect.setRef(refs.get(f.packageId()));
                Vulnerability.Version version = new Vulnerability.Version();
                version.setVersion(f.pkg().version());
                version.setStatus(Vulnerability.Version.Status.AFFECTED);
                affect.addVersion(version);
                affects.add(affect);
                if (!f.fixedIn().isEmpty()) {
                    fixes.add("upgrade " + f.pkg().name() + " to " + f.fixedIn());
                }
                if (f.vulnerability().links() != null) {
                    advisories.addAll(List.of(f.vulnerability().links().strip().split("\\s+")));
                }
            }
            List<Vulnerability.Rating> rs = new ArrayList<>();
            ratings.forEach((updater, sev) -> {
                Vulnerability.Rating r = new Vulnerability.Rating();
                Vulnerability.Source s = new Vulnerability.Source();
                s.setName(updater);
                r.setSource(s);
                r.setSeverity(severity(sev));
                r.setMethod(Vulnerability.Rating.Method.OTHER);
                rs.add(r);
            });
            vuln.setRatings(rs);
            vuln.setAffects(affects);
            if (!fixes.isEmpty()) {
                vuln.setRecommendation(String.join("; ", fixes));
            }
            List<Vulnerability.Advisory> adv = new ArrayList<>();
            for (String link : advisories) {
                if (!link.isBlank()) {
                    Vulnerability.Advisory a = new Vulnerability.Advisory();
                    a.setUrl(link);
                    adv.add(a);
                }
            }
            if (!adv.isEmpty()) {
                vuln.setAdvisories(adv);
            }
            out.add(vuln);
        }
        return out;
    }

    static Vulnerability.Rating.Severity severity(Severity s) {
        return switch (s) {
            case Critical -> Vulnerability.Rating.Severity.CRITICAL;
            case High -> Vulnerability.Rating.Severity.HIGH;
            case Medium -> Vulnerability.Rating.Severity.MEDIUM;
            case Low -> Vulnerability.Rating.Severity.LOW;
            case Negligible -> Vulnerability.Rating.Severity.INFO;
            case Unknown -> Vulnerability.Rating.Severity.UNKNOWN;
        };
    }
}
