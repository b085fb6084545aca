package io.clair.core.image;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Writes tar archives for archive-format tests. */
final class TarFixtures {
    private TarFixtures() {
    }

    /** Writes {@code entries} (name to {@code byte[]} content or a {@link Path} to copy) in iteration order. */
    static void write(Path out, Map<String, Object> entries) throws IOException {
        try (OutputStream os = Files.newOutputStream(out);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(os)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (var e : entries.entrySet()) {
                byte[] content = e.getValue() instanceof Path p ? Files.readAllBytes(p) : (byte[]) e.getValue();
                TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
    }
}
