package io.clair.core.osrelease;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses os-release(5) text: {@code KEY=value} lines with shell-like quoting, {@code #} comments and blank lines.
 *
 * <p>Values follow the shell rules the manual page asks for: inside single quotes nothing is special (so
 * {@code 'it'\''s'} is {@code it's}); inside double quotes a backslash escapes only {@code " \ $ `}; outside quotes
 * a backslash escapes any character. Adjacent quoted and unquoted parts are concatenated as a shell would. Beyond
 * the manual page, and like claircore and systemd, the parser tolerates what real images contain: indented lines,
 * CRLF line ends, an {@code export} prefix, empty values, trailing {@code # comments} after a value, and unquoted
 * values with spaces (kept whole). A line that is not an assignment at all is skipped and reported in
 * {@link OsRelease#malformed()}; it never aborts the parse.
 */
public final class OsReleaseParser {
    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern EXPORT = Pattern.compile("^export\\s+");

    private OsReleaseParser() {
    }

    /** Parses the whole content of one file. */
    public static OsRelease parse(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> malformed = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            line = EXPORT.matcher(line).replaceFirst("");
            int eq = line.indexOf('=');
            String key = eq < 0 ? "" : line.substring(0, eq).strip();
            if (!KEY.matcher(key).matches()) {
                malformed.add("line " + (n + 1) + ": " + lines[n].strip());
                continue;
            }
            fields.put(key, unquote(line.substring(eq + 1).strip()));
        }
        return new OsRelease(fields, malformed);
    }

    /** Removes shell quoting from one value; an unterminated quote runs to the end of the line. */
    static String unquote(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\'') {
                int end = s.indexOf('\'', i + 1);
                out.append(s, i + 1, end < 0 ? s.length() : end);
                i = end < 0 ? s.length() : end + 1;
            } else if (c == '"') {
                i = doubleQuoted(s, i + 1, out);
            } else if (c == '\\' && i + 1 < s.length()) {
                out.append(s.charAt(i + 1));
                i += 2;
            } else if (Character.isWhitespace(c) && isCommentOrEnd(s, i)) {
                break;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Appends a double-quoted part starting after its opening quote; returns the index after the closing one. */
    private static int doubleQuoted(String s, int i, StringBuilder out) {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < s.length() && "\"\\$`".indexOf(s.charAt(i + 1)) >= 0) {
                out.append(s.charAt(i + 1));
                i += 2;
            } else {
                out.append(c);
                i++;
            }
        }
        return i;
    }

    /** An unquoted blank ends the value only when nothing but a comment follows it. */
    private static boolean isCommentOrEnd(String s, int i) {
        String rest = s.substring(i).strip();
        return rest.isEmpty() || rest.startsWith("#");
    }
}
