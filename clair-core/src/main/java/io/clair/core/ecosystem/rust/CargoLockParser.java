package io.clair.core.ecosystem.rust;

import io.clair.core.scan.ScanException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code [[package]]} tables of a {@code Cargo.lock} (lock file versions 1 to 4). Cargo writes these files
 * itself in a fixed shape: one {@code key = value} per line, strings in double quotes, arrays possibly spanning
 * lines. Only that shape is understood: {@code name}, {@code version} and {@code source} of each package; other
 * keys, tables ({@code [metadata]}) and arrays are passed over.
 */
final class CargoLockParser {

    /** One locked package; {@code source} is {@code ""} for workspace members and path dependencies. */
    record Locked(String name, String version, String source) {
    }

    private CargoLockParser() {
    }

    static List<Locked> parse(String text) throws ScanException {
        List<Locked> out = new ArrayList<>();
        Map<String, String> current = null;
        int depth = 0; // open brackets of a multi-line array being skipped
        String[] lines = text.split("\r?\n");
        for (int n = 0; n < lines.length; n++) {
            String line = stripComment(lines[n]).strip();
            if (depth > 0) {
                depth += brackets(line);
                continue;
            }
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("[")) {
                add(out, current);
                current = line.equals("[[package]]") ? new HashMap<>() : null;
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new ScanException("cargo: line " + (n + 1) + " is not key = value: " + abbreviate(line));
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (value.startsWith("[")) {
                depth = brackets(value);
                continue;
            }
            if (current != null && value.startsWith("\"")) {
                current.put(key, unquote(value, n + 1));
            }
        }
        add(out, current);
        return out;
    }

    private static void add(List<Locked> out, Map<String, String> pkg) {
        if (pkg != null && pkg.containsKey("name") && pkg.containsKey("version")) {
            out.add(new Locked(pkg.get("name"), pkg.get("version"), pkg.getOrDefault("source", "")));
        }
    }

    /** Net count of {@code [} minus {@code ]} outside strings. */
    private static int brackets(String s) {
        int d = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '[') {
                d++;
            } else if (!quoted && c == ']') {
                d--;
            }
        }
        return d;
    }

    private static String stripComment(String s) {
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '#' && !quoted) {
                return s.substring(0, i);
            }
        }
        return s;
    }

    /** A TOML basic string; the escapes Cargo can write ({@code \" \\ \n \t \\uXXXX}) are decoded. */
    private static String unquote(String v, int line) throws ScanException {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"') {
                return b.toString();
            }
            if (c == '\\' && i + 1 < v.length()) {
                char e = v.charAt(++i);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'u' -> {
                        if (i + 4 >= v.length()) {
                            throw new ScanException("cargo: line " + line + ": truncated \\u escape");
                        }
                        b.append((char) Integer.parseInt(v.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> b.append(e);
                }
            } else {
                b.append(c);
            }
        }
        throw new ScanException("cargo: line " + line + ": unterminated string");
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
