package io.clair.core.ecosystem.osv;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clair.core.vuln.Vulnerability;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses an osv.dev export ({@code <Ecosystem>/all.zip}: one {@code <ID>.json} per record) as a stream, record by
 * record, into Clair records (see {@link OsvRecordMapper}); only affected packages of this parser's ecosystem count.
 * Archives nested in the archive are read in place, so a bundle of several exports parses too (claircore's test
 * fixture is such a zip of zips). A truncated or corrupt archive, or a record that is not JSON, fails with an
 * {@link IOException} naming the entry.
 */
public final class OsvArchiveParser {
    private static final Logger log = LoggerFactory.getLogger(OsvArchiveParser.class);
    /** A zip of zips is the deepest nesting known; deeper is more likely a zip bomb than data. */
    private static final int MAX_DEPTH = 2;

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final String updater;
    private final OsvRecordMapper mapper;

    /**
     * @param ecosystem the OSV ecosystem whose packages are kept, as osv.dev spells it ({@code PyPI}, {@code Go})
     * @param clock     decides which withdrawn records are already withdrawn
     */
    public OsvArchiveParser(String updater, String ecosystem, Clock clock) {
        this.updater = Objects.requireNonNull(updater, "updater");
        this.mapper = new OsvRecordMapper(updater, Objects.requireNonNull(ecosystem, "ecosystem"),
                Objects.requireNonNull(clock, "clock"));
    }

    public List<Vulnerability> parse(InputStream in) throws IOException {
        List<Vulnerability> out = new ArrayList<>();
        int records = read(in, "archive", 0, out);
        log.atInfo().addKeyValue("updater", updater).addKeyValue("advisories", records)
                .addKeyValue("records", out.size()).log("parse done");
        return out;
    }

    /** Reads one archive level; returns the number of advisories read. */
    private int read(InputStream in, String name, int depth, List<Vulnerability> out) throws IOException {
        ZipTail tail = new ZipTail(in);
        ZipInputStream zip = new ZipInputStream(tail);
        int entries = 0;
        int records = 0;
        ZipEntry e;
        while ((e = next(zip, name)) != null) {
            entries++;
            String entry = e.getName();
            if (e.isDirectory()) {
                continue;
            }
            if (entry.endsWith(".zip")) {
                if (depth >= MAX_DEPTH) {
                    throw new IOException("osv: " + entry + " nests archives deeper than " + MAX_DEPTH);
                }
                records += read(zip, entry, depth + 1, out);
            } else if (entry.endsWith(".json")) {
                out.addAll(mapper.map(record(zip, entry), entry));
                records++;
            }
        }
        if (entries == 0) {
            throw new IOException("osv: " + name + " holds no entries (not a zip archive?)");
        }
        tail.requireEnd(name);
        return records;
    }

    private static ZipEntry next(ZipInputStream zip, String name) throws IOException {
        try {
            return zip.getNextEntry();
        } catch (IOException e) {
            throw new IOException("osv: " + name + " is corrupt: " + e.getMessage(), e);
        }
    }

    private static JsonNode record(ZipInputStream zip, String entry) throws IOException {
        try {
            JsonNode n = JSON.readTree(zip);
            if (n == null) {
                throw new IOException("osv: record " + entry + " is empty");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new IOException("osv: malformed record " + entry + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("osv: ")) {
                throw e;
            }
            throw new IOException("osv: record " + entry + " unreadable: " + e.getMessage(), e);
        }
    }
}
