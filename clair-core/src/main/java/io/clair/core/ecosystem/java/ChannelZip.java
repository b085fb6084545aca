package io.clair.core.ecosystem.java;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipException;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * A zip archive read in place through a {@link SeekableByteChannel} (a file inside a layer), so that an archive is
 * never copied out of the layer first. commons-compress's {@link ZipFile} does the reading: central directory,
 * zip64, data prepended to the archive; this class only narrows it to what {@link ArchiveInspector} needs and makes
 * an archive that cannot be read fail as {@link java.util.zip.ZipFile} would, with a {@link ZipException}.
 */
final class ChannelZip implements AutoCloseable {
    /** One central-directory entry. */
    record Entry(String name, boolean isDirectory, ZipArchiveEntry raw) {
    }

    private final ZipFile zip;

    private ChannelZip(ZipFile zip) {
        this.zip = zip;
    }

    /** Reads the central directory of the archive in {@code ch}; closing the result closes the channel. */
    static ChannelZip open(SeekableByteChannel ch) throws IOException {
        try {
            // local headers are read when a member is opened, not all up front
            return new ChannelZip(ZipFile.builder().setSeekableByteChannel(ch).setIgnoreLocalFileHeader(true).get());
        } catch (ZipException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw (ZipException) new ZipException("not a readable zip archive: " + e.getMessage()).initCause(e);
        }
    }

    /** The entries in central-directory order, as {@link java.util.zip.ZipFile#entries()} lists them. */
    List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
            out.add(new Entry(e.getName(), e.isDirectory(), e));
        }
        return out;
    }

    /**
     * The member's content, inflated when it is compressed. Nothing is read until the first read: opening a member
     * reads its local header, and the scanner opens every member but reads only a few (manifests, pom.properties,
     * nested archives), so opening eagerly would cost one positional read per class file. A method commons-compress
     * cannot read fails at the first read.
     */
    InputStream open(Entry e) {
        return new InputStream() {
            private InputStream in;

            private InputStream in() throws IOException {
                if (in == null) {
                    if (!zip.canReadEntryData(e.raw())) {
                        throw new ZipException("unsupported compression method or encryption for " + e.name());
                    }
                    in = zip.getInputStream(e.raw());
                }
                return in;
            }

            @Override
            public int read() throws IOException {
                return in().read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return in().read(b, off, len);
            }

            @Override
            public void close() throws IOException {
                if (in != null) {
                    in.close();
                }
            }
        };
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
