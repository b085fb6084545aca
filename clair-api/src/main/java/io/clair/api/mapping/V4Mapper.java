package io.clair.api.mapping;

import io.clair.api.v4.DistributionDto;
import io.clair.api.v4.EnvironmentDto;
import io.clair.api.v4.IndexReportDto;
import io.clair.api.v4.LayerDto;
import io.clair.api.v4.ManifestDto;
import io.clair.api.v4.PackageDto;
import io.clair.api.v4.RangeDto;
import io.clair.api.v4.RepositoryDto;
import io.clair.api.v4.UpdateOperationDto;
import io.clair.api.v4.VulnerabilityDto;
import io.clair.api.v4.VulnerabilityReportDto;
import io.clair.core.index.Distribution;
import io.clair.core.index.Environment;
import io.clair.core.index.IndexReport;
import io.clair.core.index.IndexState;
import io.clair.core.index.Package;
import io.clair.core.index.PackageKind;
import io.clair.core.index.Repository;
import io.clair.core.manifest.Digest;
import io.clair.core.manifest.LayerDescriptor;
import io.clair.core.manifest.Manifest;
import io.clair.core.version.NormalizedVersion;
import io.clair.core.vuln.ArchOp;
import io.clair.core.vuln.Range;
import io.clair.core.vuln.Severity;
import io.clair.core.vuln.UpdateOperation;
import io.clair.core.vuln.Vulnerability;
import io.clair.core.vuln.VulnerabilityReport;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Converts between core types and Clair v4 wire records, in both directions. */
public final class V4Mapper {
    /** Go's zero time, which Clair writes for an unknown {@code issued}. */
    public static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    private V4Mapper() {
    }

    /**
     * Validates and converts a posted manifest.
     *
     * @throws IllegalArgumentException with a message fit for a 400 response
     */
    public static Manifest manifest(ManifestDto dto) {
        if (dto == null) {
            throw new IllegalArgumentException("manifest: empty body");
        }
        if (dto.hash() == null || dto.hash().isEmpty()) {
            throw new IllegalArgumentException("manifest: missing \"hash\"");
        }
        Digest hash = Digest.parse(dto.hash());
        if (dto.layers().isEmpty()) {
            throw new IllegalArgumentException("manifest " + hash + ": no layers");
        }
        List<LayerDescriptor> layers = new ArrayList<>();
        for (int i = 0; i < dto.layers().size(); i++) {
            LayerDto l = dto.layers().get(i);
            if (l == null || l.hash() == null || l.hash().isEmpty()) {
                throw new IllegalArgumentException("manifest " + hash + ": layer " + i + " has no \"hash\"");
            }
            if (l.uri() == null || l.uri().isEmpty()) {
                throw new IllegalArgumentException("manifest " + hash + ": layer " + l.hash() + " has no \"uri\"");
            }
            URI uri;
            try {
                uri = new URI(l.uri());
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("manifest " + hash + ": layer " + l.hash() + " has a bad uri: "
                        + e.getMessage(), e);
            }
            layers.add(new LayerDescriptor(Digest.parse(l.hash()), uri, l.headers(), l.mediaType()));
        }
        return new Manifest(hash, layers);
    }

    public static ManifestDto manifest(Manifest m) {
        List<LayerDto> layers = m.layers().stream()
                .map(l -> new LayerDto(l.hash().toString(), l.uri().toString(), l.headers(), l.mediaType()))
                .toList();
        return new ManifestDto(m.hash().toString(), layers);
    }

    public static IndexReportDto indexReport(IndexReport r) {
        return new IndexReportDto(r.manifestHash().toString(), r.state().name(), mapValues(r.packages(),
                V4Mapper::pkg), mapValues(r.distributions(), V4Mapper::dist), mapValues(r.repositories(),
                V4Mapper::repo), environments(r.environments()), r.success(), r.err());
    }

    public static IndexReport indexReport(IndexReportDto d) {
        Map<String, List<Environment>> envs = new LinkedHashMap<>();
        d.environments().forEach((k, v) -> envs.put(k, v == null ? List.of() : v.stream().map(V4Mapper::env).toList()));
        return new IndexReport(Digest.parse(d.manifestHash()), IndexState.valueOf(d.state()),
                mapValues(d.packages(), V4Mapper::pkg), mapValues(d.distributions(), V4Mapper::dist),
                mapValues(d.repository(), V4Mapper::repo), envs, d.success(), d.err());
    }

    public static VulnerabilityReportDto vulnerabilityReport(VulnerabilityReport r) {
        return new VulnerabilityReportDto(r.manifestHash().toString(), mapValues(r.packages(), V4Mapper::pkg),
                mapValues(r.distributions(), V4Mapper::dist), mapValues(r.repositories(), V4Mapper::repo),
                environments(r.environments()), mapValues(r.vulnerabilities(), V4Mapper::vulnerability),
                r.packageVulnerabilities(), r.enrichments());
    }

    public static VulnerabilityReport vulnerabilityReport(VulnerabilityReportDto d) {
        Map<String, List<Environment>> envs = new LinkedHashMap<>();
        d.environments().forEach((k, v) -> envs.put(k, v == null ? List.of() : v.stream().map(V4Mapper::env).toList()));
        return new VulnerabilityReport(Digest.parse(d.manifestHash()), mapValues(d.packages(), V4Mapper::pkg),
                mapValues(d.distributions(), V4Mapper::dist), mapValues(d.repository(), V4Mapper::repo), envs,
                mapValues(d.vulnerabilities(), V4Mapper::vulnerability), d.packageVulnerabilities(), d.enrichments());
    }

    public static PackageDto pkg(Package p) {
        if (p == null) {
            return null;
        }
        return new PackageDto(p.id(), p.name(), p.version(), p.kind().wireName(),
                p.source() == null ? null : pkg(p.source()),
                p.normalizedVersion() == null ? "" : p.normalizedVersion().toString(), p.module(), p.arch(), p.cpe());
    }

    public static Package pkg(PackageDto d) {
        if (d == null) {
            return null;
        }
        NormalizedVersion nv = d.normalizedVersion() == null || d.normalizedVersion().isEmpty() ? null
                : NormalizedVersion.parse(d.normalizedVersion());
        return Package.builder(d.name(), d.version()).id(d.id()).kind(PackageKind.fromWire(d.kind()))
                .source(pkg(d.source())).normalizedVersion(nv).module(d.module()).arch(d.arch()).cpe(d.cpe())
                .build();
    }

    public static DistributionDto dist(Distribution d) {
        return d == null ? null : new DistributionDto(d.id(), d.did(), d.name(), d.version(), d.versionCodeName(),
                d.versionId(), d.arch(), d.cpe(), d.prettyName());
    }

    public static Distribution dist(DistributionDto d) {
        return d == null ? null : new Distribution(d.id(), d.did(), d.name(), d.version(), d.versionCodeName(),
                d.versionId(), d.arch(), d.cpe(), d.prettyName());
    }

    public static RepositoryDto repo(Repository r) {
        return r == null ? null : new RepositoryDto(r.id(), r.name(), r.key(), r.uri(), r.cpe());
    }

    public static Repository repo(RepositoryDto r) {
        return r == null ? null : new Repository(r.id(), r.name(), r.key(), r.uri(), r.cpe());
    }

    public static EnvironmentDto env(Environment e) {
        return new EnvironmentDto(e.packageDb(), e.introducedIn() == null ? "" : e.introducedIn().toString(),
                e.distributionId(), e.repositoryIds());
    }

    public static Environment env(EnvironmentDto e) {
        Digest layer = e.introducedIn() == null || e.introducedIn().isEmpty() ? null : Digest.parse(e.introducedIn());
        return new Environment(e.packageDb(), layer, e.distributionId(), e.repositoryIds());
    }

    public static VulnerabilityDto vulnerability(Vulnerability v) {
        RangeDto range = v.range() == null ? null : new RangeDto(v.range().lower(), v.range().upper());
        return new VulnerabilityDto(v.id(), v.updater(), v.name(), v.description(),
                v.issued() == null ? ZERO_TIME : v.issued().toString(), v.links(), v.severity(),
                v.normalizedSeverity().name(), pkg(v.pkg()), dist(v.distribution()), repo(v.repository()),
                v.fixedInVersion(), range, v.archOp().wireName());
    }

    public static Vulnerability vulnerability(VulnerabilityDto d) {
        Instant issued = null;
        if (d.issued() != null && !d.issued().isEmpty() && !d.issued().startsWith("0001-01-01")) {
            try {
                issued = Instant.parse(d.issued());
            } catch (DateTimeParseException e) {
                issued = java.time.OffsetDateTime.parse(d.issued()).toInstant();
            }
        }
        Range range = d.range() == null ? null : new Range(d.range().lower(), d.range().upper());
        return new Vulnerability(d.id(), d.updater(), d.name(), d.description(), issued, d.links(), d.severity(),
                Severity.parse(d.normalizedSeverity()), pkg(d.pkg()), dist(d.distribution()), repo(d.repository()),
                d.fixedInVersion(), range, ArchOp.fromWire(d.archOp()), false);
    }

    public static UpdateOperationDto updateOperation(UpdateOperation op) {
        return op == null ? null : new UpdateOperationDto(op.ref().toString(), op.updater(), op.fingerprint().value(),
                op.date().toString(), op.kind().wireName());
    }

    private static Map<String, List<EnvironmentDto>> environments(Map<String, List<Environment>> envs) {
        Map<String, List<EnvironmentDto>> out = new LinkedHashMap<>();
        envs.forEach((k, v) -> out.put(k, v.stream().map(V4Mapper::env).toList()));
        return out;
    }

    private static <A, B> Map<String, B> mapValues(Map<String, A> in, Function<A, B> f) {
        Map<String, B> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(k, f.apply(v)));
        return out;
    }
}
