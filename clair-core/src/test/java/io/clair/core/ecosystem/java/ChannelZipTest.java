package io.clair.core.ecosystem.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The in-place zip reader (commons-compress over a channel) against {@link ZipFile}, the reader it replaced, on real
 * jars and on odd layouts: what the Java scanner relies on is that both list and read the same members.
 */
class ChannelZipTest {
    @TempDir
    Path temp;

    /** Every jar on the test class path: dozens of real archives written by many tools. */
    @Test
    void realJarsReadAsZipFileReadsThem() throws IOException {
        List<Path> jars = new ArrayList<>();
        for (String p : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (p.endsWith(".jar") && Files.isRegularFile(Path.of(p))) {
                jars.add(Path.of(p));
            }
        }
        assertThat(jars).hasSizeGreaterThan(10);
        for (Path jar : jars) {
            assertSameAsZipFile(jar);
        }
    }

    @Test
    void zip64ArchivesWithMoreThan65535EntriesAreRead() throws IOException {
        Path zip = temp.resolve("many.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (int i = 0; i < 70_000; i++) {
                z.putNextEntry(new ZipEntry("d/" + i + ".txt"));
                z.write(Integer.toString(i).getBytes(StandardCharsets.UTF_8));
            }
        }
        assertSameAsZipFile(zip);
    }

    @Test
    void dataBeforeTheArchiveAndBytesAfterItAreToleratedAsZipFileDoes() throws IOException {
        byte[] jar = jar();
        byte[] prefix = "#!/bin/sh\nexec java -jar \"$0\" \"$@\"\n".getBytes(StandardCharsets.UTF_8);
        Path prepended = temp.resolve("prepended.jar");
        Files.write(prepended, concat(prefix, jar));
        assertSameAsZipFile(prepended);
        Path padded = temp.resolve("padded.jar");
        Files.write(padded, concat(jar, new byte[100]));
        assertSameAsZipFile(padded);
        Path commented = temp.resolve("commented.jar");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(commented))) {
            z.setComment("a comment");
            z.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            z.write("Manifest-Version: 1.0\n".getBytes(StandardCharsets.UTF_8));
        }
        assertSameAsZipFile(commented);
    }

    @Test
    void brokenArchivesFailAsZipFileFails() throws IOException {
        byte[] jar = jar();
        Path truncated = temp.resolve("truncated.jar");
        Files.write(truncated, Arrays.copyOf(jar, jar.length / 2));
        assertThatThrownBy(() -> new ZipFile(truncated.toFile()).close()).isInstanceOf(ZipException.class);
        assertThatThrownBy(() -> read(truncated)).isInstanceOf(ZipException.class);
        Path empty = temp.resolve("empty.jar");
        Files.write(empty, new byte[0]);
        assertThatThrownBy(() -> read(empty)).isInstanceOf(ZipException.class);
    }

    private static byte[] jar() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(b)) {
            z.putNextEntry(new ZipEntry("META-INF/"));
            z.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            z.write("Manifest-Version: 1.0\nImplementation-Title: x\n".getBytes(StandardCharsets.UTF_8));
            ZipEntry stored = new ZipEntry("stored.txt");
            byte[] data = "stored bytes".getBytes(StandardCharsets.UTF_8);
            stored.setMethod(ZipEntry.STORED);
            stored.setSize(data.length);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(data);
            stored.setCrc(crc.getValue());
            z.putNextEntry(stored);
            z.write(data);
            z.putNextEntry(new ZipEntry("dir/ünïcode.properties"));
            z.write("k=v\n".repeat(1000).getBytes(StandardCharsets.UTF_8));
        }
        return b.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static List<String> read(Path zip) throws IOException {
        List<String> out = new ArrayList<>();
        try (SeekableByteChannel ch = Files.newByteChannel(zip, StandardOpenOption.READ)) {
            ChannelZip z = ChannelZip.open(ch);
            for (ChannelZip.Entry e : z.entries()) {
                out.add(e.name());
            }
        }
        return out;
    }

    private static void assertSameAsZipFile(Path zip) throws IOException {
        try (ZipFile expected = new ZipFile(zip.toFile());
             SeekableByteChannel ch = Files.newByteChannel(zip, StandardOpenOption.READ)) {
            List<? extends ZipEntry> want = Collections.list(expected.entries());
            ChannelZip got = ChannelZip.open(ch);
            List<ChannelZip.Entry> have = got.entries();
            assertThat(have).extracting(ChannelZip.Entry::name).as(zip.toString())
                    .containsExactlyElementsOf(want.stream().map(ZipEntry::getName).toList());
            for (int i = 0; i < want.size(); i++) {
                ZipEntry w = want.get(i);
                ChannelZip.Entry h = have.get(i);
                assertThat(h.isDirectory()).isEqualTo(w.isDirectory());
                if (i < 300 || i % 97 == 0) { // contents of a sample: every byte of the first 300 members
                    try (InputStream a = expected.getInputStream(w); InputStream b = got.open(h)) {
                        assertThat(b.readAllBytes()).as(zip + "!/" + w.getName()).isEqualTo(a.readAllBytes());
                    }
                }
            }
        }
    }
}
