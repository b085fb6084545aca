package io.clair.core.ecosystem.java;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.NoSuchElementException;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * A zip archive read through its central directory over a {@link SeekableByteChannel}, as
 * {@link java.util.zip.ZipFile} reads one from disk, so that an archive inside a layer is read in place instead of
 * being copied to a file first. It follows {@code ZipFile}: the end record is searched in the last 64 KiB (with
 * ZipFile's check for bytes padded after it), offsets are taken relative to where the directory really is (data
 * prepended to the archive is allowed), zip64 end records and extra fields are honoured, names are UTF-8, entries
 * come in directory order (however many the end record counts), encrypted entries and methods other than stored and deflated make the whole archive
 * invalid, and member data starts after the name and extra field of its <em>local</em> header. Not thread-safe.
 */
final class ChannelZip {
    private static final int LOCSIG = 0x04034b50;
    private static final int CENSIG = 0x02014b50;
    private static final int ENDSIG = 0x06054b50;
    private static final int ZIP64_ENDSIG = 0x06064b50;
    private static final int ZIP64_LOCSIG = 0x07064b50;
    private static final int LOCHDR = 30;
    private static final int CENHDR = 46;
    private static final int ENDHDR = 22;
    private static final int ZIP64_ENDHDR = 56;
    private static final int ZIP64_LOCHDR = 20;
    private static final long ZIP64_MAGIC = 0xFFFFFFFFL;
    private static final int STORED = 0;
    private static final int DEFLATED = 8;
    private static final int MAX_COMMENT = 0xFFFF;

    /** One central-directory entry. */
    record Entry(String name, int method, long compressedSize, long size, long localOffset) {
        boolean isDirectory() {
            return name.endsWith("/");
        }
    }

    private final SeekableByteChannel ch;
    private final long length;
    private final long base; // where offset 0 of the archive lies in the channel (data may be prepended)
    private final long cenStart;
    private final long cenLength;

    private ChannelZip(SeekableByteChannel ch, long length, long base, long cenStart, long cenLength) {
        this.ch = ch;
        this.length = length;
        this.base = base;
        this.cenStart = cenStart;
        this.cenLength = cenLength;
    }

    /** Reads the end records of the archive in {@code ch}; the caller keeps ownership of the channel. */
    static ChannelZip open(SeekableByteChannel ch) throws IOException {
        long len = ch.size();
        if (len < ENDHDR) {
            throw new ZipException("zip END header not found");
        }
        int window = (int) Math.min(len, ENDHDR + MAX_COMMENT);
        ByteBuffer tail = readAt(ch, len - window, window);
        for (int i = window - ENDHDR; i >= 0; i--) {
            if (tail.getInt(i) != ENDSIG) {
                continue;
            }
            long endPos = len - window + i;
            long cenlen = Integer.toUnsignedLong(tail.getInt(i + 12));
            long cenoff = Integer.toUnsignedLong(tail.getInt(i + 16));
            int comlen = Short.toUnsignedInt(tail.getShort(i + 20));
            if (endPos + ENDHDR + comlen != len) {
                // bytes after the end record: accept it only when the directory and first entry are where it says
                long cenpos = endPos - cenlen;
                long locpos = cenpos - cenoff;
                if (cenpos < 0 || locpos < 0 || cenpos + 4 > len || locpos + 4 > len
                        || readAt(ch, cenpos, 4).getInt(0) != CENSIG || readAt(ch, locpos, 4).getInt(0) != LOCSIG) {
                    continue;
                }
            }
            // a zip64 end record, when its locator sits right before the end record, has the real figures
            if (endPos >= ZIP64_LOCHDR) {
                ByteBuffer loc = readAt(ch, endPos - ZIP64_LOCHDR, ZIP64_LOCHDR);
                if (loc.getInt(0) == ZIP64_LOCSIG) {
                    long end64 = loc.getLong(8);
                    if (end64 >= 0 && end64 + ZIP64_ENDHDR <= endPos - ZIP64_LOCHDR) {
                        ByteBuffer e64 = readAt(ch, end64, ZIP64_ENDHDR);
                        if (e64.getInt(0) == ZIP64_ENDSIG) {
                            cenlen = e64.getLong(40);
                            cenoff = e64.getLong(48);
                            endPos = end64;
                        }
                    }
                }
            }
            if (cenlen < 0 || cenlen > endPos) {
                throw new ZipException("invalid END header (bad central directory size)");
            }
            long cenpos = endPos - cenlen;
            long locpos = cenpos - cenoff;
            if (cenoff < 0 || locpos < 0) {
                throw new ZipException("invalid END header (bad central directory offset)");
            }
            return new ChannelZip(ch, len, locpos, cenpos, cenlen);
        }
        throw new ZipException("zip END header not found");
    }

    /** The entries in directory order, each header checked as it is reached. */
    Iterable<Entry> entries() {
        return () -> new java.util.Iterator<>() {
            private final InputStream cen = new Window(cenStart, cenLength);
            private final byte[] fixed = new byte[CENHDR];
            private long read;
            private Entry next;

            @Override
            public boolean hasNext() {
                if (next == null && read + CENHDR <= cenLength) {
                    next = readEntry();
                }
                return next != null;
            }

            @Override
            public Entry next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Entry e = next;
                next = null;
                return e;
            }

            private Entry readEntry() {
                try {
                    readFully(cen, fixed, fixed.length);
                    ByteBuffer h = ByteBuffer.wrap(fixed).order(ByteOrder.LITTLE_ENDIAN);
                    if (h.getInt(0) != CENSIG) {
                        throw new ZipException("invalid CEN header (bad signature)");
                    }
                    int flags = Short.toUnsignedInt(h.getShort(8));
                    int method = Short.toUnsignedInt(h.getShort(10));
                    long csize = Integer.toUnsignedLong(h.getInt(20));
                    long size = Integer.toUnsignedLong(h.getInt(24));
                    int nlen = Short.toUnsignedInt(h.getShort(28));
                    int elen = Short.toUnsignedInt(h.getShort(30));
                    int clen = Short.toUnsignedInt(h.getShort(32));
                    long loc = Integer.toUnsignedLong(h.getInt(42));
                    read += CENHDR + (long) nlen + elen + clen;
                    if (read > cenLength) {
                        throw new ZipException("invalid CEN header (bad header size)");
                    }
                    if ((flags & 1) != 0) {
                        throw new ZipException("invalid CEN header (encrypted entry)");
                    }
                    if (method != STORED && method != DEFLATED) {
                        throw new ZipException("invalid CEN header (bad compression method: " + method + ")");
                    }
                    byte[] name = new byte[nlen];
                    readFully(cen, name, nlen);
                    byte[] extra = new byte[elen];
                    readFully(cen, extra, elen);
                    cen.skipNBytes(clen);
                    if (csize == ZIP64_MAGIC || size == ZIP64_MAGIC || loc == ZIP64_MAGIC) {
                        long[] z = zip64(extra, size, csize, loc);
                        size = z[0];
                        csize = z[1];
                        loc = z[2];
                    }
                    return new Entry(utf8(name), method, csize, size, loc);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
    }

    /**
     * The member's content, inflated when it is deflated. As with ZipFile, nothing is read (nor an inflater made)
     * until the stream is first read: most members of an archive are opened and never read.
     */
    InputStream open(Entry e) {
        return new InputStream() {
            private InputStream in;

            private InputStream in() throws IOException {
                if (in == null) {
                    in = openNow(e);
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
            public long skip(long n) throws IOException {
                return in().skip(n);
            }

            @Override
            public int available() throws IOException {
                return in == null ? 0 : in.available();
            }

            @Override
            public void close() throws IOException {
                if (in != null) {
                    in.close();
                }
            }
        };
    }

    private InputStream openNow(Entry e) throws IOException {
        long at = base + e.localOffset();
        if (at < 0 || at + LOCHDR > length) {
            throw new ZipException("invalid LOC header (bad offset) for " + e.name());
        }
        ByteBuffer loc = readAt(ch, at, LOCHDR);
        if (loc.getInt(0) != LOCSIG) {
            throw new ZipException("invalid LOC header (bad signature)");
        }
        long data = at + LOCHDR + Short.toUnsignedInt(loc.getShort(26)) + Short.toUnsignedInt(loc.getShort(28));
        if (e.compressedSize() < 0 || data + e.compressedSize() > length) {
            throw new ZipException("invalid LOC header (member extends past the end of the archive) for "
                    + e.name());
        }
        InputStream raw = new Window(data, e.compressedSize());
        if (e.method() == STORED) {
            return raw;
        }
        return new RawInflaterStream(raw);
    }

    /** Size, compressed size and local offset from a zip64 extra field, for those the header marks as such. */
    private static long[] zip64(byte[] extra, long size, long csize, long loc) {
        ByteBuffer b = ByteBuffer.wrap(extra).order(ByteOrder.LITTLE_ENDIAN);
        while (b.remaining() >= 4) {
            int tag = Short.toUnsignedInt(b.getShort());
            int sz = Short.toUnsignedInt(b.getShort());
            if (sz > b.remaining()) {
                break;
            }
            if (tag == 0x0001) {
                ByteBuffer f = b.slice(b.position(), sz).order(ByteOrder.LITTLE_ENDIAN);
                if (size == ZIP64_MAGIC && f.remaining() >= 8) {
                    size = f.getLong();
                }
                if (csize == ZIP64_MAGIC && f.remaining() >= 8) {
                    csize = f.getLong();
                }
                if (loc == ZIP64_MAGIC && f.remaining() >= 8) {
                    loc = f.getLong();
                }
                break;
            }
            b.position(b.position() + sz);
        }
        return new long[] {size, csize, loc};
    }

    private static String utf8(byte[] name) throws ZipException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(name)).toString();
        } catch (CharacterCodingException e) {
            throw new ZipException("invalid CEN header (bad entry name)");
        }
    }

    private static void readFully(InputStream in, byte[] b, int n) throws IOException {
        if (in.readNBytes(b, 0, n) != n) {
            throw new ZipException("invalid CEN header (bad header size)");
        }
    }

    private static ByteBuffer readAt(SeekableByteChannel ch, long pos, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
        ch.position(pos);
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) {
                throw new EOFException("zip: archive ended while reading offset " + pos);
            }
        }
        return b;
    }

    /** Bytes {@code [start, start + size)} of the channel, buffered. */
    private final class Window extends InputStream {
        private final ByteBuffer buf = ByteBuffer.allocate(8192);
        private long pos;
        private final long end;

        Window(long start, long size) {
            this.pos = start;
            this.end = start + size;
            buf.limit(0);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!buf.hasRemaining()) {
                if (pos >= end) {
                    return -1;
                }
                buf.clear().limit((int) Math.min(buf.capacity(), end - pos));
                ch.position(pos);
                while (buf.hasRemaining()) {
                    if (ch.read(buf) < 0) {
                        throw new EOFException("zip: archive ended while reading offset " + pos);
                    }
                }
                pos += buf.position();
                buf.flip();
            }
            int n = Math.min(len, buf.remaining());
            buf.get(b, off, n);
            return n;
        }
    }

    /**
     * Raw deflate, as ZipFile's inflater stream: one dummy byte is given after the data, which old zlib versions
     * need to finish a stream, and the stream ends where the inflater says it does.
     */
    private static final class RawInflaterStream extends InflaterInputStream {
        private boolean eof;
        private boolean closed;

        RawInflaterStream(InputStream raw) {
            super(raw, new Inflater(true), 8192);
        }

        @Override
        protected void fill() throws IOException {
            if (eof) {
                throw new EOFException("Unexpected end of ZLIB input stream");
            }
            len = in.read(buf, 0, buf.length);
            if (len == -1) {
                buf[0] = 0;
                len = 1;
                eof = true;
            }
            inf.setInput(buf, 0, len);
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                inf.end();
                super.close();
            }
        }
    }
}
