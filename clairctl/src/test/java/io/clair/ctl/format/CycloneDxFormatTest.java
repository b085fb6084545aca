package io.clair.ctl.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.clair.ctl.report.ExitPolicy;
import io.clair.ctl.report.ReportView;
import io.clair.ctl.report.SampleReports;
import io.clair.ctl.report.Suppressions;
import io.clair.core.vuln.Severity;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cyclonedx.Version;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.vulnerability.Vulnerability;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;

/** The BOM validates against CycloneDX 1.6 and parses back, with purls, affects and ratings. */
class CycloneDxFormatTest {

    @Test
    void theBomValidatesAndParsesBackWithComponentsAndVulnerabilities() throws Exception {
        Suppressions s = Suppressions.of(List.of(new Suppressions.Entry("CVE-2005-2541", null, "no untrusted tars",
                LocalDate.of(2030, 1, 1))), LocalDate.of(2025, 1, 1));
        ReportView v = ReportView.of(SampleReports.image(), Severity.Unknown, s, new ExitPolicy(Severity.High));
        byte[] json = Formats.write(new CycloneDxFormat("1.0"), v).getBytes(StandardCharsets.UTF_8);
        JsonParser parser = new JsonParser();
        assertThat(parser.validate(json, Version.VERSION_16)).isEmpty();
        Bom bom = parser.parse(json);

        assertThat(bom.getSpecVersion()).isEqualTo("1.6");
        assertThat(bom.getMetadata().getComponent().getType()).isEqualTo(Component.Type.CONTAINER);
        assertThat(bom.getMetadata().getComponent().getName()).isEqualTo(SampleReports.REFERENCE);
        assertThat(bom.getMetadata().getComponent().getVersion()).isEqualTo(SampleReports.DIGEST);
        assertThat(bom.getMetadata().getProperties()).anySatisfy(p -> {
            assertThat(p.getName()).isEqualTo("clairctl:suppressedFindings");
            assertThat(p.getValue()).isEqualTo("1");
        });
        Map<String, String> purls = bom.getComponents().stream().filter(c -> c.getType() == Component.Type.LIBRARY)
                .collect(Collectors.toMap(Component::getName, Component::getPurl));
        assertThat(purls).containsOnlyKeys("openssl", "libssl3", "zlib1g", "bash", "tar", "requests");
        assertThat(purls.get("openssl")).isEqualTo("pkg:deb/debian/openssl@3.0.11-1~deb12u1?arch=amd64&distro=debian-12");
        assertThat(purls.get("zlib1g")).startsWith("pkg:deb/debian/zlib1g@1").contains("1.2.13.dfsg-1");
        assertThat(purls.get("requests")).isEqualTo("pkg:pypi/requests@2.25.0");
        assertThat(bom.getComponents()).filteredOn(c -> c.getType() == Component.Type.OPERATING_SYSTEM)
                .singleElement().satisfies(c -> {
                    assertThat(c.getName()).isEqualTo("debian");
                    assertThat(c.getVersion()).isEqualTo("12");
                });

        Map<String, Vulnerability> vulns = bom.getVulnerabilities().stream()
                .collect(Collectors.toMap(Vulnerability::getId, x -> x));
        assertThat(vulns).containsOnlyKeys("CVE-2024-0001", "CVE-2023-45853", "GHSA-j8r2-6x86-q33q",
                "CVE-2023-0002");
        Vulnerability critical = vulns.get("CVE-2024-0001");
        assertThat(critical.getAffects()).extracting(Vulnerability.Affect::getRef).containsExactlyInAnyOrder(
                refOf(bom, "libssl3"), refOf(bom, "openssl"));
        assertThat(critical.getRatings()).singleElement().satisfies(r -> {
            assertThat(r.getSeverity()).isEqualTo(Vulnerability.Rating.Severity.CRITICAL);
            assertThat(r.getSource().getName()).isEqualTo("debian-bookworm-updater");
        });
        assertThat(critical.getRecommendation()).isEqualTo("upgrade libssl3 to 3.0.13-1; upgrade openssl to 3.0.13-1");
        assertThat(critical.getAdvisories()).extracting(Vulnerability.Advisory::getUrl).containsExactly(
                "https://security-tracker.debian.org/tracker/CVE-2024-0001", "https://www.openssl.org/news");
        assertThat(vulns.get("GHSA-j8r2-6x86-q33q").getRecommendation()).isEqualTo("upgrade requests to 2.31.0");
        assertThat(vulns.get("CVE-2023-45853").getRecommendation()).isNull();
    }

    @Test
    void aScannersOwnPurlIsKept() throws Exception {
        var image = new io.clair.ctl.report.ImageReport(SampleReports.REFERENCE, SampleReports.report(), "{}", null,
                Map.of("6", "pkg:pypi/requests@2.25.0?file_name=requests-2.25.0-py2.py3-none-any.whl"));
        ReportView v = ReportView.of(image, Severity.Unknown, Suppressions.none(), ExitPolicy.NEVER);
        Bom bom = new JsonParser().parse(Formats.write(new CycloneDxFormat("1.0"), v)
                .getBytes(StandardCharsets.UTF_8));
        assertThat(bom.getComponents()).filteredOn(c -> "requests".equals(c.getName())).singleElement()
                .satisfies(c -> assertThat(c.getPurl()).isEqualTo(
                        "pkg:pypi/requests@2.25.0?file_name=requests-2.25.0-py2.py3-none-any.whl"));
    }

    @Test
    void languagePurlsFollowTheRepository() {
        var jar = new io.clair.api.v4.PackageDto("1", "org.apache.logging.log4j:log4j-core", "2.14.1", "binary",
                null, "", null, null, "");
        var mod = new io.clair.api.v4.PackageDto("2", "golang.org/x/net", "v0.17.0", "binary", null, "", null, null,
                "");
        var scoped = new io.clair.api.v4.PackageDto("3", "@babel/core", "7.22.0", "binary", null, "", null, null,
                "");
        assertThat(Purls.of(jar, null, "app.jar", List.of("maven")))
                .isEqualTo("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
        assertThat(Purls.of(mod, null, "app", List.of("go"))).isEqualTo("pkg:golang/golang.org/x/net@v0.17.0");
        assertThat(Purls.of(scoped, null, "package.json", List.of("npm"))).isEqualTo("pkg:npm/%40babel/core@7.22.0");
    }

    @Test
    void purlsFollowTheDistribution() {
        var alpine = new io.clair.api.v4.DistributionDto("1", "alpine", "Alpine Linux", "3.20", "", "3.20.3", "",
                "", "Alpine Linux v3.20");
        var rhel = new io.clair.api.v4.DistributionDto("1", "rhel", "Red Hat Enterprise Linux Server", "9", "", "9",
                "", "", "");
        var musl = new io.clair.api.v4.PackageDto("1", "musl", "1.2.5-r0", "binary", null, "", null, "x86_64", "");
        var bind = new io.clair.api.v4.PackageDto("2", "bind-libs", "32:9.16.23-18.el9_4.6", "binary", null, "", null,
                "x86_64", "");
        assertThat(Purls.of(musl, alpine, "lib/apk/db/installed"))
                .isEqualTo("pkg:apk/alpine/musl@1.2.5-r0?arch=x86_64&distro=alpine-3.20.3");
        assertThat(Purls.of(bind, rhel, "sqlite:var/lib/rpm"))
                .isEqualTo("pkg:rpm/rhel/bind-libs@9.16.23-18.el9_4.6?arch=x86_64&distro=rhel-9&epoch=32");
        assertThat(Purls.of(musl, null, "lib/apk/db/installed")).isEqualTo("pkg:apk/musl@1.2.5-r0?arch=x86_64");
    }

    private static String refOf(Bom bom, String name) {
        return bom.getComponents().stream().filter(c -> name.equals(c.getName())).findFirst().orElseThrow()
                .getBomRef();
    }
}
