package io.clair.core.update;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Advisory dates as feeds write them without a zone, read as UTC: {@code 2015-06-11}, {@code 2018-01-11 21:05}
 * (ALAS), {@code 2024-03-12 10:00:00 UTC} (Canonical), ISO {@code 2023-02-17T20:41:00}. Anything after the time is
 * ignored; text that does not start with a date is no date.
 */
public final class FeedDates {
    private static final Pattern DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(?:[ T](\\d{2}:\\d{2})(:\\d{2})?)?.*");

    private FeedDates() {
    }

    /** The instant {@code s} names, or null when it is absent or not a date. */
    public static Instant utc(String s) {
        if (s == null) {
            return null;
        }
        Matcher m = DATE.matcher(s.trim());
        if (!m.matches()) {
            return null;
        }
        try {
            if (m.group(2) == null) {
                return LocalDate.parse(m.group(1)).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            String time = m.group(2) + (m.group(3) == null ? ":00" : m.group(3));
            return LocalDateTime.parse(m.group(1) + "T" + time).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
