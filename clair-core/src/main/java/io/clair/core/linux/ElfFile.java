package io.clair.core.linux;

import io.clair.core.scan.ScanException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The section and segment tables of an ELF file (32 or 64 bit, either byte order), read lazily from disk, for
 * scanners that look inside executables (Go build information, Rust dependency lists).
 *
 * <p>Every read is bounded by the caller's limit and by the file's size: a truncated or hostile file raises
 * {@link ScanException} (message starting {@code elf:}) instead of reading past its end or allocating what its
 * headers claim. Instances hold an open file until {@link #close()}.
 */
public final class ElfFile implements AutoCloseable {
    /** ELF type of an executable ({@code ET_EXEC}) and of a position-independent executable ({@code ET_DYN}). */
    public static final int ET_EXEC = 2;
    public static final int ET_DYN = 3;
    /** Program header type of a loadable segment and its writable/executable flags. */
    public static final int PT_LOAD = 1;
    public static final int PF_X = 1;
    public static final int PF_W = 2;

    private static final int MAX_TABLE_ENTRIES = 65_535;
    private static final int MAX_NAME_TABLE = 1 << 20;

    /** One entry of the section header table. */
    public record Section(String name, int type, long flags, long addr, long offset, long size) {
    }

    /** One entry of the program header table. */
    public record Segment(int type, int flags, long vaddr, long offset, long fileSize, long memSize) {
    }

    private final SeekableByteChannel channel;
    private final long fileSize;
    private final boolean is64;
    private final ByteOrder order;
    private final int type;
    private final List<Section> sections;
    private final List<Segment> segments;

    private ElfFile(SeekableByteChannel channel, ByteBuffer ident) throws IOException {
        this.channel = channel;
        this.fileSize = channel.size();
        int cls = ident.get(4);
        int data = ident.get(5);
        if (cls != 1 && cls != 2) {
            throw new ScanException("elf: unknown class " + cls);
        }
        if (data != 1 && data != 2) {
            throw new ScanException("elf: unknown byte order " + data);
        }
        this.is64 = cls == 2;
        this.order = data == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        ByteBuffer h = read(0, is64 ? 64 : 52);
        this.type = Short.toUnsignedInt(h.getShort(16));
        long phoff = is64 ? h.getLong(32) : Integer.toUnsignedLong(h.getInt(28));
        long shoff = is64 ? h.getLong(40) : Integer.toUnsignedLong(h.getInt(32));
        int phentsize = Short.toUnsignedInt(h.getShort(is64 ? 54 : 42));
        int phnum = Short.toUnsignedInt(h.getShort(is64 ? 56 : 44));
        int shentsize = Short.toUnsignedInt(h.getShort(is64 ? 58 : 46));
        int shnum = Short.toUnsignedInt(h.getShort(is64 ? 60 : 48));
        int shstrndx = Short.toUnsignedInt(h.getShort(is64 ? 62 : 50));
        this.segments = readSegments(phoff, phentsize, phnum);
        this.sections = readSections(shoff, shentsize, shnum, shstrndx);
    }

    /**
     * Opens {@code file} when it starts with the ELF magic; empty for any other file.
     *
     * @throws ScanException when it is an ELF file whose headers are truncated or inconsistent
     */
    public static Optional<ElfFile> open(Path file) throws IOException {
        return open(Files.newByteChannel(file, StandardOpenOption.READ));
    }

    /**
     * As {@link #open(Path)}, over a channel this object then owns: closed here when the file is not ELF or its
     * headers are bad, else by {@link #close()}.
     */
    public static Optional<ElfFile> open(SeekableByteChannel ch) throws IOException {
        try {
            ByteBuffer ident = ByteBuffer.allocate(16);
            ch.position(0).read(ident);
            if (ident.position() < 16 || ident.get(0) != 0x7f || ident.get(1) != 'E' || ident.get(2) != 'L'
                    || ident.get(3) != 'F') {
                ch.close();
                return Optional.empty();
            }
            return Optional.of(new ElfFile(ch, ident));
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    public boolean is64() {
        return is64;
    }

    public ByteOrder order() {
        return order;
    }

    /** {@code e_type}: {@link #ET_EXEC}, {@link #ET_DYN}, ... */
    public int type() {
        return type;
    }

    public List<Section> sections() {
        return sections;
    }

    public List<Segment> segments() {
        return segments;
    }

    public Optional<Section> section(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The file content of {@code s}, which must not be larger than {@code max} bytes. */
    public byte[] contents(Section s, int max) throws IOException {
        if (s.type() == 8) { // SHT_NOBITS: occupies no space in the file
            return new byte[0];
        }
        if (s.size() > max) {
            throw new ScanException("elf: section " + s.name() + " holds " + s.size() + " bytes, more than "
                    + max);
        }
        return bytes(read(s.offset(), (int) s.size()));
    }

    /**
     * Up to {@code length} bytes at virtual address {@code vaddr}, from the loadable segment holding it; the result
     * is shorter when the segment's file content ends first.
     */
    public byte[] readVirtual(long vaddr, int length) throws IOException {
        for (Segment p : segments) {
            if (p.type() == PT_LOAD && vaddr >= p.vaddr() && vaddr - p.vaddr() < p.fileSize()) {
                long off = vaddr - p.vaddr();
                int n = (int) Math.min(length, p.fileSize() - off);
                return bytes(read(p.offset() + off, n));
            }
        }
        throw new ScanException("elf: address 0x" + Long.toHexString(vaddr) + " is in no loadable segment");
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private List<Segment> readSegments(long off, int entSize, int num) throws IOException {
        if (num == 0) {
            return List.of();
        }
        checkTable("program header", off, entSize, num, is64 ? 56 : 32);
        ByteBuffer b = read(off, entSize * num);
        List<Segment> out = new ArrayList<>(num);
        for (int i = 0; i < num; i++) {
            int at = i * entSize;
            if (is64) {
                out.add(new Segment(b.getInt(at), b.getInt(at + 4), b.getLong(at + 16), b.getLong(at + 8),
                        b.getLong(at + 32), b.getLong(at + 40)));
            } else {
                out.add(new Segment(b.getInt(at), b.getInt(at + 24), u32(b, at + 8), u32(b, at + 4),
                        u32(b, at + 16), u32(b, at + 20)));
            }
        }
        return List.copyOf(out);
    }

    private List<Section> readSections(long off, int entSize, int num, int strIndex) throws IOException {
        if (num == 0) {
            return List.of();
        }
        checkTable("section header", off, entSize, num, is64 ? 64 : 40);
        ByteBuffer b = read(off, entSize * num);
        long[][] raw = new long[num][6];
        for (int i = 0; i < num; i++) {
            int at = i * entSize;
            raw[i] = is64
                    ? new long[] {u32(b, at), u32(b, at + 4), b.getLong(at + 8), b.getLong(at + 16),
                        b.getLong(at + 24), b.getLong(at + 32)}
                    : new long[] {u32(b, at), u32(b, at + 4), u32(b, at + 8), u32(b, at + 12), u32(b, at + 16),
                        u32(b, at + 20)};
        }
        byte[] names = new byte[0];
        if (strIndex > 0 && strIndex < num) {
            long size = raw[strIndex][5];
            if (size > MAX_NAME_TABLE) {
                throw new ScanException("elf: section name table of " + size + " bytes");
            }
            names = bytes(read(raw[strIndex][4], (int) size));
        }
        List<Section> out = new ArrayList<>(num);
        for (long[] r : raw) {
            out.add(new Section(cString(names, r[0]), (int) r[1], r[2], r[3], r[4], r[5]));
        }
        return List.copyOf(out);
    }

    private void checkTable(String what, long off, int entSize, int num, int minEntSize) throws ScanException {
        if (entSize < minEntSize || entSize > 4096 || num > MAX_TABLE_ENTRIES || off < 0
                || off + (long) entSize * num > fileSize) {
            throw new ScanException("elf: " + what + " table (offset " + off + ", " + num + " entries of "
                    + entSize + " bytes) does not fit in a file of " + fileSize + " bytes");
        }
    }

    /** Exactly {@code length} bytes at {@code offset}, or a ScanException when the file is shorter. */
    private ByteBuffer read(long offset, int length) throws IOException {
        if (offset < 0 || length < 0 || offset + length > fileSize) {
            throw new ScanException("elf: " + length + " bytes at offset " + offset + " lie past the end of a file of "
                    + fileSize + " bytes");
        }
        ByteBuffer b = ByteBuffer.allocate(length).order(order);
        while (b.hasRemaining()) {
            if (channel.position(offset + b.position()).read(b) < 0) {
                throw new ScanException("elf: file ended while reading offset " + offset);
            }
        }
        return b.flip();
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    private static long u32(ByteBuffer b, int at) {
        return Integer.toUnsignedLong(b.getInt(at));
    }

    private static String cString(byte[] table, long at) {
        if (at < 0 || at >= table.length) {
            return "";
        }
        int end = (int) at;
        while (end < table.length && table[end] != 0) {
            end++;
        }
        return new String(table, (int) at, end - (int) at, StandardCharsets.ISO_8859_1);
    }
}
