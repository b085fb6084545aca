package io.clair.core.osrelease;

import io.clair.core.layer.Layer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the small text files distributions use to describe themselves ({@code etc/os-release},
 * {@code etc/lsb-release}, {@code etc/redhat-release}, ...) from a {@link Layer}.
 */
public final class ReleaseFiles {
    /** The os-release location to consult first, per os-release(5). */
    public static final String OS_RELEASE = "etc/os-release";
    /** The vendor location, consulted only when {@link #OS_RELEASE} is absent. */
    public static final String OS_RELEASE_FALLBACK = "usr/lib/os-release";

    /** Release files are a few hundred bytes; anything far larger is not one, and is not read into memory. */
    private static final int MAX_BYTES = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(ReleaseFiles.class);

    private ReleaseFiles() {
    }

    /**
     * The text of the regular file at {@code path} (links followed inside the layer), or empty when the layer has no
     * such file. Content past 64 KiB is ignored; bytes that are not UTF-8 are replaced.
     */
    public static Optional<String> readText(Layer layer, String path) throws IOException {
        if (!layer.exists(path)) {
            return Optional.empty();
        }
        try (InputStream in = layer.open(path)) {
            return Optional.of(new String(in.readNBytes(MAX_BYTES), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            // a directory, or a link whose target lives in another layer
            return Optional.empty();
        }
    }

    /**
     * The layer's os-release: {@code etc/os-release}, else {@code usr/lib/os-release}, else empty. Lines that are not
     * assignments are logged and skipped.
     */
    public static Optional<OsRelease> osRelease(Layer layer) throws IOException {
        for (String path : new String[] {OS_RELEASE, OS_RELEASE_FALLBACK}) {
            Optional<String> text = readText(layer, path);
            if (text.isPresent()) {
                OsRelease parsed = OsReleaseParser.parse(text.get());
                if (!parsed.malformed().isEmpty()) {
                    // every distribution scanner reads this file: debug, or one bad line is logged a dozen times
                    LOG.atDebug().addKeyValue("layer", layer.digest()).addKeyValue("path", path)
                            .addKeyValue("lines", parsed.malformed()).log("os-release: skipped malformed lines");
                }
                return Optional.of(parsed);
            }
        }
        return Optional.empty();
    }
}
