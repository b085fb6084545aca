package io.clair.core.ecosystem.osv;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.clair.core.ecosystem.osv.OsvRanges.Interval;
import io.clair.core.vuln.Severity;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class OsvRangesAndSeverityTest {

    private static JsonNode json(String s) throws IOException {
        return OsvTestArchives.JSON.readTree(s);
    }

    @Test
    void eventsSplitIntoIntervals() throws IOException {
        assertThat(OsvRanges.intervals(json("[{\"introduced\":\"0\"},{\"fixed\":\"1.2.7\"},"
                + "{\"introduced\":\"1.3\"},{\"fixed\":\"1.3.1\"},{\"introduced\":\"2.0\"}]")))
                .containsExactly(new Interval("0", "1.2.7", null, null), new Interval("1.3", "1.3.1", null, null),
                        new Interval("2.0", null, null, null));
        assertThat(OsvRanges.intervals(json("[{\"introduced\":\"1.0\"},{\"limit\":\"*\"}]")))
                .containsExactly(new Interval("1.0", null, null, "*"));
    }

    @Test
    void encodingFollowsGoUrlValues() {
        assertThat(OsvRanges.encode(new Interval("0", "1.2.7", null, null))).isEqualTo("fixed=1.2.7");
        assertThat(OsvRanges.encode(new Interval("1.2", null, "1.2.27", null)))
                .isEqualTo("introduced=1.2&lastAffected=1.2.27");
        assertThat(OsvRanges.encode(new Interval("0", null, null, "*"))).isEmpty();
        assertThat(OsvRanges.encode(new Interval("1.0 beta", "2.0+build", null, "3~x")))
                .isEqualTo("fixed=2.0%2Bbuild&introduced=1.0+beta&limit=3~x");
    }

    @Test
    void cvssV3IsPreferredAndScoredOnNvdsScale() throws IOException {
        JsonNode both = json("{\"severity\":[{\"type\":\"CVSS_V2\",\"score\":\"AV:N/AC:L/Au:N/C:P/I:P/A:P\"},"
                + "{\"type\":\"CVSS_V3\",\"score\":\"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N\"}],"
                + "\"database_specific\":{\"severity\":\"LOW\"}}");
        assertThat(OsvSeverity.of(both)).isEqualTo(new OsvSeverity.Rating(
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", Severity.High));
        // v2 7.5 is High: NVD's v2 scale stops there.
        assertThat(OsvSeverity.score("AV:N/AC:L/Au:N/C:P/I:P/A:P")).isEqualTo(Severity.High);
        assertThat(OsvSeverity.score("AV:N/AC:L/Au:N/C:C/I:C/A:C")).isEqualTo(Severity.High);
        assertThat(OsvSeverity.score("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")).isEqualTo(Severity.Critical);
        assertThat(OsvSeverity.score("garbage")).isNull();
    }

    @Test
    void databaseRatingWhenNoVectorScores() throws IOException {
        assertThat(OsvSeverity.of(json("{\"database_specific\":{\"severity\":\"MODERATE\"}}")))
                .isEqualTo(new OsvSeverity.Rating("MODERATE", Severity.Medium));
        String v4 = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N";
        assertThat(OsvSeverity.of(json("{\"severity\":[{\"type\":\"CVSS_V4\",\"score\":\"" + v4 + "\"}],"
                + "\"database_specific\":{\"severity\":\"HIGH\"}}")))
                .isEqualTo(new OsvSeverity.Rating("HIGH", Severity.High));
        assertThat(OsvSeverity.of(json("{\"severity\":[{\"type\":\"CVSS_V4\",\"score\":\"" + v4 + "\"}]}")))
                .isEqualTo(new OsvSeverity.Rating(v4, Severity.Unknown));
        assertThat(OsvSeverity.of(json("{}"))).isEqualTo(OsvSeverity.Rating.NONE);
    }
}
