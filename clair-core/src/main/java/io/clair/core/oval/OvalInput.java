package io.clair.core.oval;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;

/**
 * Opens a feed that may be served plain, bzip2- or gzip-compressed, telling them apart by their first bytes rather
 * than by a file name (mirrors rename files, and the content is what counts).
 */
public final class OvalInput {
    private OvalInput() {
    }

    /**
     * The decompressed content of {@code in}.
     *
     * @param component prefix of error messages, for example {@code "oracle"}
     * @throws IOException starting with the component when the compressed stream is unreadable
     */
    public static InputStream decompressed(InputStream in, String component) throws IOException {
        BufferedInputStream b = new BufferedInputStream(in, 1 << 16);
        b.mark(3);
        byte[] magic = b.readNBytes(3);
        b.reset();
        try {
            if (magic.length == 3 && magic[0] == 'B' && magic[1] == 'Z' && magic[2] == 'h') {
                // The constructor already decodes the first block, so a broken file can fail right here.
                return new BZip2CompressorInputStream(b, true);
            }
            if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
                return new GZIPInputStream(b, 1 << 16);
            }
        } catch (IOException e) {
            throw new IOException(component + ": compressed document unreadable: " + e.getMessage(), e);
        }
        return b;
    }
}
