package io.clair.core.ecosystem.rhel;

import com.github.packageurl.PackageURL;
import io.clair.core.ecosystem.rhel.CsafVulnerability.Score;
import io.clair.core.ecosystem.rhel.VexComponents.Parts;
import io.clair.core.index.Package;
import io.clair.core.index.PackageKind;
import io.clair.core.index.Repository;
import io.clair.core.vuln.ArchOp;
import io.clair.core.vuln.Severity;
import io.clair.core.vuln.Vulnerability;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one Red Hat CSAF VEX document into records, following claircore's {@code rhel/vex} parser. Every record is
 * named for the document ({@code CVE-2023-4154}), carries the CVE's description, release date and reference URLs
 * plus the document's own URL, and a {@link Repository} with key {@value #REPOSITORY_KEY} whose name and CPE are the
 * repository product's CPE bound by {@link RhelCpe}. Per product status:
 * <ul>
 *   <li>{@code fixed}: the package product's rpm purl gives the name (kind binary), fixed_in_version
 *       {@code epoch:version-release} and the arch; builds of one package, module, repository and version on
 *       several arches are one record whose arch is a pattern ({@code aarch64|amd64|x86_64}, {@link ArchOp#PATTERN_MATCH}).
 *       The remediation URL (the RHSA) is added to the links;</li>
 *   <li>{@code known_affected}: the component (kind source, the name from its purl when it has one), unfixed;</li>
 *   <li>{@code known_not_affected}: as known_affected, but a "not affected" statement: {@code notVulnerable}, and
 *       fixed_in_version {@code "0"}, below every version, so that a matcher ignoring the flag still reports nothing.</li>
 * </ul>
 * The module is the module product of a three-part relationship or the purl's {@code rpmmod} qualifier; a qualifier
 * that is not {@code name:stream} ({@code rhel10}) is dropped. Severity is the CVSS vector of the product's score and
 * the normalized severity its {@code impact} threat; an affected product with neither an impact nor a non-zero score
 * is skipped, as claircore does. Products that are not Red Hat rpm content (container images, Maven artifacts) and,
 * unless configured otherwise, kernel packages (containers do not ship the kernel they run on) give nothing.
 */
final class VexDocumentParser {
    static final String REPOSITORY_KEY = "rhel-cpe-repository";
    static final String FIXED = "fixed";
    static final String KNOWN_AFFECTED = "known_affected";
    static final String NOT_AFFECTED = "known_not_affected";

    private final String updater;
    private final boolean ignoreKernel;
    private final Map<String, Repository> repositories = new HashMap<>();
    private final Map<String, Package> packages = new HashMap<>();
    private int skipped;

    VexDocumentParser(String updater, boolean ignoreKernel) {
        this.updater = updater;
        this.ignoreKernel = ignoreKernel;
    }

    /** Product statuses that could not be turned into a record so far (no relationship, no CPE, bad purl). */
    int skipped() {
        return skipped;
    }

    /** The records of {@code doc}, without duplicates, in document order. */
    List<Vulnerability> records(CsafDocument doc) {
        Set<Vulnerability> out = new LinkedHashSet<>();
        String self = doc.selfLink();
        for (var node : doc.vulnerabilities()) {
            CsafVulnerability v = new CsafVulnerability(node);
            List<String> links = new ArrayList<>(v.referenceUrls());
            if (!self.isEmpty()) {
                links.add(self);
            }
            Proto proto = new Proto(doc.trackingId(), v.description(), v.releaseDate(), String.join(" ", links));
            out.addAll(fixed(doc, v, proto));
            for (String pid : v.productStatus(KNOWN_AFFECTED)) {
                component(doc, v, proto, pid, false).ifPresent(out::add);
            }
            for (String pid : v.productStatus(NOT_AFFECTED)) {
                component(doc, v, proto, pid, true).ifPresent(out::add);
            }
        }
        return new ArrayList<>(out);
    }

    private record Proto(String name, String description, Instant issued, String links) {
    }

    /** A fixed package being assembled; builds on further arches extend {@code arch}. */
    private static final class Fixed {
        String name;
        String module;
        String arch;
        String fixedIn;
        Repository repo;
        String links;
        String severity;
        Severity normalized;
    }

    private List<Vulnerability> fixed(CsafDocument doc, CsafVulnerability v, Proto proto) {
        Map<String, Fixed> byKey = new LinkedHashMap<>();
        for (String pid : v.productStatus(FIXED)) {
            Optional<Parts> parts = VexComponents.walk(doc, pid);
            Optional<Repository> repo = parts.flatMap(p -> repository(doc, p.repo()));
            Optional<PackageURL> purl = parts.flatMap(p -> doc.helper(p.pkg(), "purl")).flatMap(VexComponents::purl);
            if (repo.isEmpty() || purl.isEmpty() || !VexComponents.isRedHatRpm(purl.get())
                    || purl.get().getVersion() == null) {
                skipped++;
                continue;
            }
            if (ignoreKernel && purl.get().getName().startsWith("kernel")) {
                continue;
            }
            String module = module(doc, parts.get(), purl.get());
            String fixedIn = VexComponents.fixedInVersion(purl.get());
            String arch = VexComponents.arch(purl.get());
            String key = parts.get().repo() + '\u0000' + module + '\u0000' + purl.get().getName() + '\u0000' + fixedIn;
            Fixed f = byKey.get(key);
            if (f != null) {
                if (!arch.isEmpty()) {
                    f.arch = f.arch.isEmpty() ? arch : f.arch + "|" + arch;
                }
                continue;
            }
            Score score = v.score(pid);
            String impact = v.impact(pid);
            if (impact == null && score != null && score.baseScore() == 0.0) {
                continue; // no impact statement and a zero score: Red Hat rates it as no risk
            }
            f = new Fixed();
            f.name = purl.get().getName();
            f.module = module;
            f.arch = arch;
            f.fixedIn = fixedIn;
            f.repo = repo.get();
            String rem = v.remediationUrl(pid);
            f.links = rem == null ? proto.links() : proto.links() + " " + rem;
            f.severity = score == null ? "Unknown" : score.vector();
            f.normalized = impact == null ? Severity.Unknown : RhelSeverity.normalize(impact);
            byKey.put(key, f);
        }
        List<Vulnerability> out = new ArrayList<>();
        for (Fixed f : byKey.values()) {
            Package pkg = pkg(f.name, PackageKind.BINARY, f.module, f.arch);
            out.add(new Vulnerability("", updater, proto.name(), proto.description(), proto.issued(), f.links,
                    f.severity, f.normalized, pkg, null, f.repo, f.fixedIn, null,
                    f.arch.isEmpty() ? ArchOp.NONE : ArchOp.PATTERN_MATCH, false));
        }
        return out;
    }

    private Optional<Vulnerability> component(CsafDocument doc, CsafVulnerability v, Proto proto, String pid,
            boolean notAffected) {
        Optional<Parts> parts = VexComponents.walk(doc, pid);
        Optional<Repository> repo = parts.flatMap(p -> repository(doc, p.repo()));
        if (repo.isEmpty() || !doc.hasProduct(parts.get().pkg())) {
            skipped++;
            return Optional.empty();
        }
        String name = parts.get().pkg();
        String module = parts.get().module().isEmpty() ? ""
                : doc.helper(parts.get().module(), "purl").flatMap(VexComponents::moduleOfProduct).orElse("");
        Optional<String> purlText = doc.helper(name, "purl");
        if (purlText.isPresent()) {
            Optional<PackageURL> purl = VexComponents.purl(purlText.get());
            if (purl.isEmpty() || !VexComponents.isRedHatRpm(purl.get())) {
                skipped++;
                return Optional.empty();
            }
            name = purl.get().getName();
            module = rpmmod(purl.get()).orElse(module);
        }
        if (ignoreKernel && name.startsWith("kernel")) {
            return Optional.empty();
        }
        Score score = v.score(pid);
        String impact = v.impact(pid);
        if (!notAffected && impact == null && score != null && score.baseScore() == 0.0) {
            return Optional.empty();
        }
        return Optional.of(new Vulnerability("", updater, proto.name(), proto.description(), proto.issued(),
                proto.links(), score == null ? "Unknown" : score.vector(),
                impact == null ? Severity.Unknown : RhelSeverity.normalize(impact),
                pkg(name, PackageKind.SOURCE, module, ""), null, repo.get(), notAffected ? "0" : "", null,
                ArchOp.NONE, notAffected));
    }

    /** The module of a fixed package: the module product's stream, overridden by a valid {@code rpmmod} qualifier. */
    private static String module(CsafDocument doc, Parts parts, PackageURL purl) {
        String module = parts.module().isEmpty() ? ""
                : doc.helper(parts.module(), "purl").flatMap(VexComponents::moduleOfProduct).orElse("");
        return rpmmod(purl).orElse(module);
    }

    private static Optional<String> rpmmod(PackageURL purl) {
        String q = purl.getQualifiers() == null ? null : purl.getQualifiers().get("rpmmod");
        return VexComponents.validModule(q);
    }

    private Optional<Repository> repository(CsafDocument doc, String productId) {
        Optional<String> cpe = doc.helper(productId, "cpe");
        if (cpe.isEmpty()) {
            return Optional.empty();
        }
        Repository r = repositories.get(cpe.get());
        if (r == null) {
            String bound;
            try {
                bound = RhelCpe.parse(cpe.get()).formatted();
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            r = new Repository("", bound, REPOSITORY_KEY, "", bound);
            repositories.put(cpe.get(), r);
        }
        return Optional.of(r);
    }

    private Package pkg(String name, PackageKind kind, String module, String arch) {
        String key = name + '\u0000' + kind + '\u0000' + module + '\u0000' + arch;
        return packages.computeIfAbsent(key, k -> Package.builder(name, "").kind(kind).module(module).arch(arch)
                .build());
    }
}
