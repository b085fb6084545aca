package io.clair.core.ecosystem.ubuntu;

import io.clair.core.index.Distribution;
import io.clair.core.index.Package;
import io.clair.core.index.PackageKind;
import io.clair.core.oval.OvalDocument;
import io.clair.core.oval.OvalDocument.Criterion;
import io.clair.core.oval.OvalDocument.Definition;
import io.clair.core.oval.OvalDocument.PackageObject;
import io.clair.core.oval.OvalDocument.PackageState;
import io.clair.core.oval.OvalDocument.Test;
import io.clair.core.oval.OvalInput;
import io.clair.core.oval.OvalReader;
import io.clair.core.vuln.ArchOp;
import io.clair.core.vuln.Vulnerability;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses Ubuntu CVE OVAL into records the way claircore's dpkg OVAL walk does: for every criterion of every
 * definition that references a {@code dpkginfo_test}, one record per package name of the test's object (a name, or
 * every value of the constant variable it references):
 * <ul>
 *   <li>name: the definition title ({@code "CVE-2015-4471 on Ubuntu 16.04 LTS (xenial) - medium."}), as Clair
 *       reports Ubuntu vulnerabilities; description: the definition description;</li>
 *   <li>fixed_in_version: the state's {@code evr} ("less than" this), or {@code ""} for a test without a state
 *       (the package is affected and unfixed);</li>
 *   <li>package: binary package, kind {@code binary}; arch and arch operation from the state when it has one;</li>
 *   <li>severity: the advisory {@code severity} verbatim, normalized by {@link UbuntuPriority};</li>
 *   <li>issued: the advisory {@code issued} date, else its {@code public_date};</li>
 *   <li>links: reference URLs, advisory refs, bugs and CVE links.</li>
 * </ul>
 * The document may be bzip2-compressed (detected from its first bytes). It is read as a stream, never as a DOM.
 */
public final class OvalParser {
    private static final Logger log = LoggerFactory.getLogger(OvalParser.class);

    private final String updater;
    private final Distribution distribution;

    public OvalParser(String updater, Distribution distribution) {
        this.updater = Objects.requireNonNull(updater, "updater");
        this.distribution = Objects.requireNonNull(distribution, "distribution");
    }

    public List<Vulnerability> parse(InputStream in) throws IOException {
        OvalDocument doc = OvalReader.read(OvalInput.decompressed(in, "ubuntu"), "ubuntu");
        Map<String, Package> packages = new HashMap<>();
        List<Vulnerability> out = new ArrayList<>();
        int skipped = 0;
        for (Definition def : doc.definitions()) {
            for (Criterion c : def.flatCriteria()) {
                Test test = c.negate() ? null : doc.tests().get(c.testRef());
                if (test == null || !test.kind().equals("dpkginfo_test")) {
                    continue; // negated, family, release or other non-package test
                }
                PackageObject object = test.objectRef() == null ? null : doc.objects().get(test.objectRef());
                PackageState state = test.stateRef() == null ? null : doc.states().get(test.stateRef());
                if (object == null || !object.kind().equals("dpkginfo_object")
                        || (test.stateRef() != null && (state == null || !lessThan(state)))) {
                    skipped++;
                    continue;
                }
                String fixed = state == null ? "" : state.evr();
                ArchOp op = state == null ? ArchOp.NONE : state.archOp();
                String arch = op == ArchOp.NONE ? "" : state.arch();
                for (String name : names(doc, object)) {
                    Package pkg = packages.computeIfAbsent(name + '\u0000' + arch,
                            k -> Package.builder(name, "").kind(PackageKind.BINARY).arch(arch).build());
                    out.add(new Vulnerability("", updater, def.title(), def.description(), def.issued(),
                            String.join(" ", def.links()), def.severity(), UbuntuPriority.normalize(def.severity()),
                            pkg, distribution, null, fixed, null, op, false));
                }
            }
        }
        log.atInfo().addKeyValue("updater", updater).addKeyValue("definitions", doc.definitions().size())
                .addKeyValue("records", out.size()).addKeyValue("skipped", skipped).log("parse done");
        return out;
    }

    /** Only "installed version less than the fix" states describe a fix; anything else is not understood. */
    private static boolean lessThan(PackageState s) {
        return s.kind().equals("dpkginfo_state") && s.evr() != null && !s.evr().isEmpty()
                && (s.evrOperation() == null || s.evrOperation().equals("less than"));
    }

    private List<String> names(OvalDocument doc, PackageObject object) {
        if (object.varRef() != null && !doc.variables().containsKey(object.varRef())) {
            log.atWarn().addKeyValue("updater", updater).addKeyValue("variable", object.varRef())
                    .log("object references an unknown variable");
            return List.of();
        }
        return doc.packageNames(object);
    }
}
