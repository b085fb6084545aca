package io.clair.core.ecosystem.gobin;

import io.clair.core.scan.ScanException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Just enough of a Windows PE executable to find Go's build information: the image base and the section table.
 * Reads are bounded by the file's size; a malformed header raises {@link ScanException}.
 */
final class PeFile implements GoBuildInfoReader.Image {
    private static final int SCN_INITIALIZED_DATA = 0x40;
    private static final int SCN_MEM_READ = 0x40000000;
    private static final int SCN_MEM_WRITE = 0x80000000;
    private static final int SCN_ALIGN_32 = 0x600000;

    record Section(long virtualAddress, long virtualSize, long rawSize, long rawOffset, int characteristics) {
    }

    private final SeekableByteChannel channel;
    private final long fileSize;
    private final long imageBase;
    private final List<Section> sections;

    private PeFile(SeekableByteChannel channel) throws IOException {
        this.channel = channel;
        this.fileSize = channel.size();
        long peOffset = Integer.toUnsignedLong(readFile(0x3c, 4).getInt());
        ByteBuffer coff = readFile(peOffset, 24);
        if (coff.getInt(0) != 0x00004550) { // "PE\0\0"
            throw new ScanException("pe: no PE signature at offset " + peOffset);
        }
        int numSections = Short.toUnsignedInt(coff.getShort(6));
        int optSize = Short.toUnsignedInt(coff.getShort(20));
        ByteBuffer opt = readFile(peOffset + 24, Math.max(optSize, 32));
        int magic = Short.toUnsignedInt(opt.getShort(0));
        this.imageBase = switch (magic) {
            case 0x10b -> Integer.toUnsignedLong(opt.getInt(28));
            case 0x20b -> opt.getLong(24);
            default -> throw new ScanException("pe: unknown optional header magic 0x" + Integer.toHexString(magic));
        };
        ByteBuffer table = readFile(peOffset + 24 + optSize, numSections * 40);
        List<Section> out = new ArrayList<>(numSections);
        for (int i = 0; i < numSections; i++) {
            int at = i * 40;
            out.add(new Section(u32(table, at + 12), u32(table, at + 8), u32(table, at + 16), u32(table, at + 20),
                    table.getInt(at + 36)));
        }
        this.sections = List.copyOf(out);
    }

    /** Opens {@code file} when it starts with {@code MZ}; empty for any other file. */
    static Optional<PeFile> open(Path file) throws IOException {
        return open(Files.newByteChannel(file, StandardOpenOption.READ));
    }

    /** As {@link #open(Path)}, over a channel this object then owns (closed here when the file is not PE). */
    static Optional<PeFile> open(SeekableByteChannel ch) throws IOException {
        try {
            ByteBuffer mz = ByteBuffer.allocate(2);
            ch.position(0).read(mz);
            if (mz.position() < 2 || mz.get(0) != 'M' || mz.get(1) != 'Z') {
                ch.close();
                return Optional.empty();
            }
            return Optional.of(new PeFile(ch));
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Go's rule: the data is in the first initialized, readable, writable section. */
    @Override
    public long[] dataStart() {
        for (Section s : sections) {
            int want = SCN_INITIALIZED_DATA | SCN_MEM_READ | SCN_MEM_WRITE;
            if (s.virtualAddress() != 0 && s.rawSize() != 0 && (s.characteristics() & ~SCN_ALIGN_32) == want) {
                return new long[] {s.virtualAddress() + imageBase, s.virtualSize()};
            }
        }
        return null;
    }

    @Override
    public byte[] read(long vaddr, int length) throws IOException {
        long rva = vaddr - imageBase;
        for (Section s : sections) {
            if (rva >= s.virtualAddress() && rva < s.virtualAddress() + s.rawSize()) {
                int n = (int) Math.min(length, s.virtualAddress() + s.rawSize() - rva);
                ByteBuffer b = readFile(s.rawOffset() + rva - s.virtualAddress(), n);
                byte[] out = new byte[n];
                b.get(out);
                return out;
            }
        }
        throw new ScanException("pe: address 0x" + Long.toHexString(vaddr) + " is in no section");
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private ByteBuffer readFile(long offset, int length) throws IOException {
        if (offset < 0 || length < 0 || offset + length > fileSize) {
            throw new ScanException("pe: " + length + " bytes at offset " + offset + " lie past the end of a file of "
                    + fileSize + " bytes");
        }
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (channel.position(offset + b.position()).read(b) < 0) {
                throw new ScanException("pe: file ended while reading offset " + offset);
            }
        }
        return b.flip();
    }

    private static long u32(ByteBuffer b, int at) {
        return Integer.toUnsignedLong(b.getInt(at));
    }
}
