package io.clair.core.ecosystem.rhel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The entries of Red Hat's {@code changes.csv} and {@code deletions.csv} ({@code "2023/cve-2023-0030.json","2023-12-05T15:28:00+00:00"}:
 * a document path and when it changed or was deleted) that matter for one run: those at or after {@code since}, one
 * per document, the newest action winning when a document was both changed and deleted.
 */
final class VexChangeList {
    /** Red Hat's VEX data starts in earnest here; older documents are not read, as in claircore. */
    static final int LOOK_BACK_TO_YEAR = 2014;
    private static final Pattern PATH = Pattern.compile("(\\d{4})/(cve-\\d{4}-\\d{4,})\\.json");

    /** One document to fetch or drop. */
    record Entry(String path, String cve, Instant time, boolean deleted) {
    }

    private final Instant since;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private Instant newest;

    VexChangeList(Instant since) {
        this.since = since;
        this.newest = since;
    }

    /** Reads one of the two files; {@code deleted} tells which. */
    void read(InputStream in, String file, boolean deleted) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != 2) {
                throw new IOException("rhel-vex: " + file + " line " + n + ": want 2 fields, got " + f.length);
            }
            String path = unquote(f[0]);
            Instant time;
            try {
                time = OffsetDateTime.parse(unquote(f[1])).toInstant();
            } catch (DateTimeParseException e) {
                throw new IOException("rhel-vex: " + file + " line " + n + ": bad time \"" + unquote(f[1]) + "\"", e);
            }
            if (time.isAfter(newest)) {
                newest = time;
            }
            Optional<String> cve = cve(path);
            if (time.isBefore(since) || cve.isEmpty() || year(path) < LOOK_BACK_TO_YEAR) {
                continue;
            }
            Entry prev = entries.get(cve.get());
            if (prev == null || !time.isBefore(prev.time())) {
                entries.put(cve.get(), new Entry(path, cve.get(), time, deleted));
            }
        }
    }

    Map<String, Entry> entries() {
        return entries;
    }

    /** The latest time either file mentions, or {@code since}: where the next run starts. */
    Instant newest() {
        return newest;
    }

    /** The CVE id ({@code CVE-2023-0030}) of a document path ({@code 2023/cve-2023-0030.json}). */
    static Optional<String> cve(String path) {
        Matcher m = PATH.matcher(path);
        return m.matches() ? Optional.of(m.group(2).toUpperCase(Locale.ROOT)) : Optional.empty();
    }

    static int year(String path) {
        Matcher m = PATH.matcher(path);
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static String unquote(String s) {
        String t = s.trim();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }
}
