package io.clair.core.layer;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import io.clair.core.manifest.Digest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Builds small tar layers with commons-compress, an independent writer, and compresses them. */
final class TestArchives {
    private TestArchives() {
    }

    /** One entry to write. */
    record Spec(String name, byte type, byte[] content, String link) {
    }

    static Spec file(String name, String content) {
        return new Spec(name, TarConstants.LF_NORMAL, content.getBytes(StandardCharsets.UTF_8), null);
    }

    static Spec dir(String name) {
        return new Spec(name.endsWith("/") ? name : name + "/", TarConstants.LF_DIR, new byte[0], null);
    }

    static Spec symlink(String name, String target) {
        return new Spec(name, TarConstants.LF_SYMLINK, new byte[0], target);
    }

    static Spec hardlink(String name, String target) {
        return new Spec(name, TarConstants.LF_LINK, new byte[0], target);
    }

    /** A tar with PAX headers for long names, as Docker and containerd write them. */
    static byte[] tar(Spec... specs) {
        return tar(TarArchiveOutputStream.LONGFILE_POSIX, specs);
    }

    static byte[] tar(int longFileMode, Spec... specs) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
            out.setLongFileMode(longFileMode);
            out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Spec s : specs) {
                TarArchiveEntry e = new TarArchiveEntry(s.name(), s.type(), true);
                if (s.link() != null) {
                    e.setLinkName(s.link());
                }
                if (s.type() == TarConstants.LF_NORMAL) {
                    e.setSize(s.content().length);
                    e.setMode(0100644);
                }
                out.putArchiveEntry(e);
                out.write(s.content());
                out.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * One entry written by hand (header, content, padding), for archives no well-behaved writer produces; the
     * header's size field says {@code content.length}.
     */
    static byte[] raw(String name, byte type, byte[] content) {
        TarArchiveEntry e = new TarArchiveEntry(name, type, true);
        e.setSize(content.length);
        byte[] out = new byte[512 + (content.length + 511) / 512 * 512];
        e.writeEntryHeader(out);
        System.arraycopy(content, 0, out, 512, content.length);
        return out;
    }

    /** Concatenates archive pieces and appends the end-of-archive marker. */
    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        out.writeBytes(new byte[1024]);
        return out.toByteArray();
    }

    static byte[] gzip(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] zstd(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZstdOutputStream z = new ZstdOutputStream(out, 3)) {
            z.write(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    static byte[] unzstd(byte[] b) throws IOException {
        try (InputStream in = new ZstdInputStream(new java.io.ByteArrayInputStream(b))) {
            return in.readAllBytes();
        }
    }

    static Digest sha256(byte[] b) {
        return Digest.of("sha256", b);
    }

    static Digest sha256(Path file) throws IOException {
        return Digest.of("sha256", Files.readAllBytes(file));
    }
}
