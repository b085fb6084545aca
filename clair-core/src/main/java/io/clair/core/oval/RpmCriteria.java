package io.clair.core.oval;

import io.clair.core.oval.OvalDocument.Criteria;
import io.clair.core.oval.OvalDocument.Criterion;
import io.clair.core.oval.OvalDocument.Definition;
import io.clair.core.oval.OvalDocument.PackageObject;
import io.clair.core.oval.OvalDocument.PackageState;
import io.clair.core.oval.OvalDocument.Test;
import io.clair.core.vuln.ArchOp;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rpm packages an OVAL definition names, found the way claircore's {@code ovalutil.RPMDefsToVulns} finds them:
 * every criterion of the criteria tree (child criteria first, then the node's own criteria, depth first) whose test
 * is an {@code rpminfo_test} on an {@code rpminfo_object} gives one package per module stream the definition enables
 * (criteria commented {@code "Module <name:stream> is enabled"}; none means the non-modular package).
 *
 * <p>A test with a state gives the fixed version from the state's {@code evr} when the operation is "less than" (the
 * only form the feeds use for a fix); a state with no {@code evr} checks something else (the signing key, the
 * release package's version) and is skipped, as is a state comparing the version any other way. A test without a state
 * means "any installed version is affected": the package has no fixed version.
 */
public final class RpmCriteria {
    private static final Pattern MODULE = Pattern.compile("Module (.+) is enabled");

    /**
     * One package a definition affects.
     *
     * @param fixedInVersion the state's {@code evr}, or {@code ""} when unfixed
     * @param arch           the state's {@code arch} value (often a pattern such as {@code aarch64|x86_64}), or
     *                       {@code ""}
     * @param archOp         how {@code arch} applies; {@link ArchOp#NONE} without an arch
     */
    public record RpmPackage(String name, String module, String fixedInVersion, String arch, ArchOp archOp) {
    }

    private final OvalDocument doc;
    private int skipped;

    public RpmCriteria(OvalDocument doc) {
        this.doc = doc;
    }

    /** Criteria that lead to an rpm test but could not be used (dangling references, unusable states) so far. */
    public int skipped() {
        return skipped;
    }

    /** The packages {@code def} affects, in criteria order, possibly with repeats. */
    public List<RpmPackage> packages(Definition def) {
        List<Criterion> flat = def.flatCriteria();
        List<String> modules = modules(flat);
        List<RpmPackage> out = new ArrayList<>();
        for (Criterion c : flat) {
            Test test = doc.tests().get(c.testRef());
            if (test == null || !test.kind().equals("rpminfo_test")) {
                continue; // a family, release-file or other non-package test
            }
            PackageObject object = test.objectRef() == null ? null : doc.objects().get(test.objectRef());
            if (object == null || !object.kind().equals("rpminfo_object")) {
                skipped++;
                continue;
            }
            String fixed = "";
            String arch = "";
            ArchOp op = ArchOp.NONE;
            if (test.stateRef() != null) {
                PackageState state = doc.states().get(test.stateRef());
                if (state == null || !state.kind().equals("rpminfo_state")) {
                    skipped++;
                    continue;
                }
                if (state.evr() == null) {
                    continue; // signature key or release version check, not a package fix
                }
                if (state.evrOperation() != null && !state.evrOperation().equals("less than")) {
                    skipped++;
                    continue;
                }
                fixed = state.evr();
                op = state.archOp();
                arch = op == ArchOp.NONE ? "" : state.arch();
            }
            for (String name : doc.packageNames(object)) {
                for (String module : modules) {
                    out.add(new RpmPackage(name, module, fixed, arch, op));
                }
            }
        }
        return out;
    }

    private static List<String> modules(List<Criterion> flat) {
        List<String> out = new ArrayList<>();
        for (Criterion c : flat) {
            Matcher m = MODULE.matcher(c.comment());
            if (m.find() && !m.group(1).isBlank()) {
                out.add(m.group(1));
            }
        }
        return out.isEmpty() ? List.of("") : out;
    }
}
