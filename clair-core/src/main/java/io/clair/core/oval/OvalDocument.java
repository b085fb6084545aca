package io.clair.core.oval;

import io.clair.core.vuln.ArchOp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What package matching needs from an OVAL definitions document, as {@link OvalReader} collects it in one streaming
 * pass: the definitions with their criteria trees, and the tests, objects, states and constant variables the criteria
 * lead to. Tests, objects and states of every kind are kept ({@code rpminfo_test}, {@code dpkginfo_test},
 * {@code family_test}, ...); {@link Test#kind()} and friends name the element so that a caller picks its own.
 *
 * @param variables values of each {@code constant_variable}, by id
 */
public record OvalDocument(
        List<Definition> definitions,
        Map<String, Test> tests,
        Map<String, PackageObject> objects,
        Map<String, PackageState> states,
        Map<String, List<String>> variables) {

    public OvalDocument {
        definitions = List.copyOf(definitions);
        tests = Map.copyOf(tests);
        objects = Map.copyOf(objects);
        states = Map.copyOf(states);
        variables = Map.copyOf(variables);
    }

    /**
     * The package names {@code object} stands for: its own name, or every value of the constant variable it
     * references; empty when it names nothing or references a variable the document lacks.
     */
    public List<String> packageNames(PackageObject object) {
        if (object.varRef() != null) {
            return variables.getOrDefault(object.varRef(), List.of());
        }
        return object.name() == null || object.name().isEmpty() ? List.of() : List.of(object.name());
    }

    /**
     * One {@code definition}. Text is trimmed; absent text is {@code ""}.
     *
     * @param definitionClass the {@code class} attribute ({@code patch}, {@code vulnerability}, ...)
     * @param severity        the advisory {@code severity}, verbatim
     * @param issued          the advisory {@code issued} date, else its {@code public_date}, or null
     * @param links           reference URLs, advisory refs, bugs and CVE links in document order, without duplicates
     * @param platforms       the {@code affected/platform} values, in document order
     * @param cves            the advisory {@code cve} texts, in document order
     * @param criteria        the root of the criteria tree, or null when the definition has none
     */
    public record Definition(String id, String definitionClass, String title, String description, String severity,
            Instant issued, List<String> links, List<String> platforms, List<String> cves, Criteria criteria) {
        public Definition {
            links = List.copyOf(links);
            platforms = List.copyOf(platforms);
            cves = List.copyOf(cves);
        }

        /** Every criterion of the criteria tree, nested ones before their parent's own; empty without criteria. */
        public List<Criterion> flatCriteria() {
            List<Criterion> out = new ArrayList<>();
            if (criteria != null) {
                flatten(criteria, out);
            }
            return out;
        }

        private static void flatten(Criteria node, List<Criterion> out) {
            for (Criteria child : node.criterias()) {
                flatten(child, out);
            }
            out.addAll(node.criterions());
        }
    }

    /** A {@code criteria} node: its operator ({@code AND} when absent), child nodes and leaf criteria. */
    public record Criteria(String operator, boolean negate, List<Criteria> criterias, List<Criterion> criterions) {
        public Criteria {
            criterias = List.copyOf(criterias);
            criterions = List.copyOf(criterions);
        }
    }

    /** A {@code criterion}: a test reference with its comment ({@code ""} when absent). */
    public record Criterion(String testRef, String comment, boolean negate) {
    }

    /**
     * A test element such as {@code rpminfo_test}; {@code stateRef} is null for a test without a state ("the package
     * is installed at all").
     */
    public record Test(String id, String kind, String objectRef, String stateRef) {
    }

    /** An object element such as {@code rpminfo_object}: a package name, or a reference to a variable of names. */
    public record PackageObject(String id, String kind, String name, String varRef) {
    }

    /**
     * A state element such as {@code rpminfo_state}. Each value is null when the state does not constrain it; each
     * operation is null when the attribute is absent (OVAL's default is {@code equals}).
     */
    public record PackageState(String id, String kind, String evr, String evrOperation, String arch,
            String archOperation, String version, String versionOperation, String signatureKeyId) {

        /** How {@link #arch()} applies: {@link ArchOp#NONE} without an arch, OVAL's {@code equals} by default. */
        public ArchOp archOp() {
            if (arch == null || arch.isEmpty()) {
                return ArchOp.NONE;
            }
            if (archOperation == null) {
                return ArchOp.EQUALS;
            }
            return switch (archOperation) {
                case "not equal" -> ArchOp.NOT_EQUALS;
                case "pattern match" -> ArchOp.PATTERN_MATCH;
                default -> ArchOp.EQUALS;
            };
        }
    }
}
