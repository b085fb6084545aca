package io.clair.core.enrich.cvss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clair.core.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * claircore's CVSS vector lists ({@code enrichment/v*_score.list}, {@code v*_error.list}) through {@link CvssVector}:
 * scores from cvss-calculator, syntax from our grammar. A score line's number is the most specific score the vector
 * defines (environmental, else temporal, else base), as claircore's toolkit computes it.
 */
class CvssVectorTest {

    /** {@code vector score # comment} lines. */
    static Stream<Arguments> scores() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (String list : List.of("v2_score.list", "v30_score.list", "v31_score.list")) {
            for (String[] l : lines(list)) {
                out.add(Arguments.of(list, l[0], Double.parseDouble(l[1])));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("scores")
    void scoresMatchTheList(String list, String vector, double expected) {
        CvssVector v = CvssVector.parse(vector);
        assertThat(v.vector()).isEqualTo(vector);
        if (v.environmentalMetrics() && v.version() == CvssVector.Version.V2) {
            // cvss-calculator has no CVSS v2 environmental equations: the vector is valid, the score is not given.
            assertThat(v.score()).as("v2 environmental score").isEmpty();
            return;
        }
        assertThat(v.score()).isEqualTo(OptionalDouble.of(expected));
    }

    @Test
    void everyListedScoreIsCheckedExceptTheV2EnvironmentalOnes() throws IOException {
        long v2Env = lines("v2_score.list").stream().filter(l -> l[0].contains("CDP:")).count();
        assertThat(v2Env).isEqualTo(6);
        assertThat(scores().count()).isEqualTo(12 + 32 + 35);
    }

    @Test
    void baseAndTemporalScoresOfTheV2EnvironmentalVectorsAreStillComputed() {
        CvssVector v = CvssVector.parse("AV:N/AC:L/Au:N/C:N/I:N/A:C/E:F/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:H");
        assertThat(v.baseScore()).isEqualTo(7.8);
        assertThat(v.temporalScore()).isEqualTo(OptionalDouble.of(6.4));
        assertThat(v.environmentalScore()).isEmpty();
    }

    /** {@code vector #OK} must parse; any other line must be rejected. */
    static Stream<Arguments> errors() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (String list : List.of("v2_error.list", "v3_error.list", "v4_error.list")) {
            for (String raw : Files.readAllLines(TestData.path("enrichment/" + list))) {
                if (!raw.isBlank() && !raw.startsWith("#")) {
                    out.add(Arguments.of(list, raw.replace("#OK", "").trim(), raw.contains("#OK")));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {1} ok={2}")
    @MethodSource("errors")
    void malformedVectorsAreRejectedNamingTheVector(String list, String vector, boolean ok) {
        if (list.startsWith("v4") && vector.startsWith("CVSS:4.0/")) {
            // v4 vectors, valid or not, are beyond cvss-calculator 1.4.3: rejected as unsupported, never mis-scored.
            assertThatThrownBy(() -> CvssVector.parse(vector)).hasMessageContaining("CVSS v4.0 is not supported");
            return;
        }
        if (list.startsWith("v4") && vector.startsWith("CVSS:3.1/")) {
            // An error for claircore's v4 parser only because it is a v3.1 vector, which it is here.
            assertThat(CvssVector.parse(vector).version()).isEqualTo(CvssVector.Version.V3_1);
            return;
        }
        if (ok) {
            assertThat(CvssVector.parse(vector).vector()).isEqualTo(vector);
            return;
        }
        assertThatThrownBy(() -> CvssVector.parse(vector)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cvss: ").hasMessageContaining(vector);
    }

    @Test
    void v4VectorsAreUnsupportedNotMisread() throws IOException {
        List<String[]> v4 = lines("v4_score.list");
        assertThat(v4).hasSizeGreaterThan(30);
        for (String[] l : v4) {
            assertThatThrownBy(() -> CvssVector.parse(l[0])).as(l[0])
                    .hasMessageContaining("CVSS v4.0 is not supported");
        }
    }

    @Test
    void specificMistakesGetSpecificMessages() {
        assertThatThrownBy(() -> CvssVector.parse("AV:A/AC:L/Au:N/A:C/I:C/C:C"))
                .hasMessageContaining("expected metric C but found A");
        assertThatThrownBy(() -> CvssVector.parse("CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:N/I:N/A:N/AV:N"))
                .hasMessageContaining("metric AV appears twice");
        assertThatThrownBy(() -> CvssVector.parse("CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:N/I:N"))
                .hasMessageContaining("missing base metric A");
        assertThatThrownBy(() -> CvssVector.parse("CVSS:3.3")).hasMessageContaining("unknown version prefix");
        assertThatThrownBy(() -> CvssVector.parse("AV:L/AC:H/Au:N/C:C/I:C/A:"))
                .hasMessageContaining("is not METRIC:VALUE");
    }

    @Test
    void v3MetricsMayComeInAnyOrder() {
        CvssVector v = CvssVector.parse("CVSS:3.1/A:H/I:H/C:H/S:U/UI:N/PR:N/AC:L/AV:N");
        assertThat(v.baseScore()).isEqualTo(9.8);
        assertThat(v.version()).isEqualTo(CvssVector.Version.V3_1);
    }

    private static List<String[]> lines(String list) throws IOException {
        List<String[]> out = new ArrayList<>();
        for (String raw : Files.readAllLines(TestData.path("enrichment/" + list))) {
            String line = raw.contains("#") ? raw.substring(0, raw.indexOf('#')).trim() : raw.trim();
            if (!line.isEmpty()) {
                out.add(line.split("\\s+"));
            }
        }
        return out;
    }
}
