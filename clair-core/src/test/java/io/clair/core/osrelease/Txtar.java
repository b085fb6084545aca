package io.clair.core.osrelease;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the txtar archives claircore keeps test cases in: {@code -- name --} lines start each file. */
final class Txtar {
    private static final Pattern MARKER = Pattern.compile("(?m)^-- (.+?) --$\\n?");

    private Txtar() {
    }

    /** File name to content, in archive order; the comment before the first marker is dropped. */
    static Map<String, String> parse(String text) {
        Map<String, String> files = new LinkedHashMap<>();
        Matcher m = MARKER.matcher(text);
        String name = null;
        int start = 0;
        while (m.find()) {
            if (name != null) {
                files.put(name, text.substring(start, m.start()));
            }
            name = m.group(1);
            start = m.end();
        }
        if (name != null) {
            files.put(name, text.substring(start));
        }
        return files;
    }
}
