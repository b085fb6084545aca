package io.clair.core.layer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** GNU tar as the oracle: what {@code tar -tzvf} lists and what {@code tar -xzOf} extracts. */
final class TarOracle {
    private TarOracle() {
    }

    /** One listed entry: the type letter of {@code ls -l}, size as listed, link target or "". */
    record Listed(String path, char type, long size, String link) {
    }

    // -rw-r--r-- 0/0   14206 2024-09-06 11:34 ./lib/apk/db/installed
    private static final Pattern LINE = Pattern.compile(
            "^(\\S)\\S{9}\\s+\\d+/\\d+\\s+(\\d+)\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d (.*)$");

    /** Entries of a gzipped tar, in archive order, paths as listed (for example {@code ./bin/sh}). */
    static List<Listed> list(Path tgz) throws IOException {
        String out = run("tar", "--numeric-owner", "--quoting-style=literal", "-tzvf", tgz.toString());
        List<Listed> result = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw new IllegalStateException("tar oracle: unexpected line: " + line);
            }
            char type = m.group(1).charAt(0);
            String rest = m.group(3);
            String link = "";
            if (type == 'l') {
                int arrow = rest.indexOf(" -> ");
                link = rest.substring(arrow + 4);
                rest = rest.substring(0, arrow);
            } else if (type == 'h') {
                int at = rest.indexOf(" link to ");
                link = rest.substring(at + 9);
                rest = rest.substring(0, at);
            }
            result.add(new Listed(rest, type, Long.parseLong(m.group(2)), link));
        }
        return result;
    }

    /** The content of one member, as {@code tar -xzOf} writes it. */
    static byte[] extract(Path tgz, String member) throws IOException {
        return runBytes("tar", "-xzOf", tgz.toString(), member);
    }

    private static String run(String... cmd) throws IOException {
        return new String(runBytes(cmd), StandardCharsets.UTF_8);
    }

    private static byte[] runBytes(String... cmd) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("LC_ALL", "C.UTF-8");
        pb.environment().put("TZ", "UTC");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("tar oracle: " + String.join(" ", cmd) + " failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return out;
    }
}
