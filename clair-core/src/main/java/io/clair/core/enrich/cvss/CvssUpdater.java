package io.clair.core.enrich.cvss;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clair.core.update.EnrichmentUpdater;
import io.clair.core.update.FetchResult;
import io.clair.core.update.HttpSource;
import io.clair.core.vuln.Enrichment;
import io.clair.core.vuln.Fingerprint;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code clair.cvss} enrichment updater (claircore's {@code enricher/cvss}): CVSS v3.x data of every CVE in NVD's
 * yearly JSON 2.0 feeds, as records {@code {tags: [CVE id], data: cvssData}} ({@link NvdFeedParser}).
 *
 * <p>{@link #fetch} reads each year's {@code .meta} first; the fingerprint is the map year → SHA-256 (claircore's
 * format, {@code {"2002":"<HEX>",...}}), so an unchanged NVD costs one small request per year. When any year
 * changed, every year is downloaded again (one at a time, each deleted once parsed) and streamed into one file of
 * records ({@link EnrichmentLines}), which {@link #parseEnrichments} reads. The meta SHA-256 is used for change
 * detection only: it is not checked against the download, as claircore does not either (a mirror may serve a
 * re-compressed or excerpted feed).
 */
public final class CvssUpdater implements EnrichmentUpdater {
    private static final Logger log = LoggerFactory.getLogger(CvssUpdater.class);
    public static final String NAME = "clair.cvss";
    /** The first yearly feed NVD publishes. */
    public static final int FIRST_YEAR = 2002;

    private static final int MAX_META_BYTES = 4096;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<Integer, String>> YEARS = new TypeReference<>() { };

    private final URI feedRoot;
    private final List<Integer> years;
    private final HttpSource source;
    private final Path tempDir;

    CvssUpdater(URI feedRoot, List<Integer> years, HttpSource source, Path tempDir) {
        this.feedRoot = feedRoot;
        this.years = List.copyOf(years);
        this.source = source;
        this.tempDir = tempDir;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The feed years this updater reads. */
    public List<Integer> years() {
        return years;
    }

    /** Where the feeds are read from. */
    public URI feedRoot() {
        return feedRoot;
    }

    @Override
    public FetchResult fetch(Fingerprint previous) throws IOException {
        SortedMap<Integer, String> current = new TreeMap<>();
        for (int year : years) {
            URI meta = feedRoot.resolve("nvdcve-2.0-" + year + ".meta");
            current.put(year, NvdMeta.parse(source.fetchText(meta, MAX_META_BYTES), meta.toString()).sha256());
        }
        if (current.equals(decode(previous))) {
            log.atInfo().addKeyValue("updater", NAME).addKeyValue("years", years.size()).log("nvd feeds unchanged");
            return FetchResult.unchanged();
        }
        Path out = Files.createTempFile(tempDir, "clair.cvss.", ".jsonl");
        boolean keep = false;
        try {
            try (Writer w = new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
                for (int year : years) {
                    download(year, w);
                }
            }
            keep = true;
            return new FetchResult.Changed(out, encode(current));
        } finally {
            if (!keep) {
                Files.deleteIfExists(out);
            }
        }
    }

    /** Downloads one year's feed and appends its records to {@code w}. */
    private void download(int year, Writer w) throws IOException {
        URI uri = feedRoot.resolve("nvdcve-2.0-" + year + ".json.gz");
        FetchResult r = source.fetch(NAME, uri, Fingerprint.NONE);
        if (!(r instanceof FetchResult.Changed changed)) {
            // Without a previous fingerprint the source cannot answer "unchanged"; if it does, we have no data.
            throw new IOException("cvss: GET " + uri + " gave no content");
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(changed.content()), 1 << 16)) {
            new NvdFeedParser(uri.toString()).parse(in, e -> EnrichmentLines.write(w, e));
        } finally {
            Files.deleteIfExists(changed.content());
        }
    }

    @Override
    public List<Enrichment> parseEnrichments(InputStream content) throws IOException {
        List<Enrichment> out = EnrichmentLines.read(content);
        log.atInfo().addKeyValue("updater", NAME).addKeyValue("records", out.size()).log("parse done");
        return out;
    }

    private static Fingerprint encode(SortedMap<Integer, String> shas) {
        try {
            return new Fingerprint(JSON.writeValueAsString(shas));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cvss: cannot encode fingerprint", e);
        }
    }

    /** The year → SHA-256 map of a fingerprint this updater (or claircore) wrote; empty for anything else. */
    private static Map<Integer, String> decode(Fingerprint fp) {
        if (fp == null || fp.isNone()) {
            return Map.of();
        }
        try {
            TreeMap<Integer, String> m = JSON.readValue(fp.value(), YEARS);
            m.replaceAll((y, sha) -> sha == null ? "" : sha.toUpperCase(java.util.Locale.ROOT));
            return m;
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
