package io.clair.core.ecosystem.apk;

import io.clair.core.scan.ScanException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Splits apk's installed database ({@code lib/apk/db/installed}) into {@link ApkRecord}s. The database is a list of
 * records separated by blank lines, each line {@code X:value} with a one-letter, case-sensitive key; only the keys
 * in {@link ApkRecord} are kept. Any other line shape means the file is not an apk database, which raises a
 * {@link ScanException} naming the file and line.
 */
public final class ApkInstalledParser {
    private ApkInstalledParser() {
    }

    /** Parses {@code in}, calling {@code sink} once per record in file order. */
    public static void parse(InputStream in, String path, Consumer<ApkRecord> sink) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, decoder));
        Builder b = null;
        int n = 0;
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            n++;
            if (line.isBlank()) {
                if (b != null) {
                    sink.accept(b.build());
                    b = null;
                }
                continue;
            }
            if (line.length() < 2 || line.charAt(1) != ':') {
                String shown = line.length() > 80 ? line.substring(0, 80) + "..." : line;
                throw new ScanException("apk: " + path + ": line " + n + ": not a \"X:value\" line: \"" + shown + "\"");
            }
            if (b == null) {
                b = new Builder(n);
            }
            b.set(line.charAt(0), line.substring(2).strip());
        }
        if (b != null) {
            sink.accept(b.build());
        }
    }

    private static final class Builder {
        private final int line;
        private String name = "";
        private String version = "";
        private String arch = "";
        private String origin = "";
        private String commit = "";

        Builder(int line) {
            this.line = line;
        }

        void set(char key, String value) {
            switch (key) {
                case 'P' -> name = value;
                case 'V' -> version = value;
                case 'A' -> arch = value;
                case 'o' -> origin = value;
                case 'c' -> commit = value;
                default -> {
                    // file lists, checksums, dependencies, ...: not needed for vulnerability matching
                }
            }
        }

        ApkRecord build() {
            return new ApkRecord(line, name, version, arch, origin, commit);
        }
    }
}
