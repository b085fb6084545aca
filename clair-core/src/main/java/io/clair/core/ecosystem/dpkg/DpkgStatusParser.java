package io.clair.core.ecosystem.dpkg;

import io.clair.core.scan.ScanException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Splits a dpkg database file ({@code status}, or one file of {@code status.d/}) into {@link DpkgStanza}s, following
 * deb822 as dpkg reads it: {@code Field: value} lines, continuation lines starting with a space or tab, stanzas
 * separated by one or more blank lines; LF or CRLF line ends.
 *
 * <p>A line that is neither a field, a continuation nor blank is a corrupt database, as it is for
 * {@code dpkg-query} (which refuses the whole file): the parse stops with a {@link ScanException} naming the file
 * and line. Stanzas are handed to the consumer as they complete, so a large database is never held whole.
 */
public final class DpkgStatusParser {
    private DpkgStatusParser() {
    }

    /**
     * Parses {@code in}, calling {@code sink} once per stanza in file order.
     *
     * @param path the database's path in the layer, for messages
     * @throws ScanException when a line is malformed
     */
    public static void parse(InputStream in, String path, Consumer<DpkgStanza> sink) throws IOException {
        // Status files are UTF-8 but old maintainers wrote Latin-1 into descriptions: never fail on encoding.
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, decoder));
        TreeMap<String, String> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        String field = null;
        int start = 0;
        int n = 0;
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            n++;
            if (line.isBlank()) {
                if (!fields.isEmpty()) {
                    sink.accept(new DpkgStanza(start, fields));
                    fields.clear();
                }
                field = null;
                continue;
            }
            char first = line.charAt(0);
            if (first == ' ' || first == '\t') {
                if (field == null) {
                    throw malformed(path, n, line, "a continuation line outside any field");
                }
                fields.merge(field, line.strip(), (a, b) -> a + "\n" + b);
                continue;
            }
            int colon = line.indexOf(':');
            String name = colon < 0 ? "" : line.substring(0, colon);
            if (name.isEmpty() || name.chars().anyMatch(Character::isWhitespace)) {
                throw malformed(path, n, line, "not a \"Field: value\" line");
            }
            if (fields.isEmpty()) {
                start = n;
            }
            field = name;
            fields.put(name, line.substring(colon + 1).strip());
        }
        if (!fields.isEmpty()) {
            sink.accept(new DpkgStanza(start, fields));
        }
    }

    private static ScanException malformed(String path, int line, String text, String what) {
        String shown = text.length() > 80 ? text.substring(0, 80) + "..." : text;
        return new ScanException("dpkg: " + path + ": line " + line + ": " + what + ": \"" + shown + "\"");
    }
}
