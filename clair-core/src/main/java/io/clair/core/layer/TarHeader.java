package io.clair.core.layer;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarUtils;

/**
 * One 512-byte tar header record, decoded. Covers what layer writers produce: ustar with its name prefix, the GNU
 * variant (whose prefix field holds other data) and old v7 headers; PAX extended records and GNU long names are
 * applied by the indexer, which reads their content. Numbers may be octal or GNU base-256.
 */
final class TarHeader {
    static final int BLOCK = 512;

    final String name;
    final String linkName;
    final int mode;
    final long size;
    final byte type;

    private TarHeader(String name, String linkName, int mode, long size, byte type) {
        this.name = name;
        this.linkName = linkName;
        this.mode = mode;
        this.size = size;
        this.type = type;
    }

    static boolean isZero(byte[] b) {
        for (int i = 0; i < BLOCK; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** Decodes {@code b}; throws {@link IllegalArgumentException} with the reason when it is not a valid header. */
    static TarHeader parse(byte[] b) {
        if (!TarUtils.verifyCheckSum(b)) {
            throw new IllegalArgumentException("bad header checksum");
        }
        String name = string(b, 0, 100);
        if (isPosixUstar(b)) {
            String prefix = string(b, 345, 155);
            if (!prefix.isEmpty()) {
                name = prefix + "/" + name;
            }
        }
        long size = TarUtils.parseOctalOrBinary(b, 124, 12);
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size);
        }
        int mode = (int) (TarUtils.parseOctalOrBinary(b, 100, 8) & 07777);
        return new TarHeader(name, string(b, 157, 100), mode, size, b[156]);
    }

    /** "ustar\0" is POSIX; GNU writes "ustar  \0" and uses the prefix field for other things. */
    private static boolean isPosixUstar(byte[] b) {
        return b[257] == 'u' && b[258] == 's' && b[259] == 't' && b[260] == 'a' && b[261] == 'r' && b[262] == 0;
    }

    /** A NUL-terminated field. */
    static String string(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) {
            end++;
        }
        return new String(b, off, end - off, StandardCharsets.UTF_8);
    }

    /** A GNU long name or link record: the name, NUL-terminated or not. */
    static String longName(byte[] content) {
        return string(content, 0, content.length);
    }

    /**
     * Parses PAX records ({@code "<len> <key>=<value>\n"}) into {@code into}; throws {@link IllegalArgumentException}
     * when a record is malformed.
     */
    static Map<String, String> parsePax(byte[] content, Map<String, String> into) {
        Map<String, String> out = into == null ? new HashMap<>() : into;
        int pos = 0;
        while (pos < content.length) {
            if (content[pos] == 0) {
                break; // some writers pad the record area with NULs
            }
            int sp = pos;
            int len = 0;
            while (sp < content.length && content[sp] >= '0' && content[sp] <= '9') {
                len = len * 10 + content[sp] - '0';
                if (len > content.length) {
                    throw new IllegalArgumentException("PAX record longer than its header at byte " + pos);
                }
                sp++;
            }
            if (sp == pos || sp >= content.length || content[sp] != ' ' || len <= sp - pos + 1
                    || pos + len > content.length || content[pos + len - 1] != '\n') {
                throw new IllegalArgumentException("malformed PAX record at byte " + pos);
            }
            int eq = sp + 1;
            while (eq < pos + len - 1 && content[eq] != '=') {
                eq++;
            }
            if (eq >= pos + len - 1) {
                throw new IllegalArgumentException("PAX record without '=' at byte " + pos);
            }
            String key = new String(content, sp + 1, eq - sp - 1, StandardCharsets.UTF_8);
            String value = new String(content, eq + 1, pos + len - 1 - eq - 1, StandardCharsets.UTF_8);
            out.put(key, value);
            pos += len;
        }
        return out;
    }
}
