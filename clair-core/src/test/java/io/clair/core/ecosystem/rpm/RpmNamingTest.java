package io.clair.core.ecosystem.rpm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The naming rules claircore applies to rpm packages, on the shapes the shared databases do not have (epochs on a
 * source, short labels, odd SOURCERPM values); the databases themselves are compared with rpm in the other tests.
 */
class RpmNamingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0|2.32.1|42.el8_8|2.32.1-42.el8_8",
            "1|10.21.0|3.module_el8.2.0+391+8da3adc6|1:10.21.0-3.module_el8.2.0+391+8da3adc6",
            "4294967295|1|1|4294967295:1-1"})
    void versionCarriesTheEpochOnlyWhenItIsNotZero(long epoch, String version, String release, String want) {
        assertThat(new RpmPackageInfo("p", epoch, version, release, "x86_64", "", "").evr()).isEqualTo(want);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "container-tools:rhel8:8020020200507003530:0d58ad57|container-tools:rhel8",
            "nodejs:10:8020020200707141642|nodejs:10",
            "nodejs:10|''",
            "nodejs|''",
            "''|''"})
    void moduleIsTheLabelUpToItsSecondColon(String label, String want) {
        assertThat(new RpmPackageInfo("p", 0, "1", "1", "noarch", "", label).moduleStream()).isEqualTo(want);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "util-linux-2.32.1-42.el8_8.src.rpm|util-linux|2.32.1-42.el8_8",
            "python-rpm-macros-3-39.el8.src.rpm|python-rpm-macros|3-39.el8",
            "kernel-5.14.0-1.nosrc.rpm|kernel|5.14.0-1",
            "hello-2.0-1.src.rpm|hello|2.0-1"})
    void sourceNameAndVersionAreCutAtTheLastTwoHyphens(String file, String name, String version) {
        assertThat(SourceRpm.parse(file)).contains(new SourceRpm(name, version));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"(none)", "''", "hello.src.rpm", "hello-1.src.rpm", "-1-1.src.rpm",
            "hello-1-.src.rpm", "hello--1.src.rpm"})
    void sourceRpmWithoutNameVersionReleaseHasNoSource(String file) {
        assertThat(SourceRpm.parse(file)).isEqualTo(Optional.empty());
    }
}
