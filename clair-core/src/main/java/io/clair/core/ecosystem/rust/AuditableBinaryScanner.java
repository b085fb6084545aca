package io.clair.core.ecosystem.rust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clair.core.index.Package;
import io.clair.core.layer.Layer;
import io.clair.core.layer.LayerEntry;
import io.clair.core.linux.ElfFile;
import io.clair.core.scan.PackageScanner;
import io.clair.core.scan.ScanException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports the crates.io dependencies of Rust executables built with {@code cargo auditable}, which embeds the
 * resolved dependency tree as zlib-compressed JSON ({@code {"packages":[{"name","version","source",...}]}}) in
 * the ELF section {@code .dep-v0}. Only executable regular files are opened.
 *
 * <p>The section is read only up to {@value #MAX_COMPRESSED} bytes and inflated only up to {@value #MAX_JSON}
 * bytes; a binary that exceeds either, or whose section or JSON is corrupt, is skipped with a warning naming the
 * reason. Each package's {@link Package#packageDb()} is {@code cargo:} plus the executable's path.
 */
public final class AuditableBinaryScanner implements PackageScanner {
    private static final Logger LOG = LoggerFactory.getLogger(AuditableBinaryScanner.class);
    static final String SECTION = ".dep-v0";
    static final int MAX_COMPRESSED = 8 * 1024 * 1024;
    static final int MAX_JSON = 32 * 1024 * 1024;
    private static final byte[] ELF = {0x7f, 'E', 'L', 'F'};
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "cargo-auditable";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public List<Package> scan(Layer layer) throws IOException {
        List<LayerEntry> exes = layer.entries().filter(e -> e.isExecutable() && e.size() >= 64).toList();
        List<Package> out = new ArrayList<>();
        for (LayerEntry e : exes) {
            if (!isElf(layer, e.path())) {
                continue;
            }
            try {
                Optional<byte[]> json = dependencyJson(layer, e.path());
                if (json.isPresent()) {
                    out.addAll(packages(json.get(), e.path()));
                }
            } catch (IOException | RuntimeException ex) {
                LOG.atWarn().addKeyValue("layer", layer.digest()).addKeyValue("path", e.path())
                        .addKeyValue("reason", ex.getMessage()).log("cargo: skipping unreadable auditable binary");
            }
        }
        return out;
    }

    private static Optional<byte[]> dependencyJson(Layer layer, String path) throws IOException {
        Optional<ElfFile> elf = ElfFile.open(layer.openChannel(path));
        if (elf.isEmpty()) {
            return Optional.empty();
        }
        try (ElfFile f = elf.get()) {
            Optional<ElfFile.Section> s = f.section(SECTION);
            if (s.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(inflate(f.contents(s.get(), MAX_COMPRESSED)));
        }
    }

    /** zlib-inflates {@code data}, refusing output past {@link #MAX_JSON} bytes. */
    static byte[] inflate(byte[] data) throws ScanException {
        Inflater inf = new Inflater();
        try {
            inf.setInput(data);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(data.length * 4, MAX_JSON));
            byte[] buf = new byte[64 * 1024];
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    throw new ScanException("cargo: " + SECTION + " ends before its compressed stream does");
                }
                if (out.size() + n > MAX_JSON) {
                    throw new ScanException("cargo: " + SECTION + " inflates past " + MAX_JSON + " bytes");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new ScanException("cargo: " + SECTION + " is not zlib data: " + e.getMessage(), e);
        } finally {
            inf.end();
        }
    }

    /** The crates.io packages of a {@code cargo auditable} document, each name and version once. */
    static List<Package> packages(byte[] json, String path) throws IOException {
        JsonNode doc = JSON.readTree(json);
        JsonNode pkgs = doc == null ? null : doc.get("packages");
        if (pkgs == null || !pkgs.isArray()) {
            throw new ScanException("cargo: " + SECTION + " has no packages array");
        }
        List<Package> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (JsonNode p : pkgs) {
            String name = p.path("name").asText("");
            String version = p.path("version").asText("");
            if (!name.isEmpty() && !version.isEmpty() && p.path("source").asText("").equals("crates.io")
                    && seen.add(name + "@" + version)) {
                out.add(RustCrates.crate(name, version, path));
            }
        }
        return out;
    }

    private static boolean isElf(Layer layer, String path) {
        try {
            return Arrays.equals(head(layer, path, 4), ELF);
        } catch (IOException e) {
            return false;
        }
    }

    /** Up to {@code n} bytes from the start of the file, read through a channel: no buffer larger than asked for. */
    private static byte[] head(Layer layer, String path, int n) throws IOException {
        try (SeekableByteChannel ch = layer.openChannel(path)) {
            ByteBuffer b = ByteBuffer.allocate(n);
            while (b.hasRemaining() && ch.read(b) >= 0) {
                // until n bytes or the end of the file
            }
            return Arrays.copyOf(b.array(), b.position());
        }
    }
}
