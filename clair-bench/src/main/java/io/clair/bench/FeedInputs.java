package io.clair.bench;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Feed files far larger than the real excerpts the project keeps, made from those excerpts: the real documents
 * repeated with new identifiers, so that every copy is distinct, valid data of the real shape. They show how the
 * parsers behave on inputs the size of the real feeds (Oracle's yearly ELSA files reach tens of megabytes, Red Hat's
 * VEX archive is gigabytes once decompressed) without downloading them.
 */
final class FeedInputs {
    private static final Pattern ORACLE_ID = Pattern.compile("(oval:com\\.oracle\\.elsa:(?:def|tst|obj|ste):)(\\d+)");
    private static final Pattern CVE_ID = Pattern.compile("CVE-\\d{4}-\\d{4,}");
    private static final Pattern ELSA_ID = Pattern.compile("ELSA-\\d{4}-\\d{4}");

    private FeedInputs() {
    }

    /**
     * An ELSA OVAL document of about {@code megabytes} made of copies of {@code elsa}'s definition, tests, objects and
     * states; copy {@code i} has every OVAL id suffixed with {@code i}.
     *
     * @return the number of copies
     */
    static int scaledOval(Path elsa, Path out, int megabytes) throws IOException {
        String s = Files.readString(elsa);
        String defs = between(s, "<definitions>", "</definitions>");
        String tests = between(s, "<tests>", "</tests>");
        String objects = between(s, "<objects>", "</objects>");
        String states = between(s, "<states>", "</states>");
        int copies = Math.max(1, (int) ((long) megabytes * 1_000_000 / s.length()));
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write(s, 0, s.indexOf("<definitions>") + "<definitions>".length());
            String[][] parts = {{defs, "</definitions>\n<tests>"}, {tests, "</tests>\n<objects>"},
                {objects, "</objects>\n<states>"}, {states, "</states>\n</oval_definitions>\n"}};
            for (int p = 0; p < parts.length; p++) {
                for (int i = 0; i < copies; i++) {
                    String copy = ORACLE_ID.matcher(parts[p][0]).replaceAll("$1$2" + String.format("%07d", i));
                    // a distinct advisory name per copy, so that no two copies give the same record
                    w.write(p == 0 ? ELSA_ID.matcher(copy).replaceAll("ELSA-9999-" + i) : copy);
                }
                w.write(parts[p][1]);
            }
        }
        return copies;
    }

    /**
     * A VEX bulk archive ({@code tar.zst}, paths {@code <year>/cve-<year>-<n>.json}) of {@code copies} documents,
     * cycling through {@code docs}; copy {@code i} is renamed to CVE-2099-(1000000+i) everywhere in its text.
     */
    static void scaledVexArchive(List<Path> docs, Path out, int copies) throws IOException {
        try (OutputStream f = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16);
                ZstdOutputStream z = new ZstdOutputStream(f, 3);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(z)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            String[] texts = new String[docs.size()];
            for (int i = 0; i < docs.size(); i++) {
                texts[i] = Files.readString(docs.get(i));
            }
            for (int i = 0; i < copies; i++) {
                String id = "CVE-2099-" + (1_000_000 + i);
                byte[] b = CVE_ID.matcher(texts[i % texts.length]).replaceAll(id).getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry e = new TarArchiveEntry("2099/" + id.toLowerCase() + ".json");
                e.setSize(b.length);
                tar.putArchiveEntry(e);
                tar.write(b);
                tar.closeArchiveEntry();
            }
        }
    }

    private static String between(String s, String open, String close) {
        int a = s.indexOf(open);
        int b = s.indexOf(close, a);
        if (a < 0 || b < 0) {
            throw new IllegalArgumentException("bench: no " + open + " section");
        }
        return s.substring(a + open.length(), b);
    }
}
