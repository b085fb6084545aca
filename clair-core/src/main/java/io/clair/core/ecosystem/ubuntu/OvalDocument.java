package io.clair.core.ecosystem.ubuntu;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The parts of an OVAL definitions document that dpkg matching needs, as {@link OvalReader} collects them in one
 * streaming pass: definitions with the test references of their criteria, and the dpkg tests, objects, states and
 * constant variables those references lead to.
 */
record OvalDocument(
        List<Definition> definitions,
        Map<String, DpkgTest> tests,
        Map<String, DpkgObject> objects,
        Map<String, DpkgState> states,
        Map<String, List<String>> variables) {

    /**
     * @param testRefs {@code test_ref} of every criterion in the definition's criteria tree, in document order;
     *                 negated criteria are left out
     * @param links    reference URLs, advisory refs, bugs and CVE links, in document order, without duplicates
     */
    record Definition(String id, String definitionClass, String title, String description, String severity,
            Instant issued, List<String> links, List<String> testRefs) {
    }

    /** A {@code dpkginfo_test}; {@code stateRef} is null for "is installed at all" tests (unfixed packages). */
    record DpkgTest(String id, String objectRef, String stateRef) {
    }

    /** A {@code dpkginfo_object}: either a package name or a reference to a variable listing several. */
    record DpkgObject(String id, String name, String varRef) {
    }

    /**
     * A {@code dpkginfo_state}; {@code evr} is null when the state does not constrain the version.
     *
     * @param evrOperation the OVAL operation on the version, normally {@code less than}
     * @param archOperation the OVAL operation on the architecture, or null
     */
    record DpkgState(String id, String evr, String evrOperation, String arch, String archOperation) {
    }
}
