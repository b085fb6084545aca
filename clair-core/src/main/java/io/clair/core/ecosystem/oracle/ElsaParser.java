package io.clair.core.ecosystem.oracle;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses Oracle's ELSA OVAL (plain or bzip2) into records, one per package criterion of each definition and each
 * Oracle Linux release the definition's {@code affected/platform} names:
 * <ul>
 *   <li>name: the definition title ({@code "ELSA-2007-0057:  Moderate: bind security update  (MODERATE)"}), as
 *       claircore names Oracle records; description: the definition description;</li>
 *   <li>distribution: {@link OracleDistributions#release(int)} of the platform's major release, the exact value the
 *       Oracle distribution scanner reports;</li>
 *   <li>package: the rpm name, kind binary, module stream when the criteria enable one, arch and arch operation from
 *       the test's state; fixed_in_version: the state's {@code evr} ("less than" this);</li>
 *   <li>severity: the advisory severity verbatim, normalized by {@link OracleSeverity}; issued: the advisory date;
 *       links: the ELSA and CVE reference URLs.</li>
 * </ul>
 * Identical records (the same package reached through two criteria) are kept once. Read as a stream, never a DOM.
 */
public final class ElsaParser {
    private static final Logger log = LoggerFactory.getLogger(ElsaParser.class);
    private static final Pattern PLATFORM = Pattern.compile("^Oracle Linux (\\d+)$");

    private final String updater;

    public ElsaParser(String updater) {
        this.updater = Objects.requireNonNull(updater, "updater");
    }

    public List<Vulnerability> parse(InputStream in) throws IOException {
        OvalDocument doc = OvalReader.read(OvalInput.decompressed(in, "oracle"), "oracle");
        RpmCriteria criteria = new RpmCriteria(doc);
        Map<String, Package> packages = new HashMap<>();
        Set<Vulnerability> out = new LinkedHashSet<>();
        int noPlatform = 0;
        for (Definition def : doc.definitions()) {
            List<Distribution> dists = releases(def);
            if (dists.isEmpty()) {
                noPlatform++;
                continue;
            }
            String links = String.join(" ", def.links());
            for (RpmPackage p : criteria.packages(def)) {
                Package pkg = packages.computeIfAbsent(p.name() + '\u0000' + p.module() + '\u0000' + p.arch(),
                        k -> Package.builder(p.name(), "").kind(PackageKind.BINARY).module(p.module())
                                .arch(p.arch()).build());
                for (Distribution d : dists) {
                    out.add(new Vulnerability("", updater, def.title(), def.description(), def.issued(), links,
                            def.severity(), OracleSeverity.normalize(def.severity()), pkg, d, null,
                            p.fixedInVersion(), null, p.archOp(), false));
                }
            }
        }
        log.atInfo().addKeyValue("updater", updater).addKeyValue("definitions", doc.definitions().size())
                .addKeyValue("records", out.size()).addKeyValue("without_platform", noPlatform)
                .addKeyValue("skipped_criteria", criteria.skipped()).log("parse done");
        return new ArrayList<>(out);
    }

    /** The distinct Oracle Linux releases of the definition's platforms, in document order. */
    static List<Distribution> releases(Definition def) {
        Set<Distribution> out = new LinkedHashSet<>();
        for (String platform : def.platforms()) {
            Matcher m = PLATFORM.matcher(platform.trim());
            if (m.matches()) {
                out.add(OracleDistributions.release(Integer.parseInt(m.group(1))));
            }
        }
        return List.copyOf(out);
    }
}
