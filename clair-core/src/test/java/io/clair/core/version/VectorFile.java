package io.clair.core.version;

import io.clair.core.testing.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/** Lines of a shared upstream vector file, each with its file and line number for test display names. */
public final class VectorFile {
    private VectorFile() {
    }

    /** One non-blank line. */
    public record Line(String file, int number, String text) {
        /** {@code file:line  text}, the display name of a test built from this line. */
        public String name() {
            return file + ":" + number + "  " + text.strip();
        }

        /** The whitespace-separated fields. */
        public String[] fields() {
            return text.strip().split("\\s+");
        }
    }

    /** The non-blank lines of {@code relative} (under the shared testdata), skipping those starting with {@code #}. */
    public static List<Line> lines(String relative) {
        try {
            List<String> all = Files.readAllLines(TestData.path(relative), StandardCharsets.UTF_8);
            List<Line> out = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                String l = all.get(i);
                if (!l.isBlank() && !l.startsWith("#")) {
                    out.add(new Line(relative, i + 1, l));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The expected sign of {@code compare(a, b)} for an operator written {@code <}, {@code =}/{@code ==} or {@code >}. */
    public static int sign(String op) {
        switch (op) {
            case "<":
                return -1;
            case "=":
            case "==":
                return 0;
            case ">":
                return 1;
            default:
                throw new IllegalArgumentException("vector: unknown operator " + op);
        }
    }

    /** The operator for a sign. */
    public static String op(int sign) {
        return sign < 0 ? "<" : sign > 0 ? ">" : "=";
    }
}
