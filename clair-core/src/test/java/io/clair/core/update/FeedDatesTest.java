package io.clair.core.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The zone-less date forms the feeds write, each read as UTC. */
class FeedDatesTest {
    @Test
    void theFormsFeedsWrite() {
        assertThat(FeedDates.utc("2015-06-11")).isEqualTo(Instant.parse("2015-06-11T00:00:00Z"));
        assertThat(FeedDates.utc("2024-03-12 10:01:02 UTC")).isEqualTo(Instant.parse("2024-03-12T10:01:02Z"));
        assertThat(FeedDates.utc("2018-01-11 21:05")).isEqualTo(Instant.parse("2018-01-11T21:05:00Z"));
        assertThat(FeedDates.utc(" 2023-02-17T20:41:00 ")).isEqualTo(Instant.parse("2023-02-17T20:41:00Z"));
    }

    @Test
    void whatIsNoDate() {
        assertThat(FeedDates.utc(null)).isNull();
        assertThat(FeedDates.utc("unknown")).isNull();
        assertThat(FeedDates.utc("2023-02-30")).isNull();
    }
}
