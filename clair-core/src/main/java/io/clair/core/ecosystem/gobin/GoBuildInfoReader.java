package io.clair.core.ecosystem.gobin;

import io.clair.core.linux.ElfFile;
import io.clair.core.scan.ScanException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads the build information blob ({@code \xff Go buildinf:}) from an ELF or PE executable, as Go's
 * {@code debug/buildinfo} does: the blob sits 16-byte aligned at the start of the data segment (or the
 * {@code .go.buildinfo} section). Since Go 1.18 it holds the version and module strings inline; before, it holds
 * pointers to Go string headers, which are followed through the loadable segments.
 *
 * <p>Reads are bounded: 64 KiB of data are searched for the blob, and each string is at most 1 MiB.
 */
final class GoBuildInfoReader {
    static final byte[] MAGIC = "\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1);
    private static final int HEADER_SIZE = 32;
    private static final int ALIGN = 16;
    private static final int SEARCH_SIZE = 64 * 1024;
    private static final int MAX_STRING = 1 << 20;

    /** An executable's address space, as far as the search needs it. */
    interface Image extends AutoCloseable {
        /** Virtual address and size of the data to search, or null when there is none. */
        long[] dataStart();

        /** Up to {@code length} bytes at virtual address {@code vaddr}. */
        byte[] read(long vaddr, int length) throws IOException;

        @Override
        void close() throws IOException;
    }

    private GoBuildInfoReader() {
    }

    /**
     * The build information of {@code file}; empty when it is not an ELF or PE file or holds no Go build
     * information.
     *
     * @throws ScanException when the file is an executable with a truncated or inconsistent blob
     */
    static Optional<GoBuildInfo> read(Path file) throws IOException {
        return read(() -> Files.newByteChannel(file, StandardOpenOption.READ));
    }

    /** Opens a file for {@link #read(Channels)}: once for the ELF check and, when it is not ELF, once more for PE. */
    @FunctionalInterface
    interface Channels {
        SeekableByteChannel open() throws IOException;
    }

    /** As {@link #read(Path)}, for a file opened by {@code file} (a layer's channel: nothing is copied). */
    static Optional<GoBuildInfo> read(Channels file) throws IOException {
        Optional<ElfFile> elf = ElfFile.open(file.open());
        if (elf.isPresent()) {
            try (Image image = new ElfImage(elf.get())) {
                int type = elf.get().type();
                // relocatable objects and core dumps are not programs
                return type == ElfFile.ET_EXEC || type == ElfFile.ET_DYN ? read(image) : Optional.empty();
            }
        }
        Optional<PeFile> pe = PeFile.open(file.open());
        if (pe.isPresent()) {
            try (Image image = pe.get()) {
                return read(image);
            }
        }
        return Optional.empty();
    }

    static Optional<GoBuildInfo> read(Image image) throws IOException {
        long[] start = image.dataStart();
        if (start == null) {
            return Optional.empty();
        }
        byte[] data = image.read(start[0], (int) (start[1] < 0 ? SEARCH_SIZE : Math.min(start[1], SEARCH_SIZE)));
        int at = find(data);
        if (at < 0) {
            return Optional.empty();
        }
        int ptrSize = data[at + 14];
        int flags = data[at + 15];
        ByteOrder order = (flags & 1) != 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        String version;
        String mod;
        if ((flags & 2) != 0) {
            ByteBuffer b = ByteBuffer.wrap(data, at + HEADER_SIZE, data.length - at - HEADER_SIZE);
            version = inlineString(b);
            mod = inlineString(b);
        } else {
            if (ptrSize != 4 && ptrSize != 8) {
                throw new ScanException("go: build information with pointer size " + ptrSize);
            }
            ByteBuffer b = ByteBuffer.wrap(data, at + 16, 2 * ptrSize).order(order);
            long versionAddr = pointer(b, ptrSize);
            long modAddr = pointer(b, ptrSize);
            version = pointedString(image, versionAddr, ptrSize, order);
            mod = pointedString(image, modAddr, ptrSize, order);
        }
        if (version.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(GoBuildInfo.parse(version, stripSentinels(mod)));
    }

    /** Offset of the magic at a 16-byte boundary with a full header after it, or -1. */
    private static int find(byte[] data) {
        for (int i = 0; i + HEADER_SIZE <= data.length; i += ALIGN) {
            if (Arrays.equals(data, i, i + MAGIC.length, MAGIC, 0, MAGIC.length)) {
                return i;
            }
        }
        return -1;
    }

    /** A uvarint length followed by that many bytes (Go 1.18+). */
    private static String inlineString(ByteBuffer b) throws ScanException {
        long len = 0;
        for (int shift = 0;; shift += 7) {
            if (!b.hasRemaining() || shift > 63) {
                throw new ScanException("go: truncated length in build information");
            }
            int c = b.get() & 0xff;
            len |= (long) (c & 0x7f) << shift;
            if (c < 0x80) {
                break;
            }
        }
        if (len > MAX_STRING || len > b.remaining()) {
            throw new ScanException("go: build information string of " + len + " bytes with " + b.remaining()
                    + " left");
        }
        byte[] s = new byte[(int) len];
        b.get(s);
        return new String(s, StandardCharsets.UTF_8);
    }

    /**
     * A Go string header (data pointer, length) at {@code addr}, and the bytes it points to (before Go 1.18). As in
     * Go's reader, a header or string outside the file's data (a zero header left in .bss by a GOPATH build, which
     * has no module information) reads as the empty string.
     */
    private static String pointedString(Image image, long addr, int ptrSize, ByteOrder order) {
        try {
            byte[] hdr = image.read(addr, 2 * ptrSize);
            if (hdr.length < 2 * ptrSize) {
                return "";
            }
            ByteBuffer b = ByteBuffer.wrap(hdr).order(order);
            long dataAddr = pointer(b, ptrSize);
            long len = pointer(b, ptrSize);
            if (len <= 0 || len > MAX_STRING) {
                return "";
            }
            byte[] s = image.read(dataAddr, (int) len);
            return s.length < len ? "" : new String(s, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static long pointer(ByteBuffer b, int ptrSize) {
        return ptrSize == 8 ? b.getLong() : Integer.toUnsignedLong(b.getInt());
    }

    /** The module text is framed by two 16-byte sentinels; without them there is no module information. */
    private static String stripSentinels(String mod) {
        if (mod.length() >= 33 && mod.charAt(mod.length() - 17) == '\n') {
            return mod.substring(16, mod.length() - 16);
        }
        return "";
    }

    /** ELF: the {@code .go.buildinfo} section, else the first writable, non-executable loadable segment. */
    private record ElfImage(ElfFile elf) implements Image {
        @Override
        public long[] dataStart() {
            Optional<ElfFile.Section> s = elf.section(".go.buildinfo");
            if (s.isPresent()) {
                return new long[] {s.get().addr(), s.get().size()};
            }
            for (ElfFile.Segment p : elf.segments()) {
                if (p.type() == ElfFile.PT_LOAD && (p.flags() & (ElfFile.PF_X | ElfFile.PF_W)) == ElfFile.PF_W) {
                    return new long[] {p.vaddr(), p.memSize()};
                }
            }
            return null;
        }

        @Override
        public byte[] read(long vaddr, int length) throws IOException {
            return elf.readVirtual(vaddr, length);
        }

        @Override
        public void close() throws IOException {
            elf.close();
        }
    }
}
