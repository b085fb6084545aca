package io.clair.core.ecosystem.suse;

import io.clair.core.index.Distribution;
import io.clair.core.index.Package;
import io.clair.core.index.PackageKind;
import io.clair.core.oval.OvalDocument;
import io.clair.core.oval.OvalDocument.Definition;
import io.clair.core.oval.OvalInput;
import io.clair.core.oval.OvalReader;
import io.clair.core.oval.RpmCriteria;
import io.clair.core.oval.RpmCriteria.RpmPackage;
import io.clair.core.vuln.Vulnerability;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses one SUSE OVAL file (plain, gzip or bzip2) into records for the release the file is published for, the way
 * claircore's SUSE parser does: one record per package criterion of each definition.
 * <ul>
 *   <li>name: the definition title (a CVE id such as {@code CVE-2019-3459}); description: the definition
 *       description;</li>
 *   <li>distribution: the updater's release ({@link SuseDistributions#sles(int)} or
 *       {@link SuseDistributions#leap(String)}), the exact value the SUSE distribution scanner reports;</li>
 *   <li>package: the rpm name, kind binary, arch and arch operation from the test's state; fixed_in_version: the
 *       state's {@code evr} ("less than" this);</li>
 *   <li>severity: the advisory severity verbatim, normalized by {@link SuseSeverity}; issued: the advisory date when
 *       given; links: reference, bugzilla and CVE URLs.</li>
 * </ul>
 * Definitions without criteria (SUSE lists some CVEs against older products without packages) give nothing.
 */
public final class SuseOvalParser {
    private static final Logger log = LoggerFactory.getLogger(SuseOvalParser.class);

    private final String updater;
    private final Distribution distribution;

    public SuseOvalParser(String updater, Distribution distribution) {
        this.updater = Objects.requireNonNull(updater, "updater");
        this.distribution = Objects.requireNonNull(distribution, "distribution");
    }

    public List<Vulnerability> parse(InputStream in) throws IOException {
        OvalDocument doc = OvalReader.read(OvalInput.decompressed(in, "suse"), "suse");
        RpmCriteria criteria = new RpmCriteria(doc);
        Map<String, Package> packages = new HashMap<>();
        Set<Vulnerability> out = new LinkedHashSet<>();
        for (Definition def : doc.definitions()) {
            String links = String.join(" ", def.links());
            for (RpmPackage p : criteria.packages(def)) {
                Package pkg = packages.computeIfAbsent(p.name() + '\u0000' + p.module() + '\u0000' + p.arch(),
                        k -> Package.builder(p.name(), "").kind(PackageKind.BINARY).module(p.module())
                                .arch(p.arch()).build());
                out.add(new Vulnerability("", updater, def.title(), def.description(), def.issued(), links,
                        def.severity(), SuseSeverity.normalize(def.severity()), pkg, distribution, null,
                        p.fixedInVersion(), null, p.archOp(), false));
            }
        }
        log.atInfo().addKeyValue("updater", updater).addKeyValue("definitions", doc.definitions().size())
                .addKeyValue("records", out.size()).addKeyValue("skipped_criteria", criteria.skipped())
                .log("parse done");
        return new ArrayList<>(out);
    }
}
