package io.clair.core.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Rules that keep the core a framework-free library with independent ecosystems (DESIGN.md sections 1 and 3). */
class ArchitectureTest {
    /** Distribution ecosystems a package-format ecosystem (dpkg, apk, rpm) may wire in. */
    private static final Set<String> DISTRIBUTIONS = Set.of("debian", "ubuntu", "alpine", "rhel", "oracle", "suse",
            "photon", "aws", "wolfi");
    private static final Set<String> PACKAGE_FORMATS = Set.of("dpkg", "apk", "rpm");

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.clair.core");
    }

    @Test
    void coreIsFrameworkFree() {
        ArchRule rule = noClasses().should().dependOnClassesThat().resideInAnyPackage("io.quarkus..",
                "jakarta.enterprise..", "jakarta.ws.rs..", "jakarta.inject..", "org.eclipse.microprofile..")
                .because("clair-core is a plain Java library any JVM application can embed");
        rule.check(core);
    }

    @Test
    void versionSchemesDependOnNothingElseInCore() {
        ArchRule rule = noClasses().that().resideInAPackage("io.clair.core.version..").should().dependOnClassesThat()
                .resideInAnyPackage("io.clair.core.index..", "io.clair.core.vuln..", "io.clair.core.layer..",
                        "io.clair.core.scan..", "io.clair.core.match..", "io.clair.core.update..",
                        "io.clair.core.store..", "io.clair.core.ecosystem..", "io.clair.core.plugin..")
                .because("version comparison is a leaf every other part uses");
        rule.check(core);
    }

    @Test
    void onlyStoresAndRpmSqliteReaderTouchJdbc() {
        ArchRule rule = noClasses().that().resideOutsideOfPackages("io.clair.core.store.jdbc..",
                "io.clair.core.ecosystem.rpm..").should().dependOnClassesThat().resideInAPackage("java.sql..")
                .because("persistence goes through the stores; rpm's SQLite database is read over JDBC");
        rule.check(core);
    }

    @Test
    void ecosystemsAreIndependentExceptPackageFormatsWiringTheirDistributions() {
        ArchRule rule = slices().matching("io.clair.core.ecosystem.(*)..").should().notDependOnEachOther()
                .ignoreDependency(packageFormat(), distribution())
                .because("adding an ecosystem is one package; only dpkg/apk/rpm pull in the distributions "
                        + "whose packages they read");
        rule.allowEmptyShould(true).check(core);
    }

    private static DescribedPredicate<JavaClass> packageFormat() {
        return DescribedPredicate.describe("a package-format ecosystem", c -> PACKAGE_FORMATS.contains(ecosystem(c)));
    }

    private static DescribedPredicate<JavaClass> distribution() {
        return DescribedPredicate.describe("a distribution ecosystem", c -> DISTRIBUTIONS.contains(ecosystem(c)));
    }

    private static String ecosystem(JavaClass c) {
        String p = c.getPackageName();
        String prefix = "io.clair.core.ecosystem.";
        if (!p.startsWith(prefix)) {
            return "";
        }
        String rest = p.substring(prefix.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
