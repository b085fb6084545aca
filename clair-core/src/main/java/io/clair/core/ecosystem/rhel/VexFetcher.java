package io.clair.core.ecosystem.rhel;

import com.github.luben.zstd.ZstdInputStream;
import io.clair.core.ecosystem.rhel.VexChangeList.Entry;
import io.clair.core.update.FetchResult;
import io.clair.core.update.HttpFingerprint;
import io.clair.core.update.HttpSource;
import io.clair.core.vuln.Fingerprint;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads Red Hat's VEX data into a {@link VexSpool}, as claircore's fetcher does. A first run (or one after a
 * format change) is a full load: {@code archive_latest.txt} names the latest {@code csaf_vex_<date>.tar.zst}; the
 * archive's {@code Last-Modified} (else the date in its name) is the time it was cut; documents that
 * {@code changes.csv} or {@code deletions.csv} list at or after that time are taken from their own URLs or dropped,
 * and the rest come from the archive. Later runs are deltas: only the entries of the two lists at or after the
 * previous run's newest entry. Two unchanged lists ({@code 304}, or the same bytes) make the run
 * {@link FetchResult.Unchanged}.
 */
final class VexFetcher {
    private static final Logger log = LoggerFactory.getLogger(VexFetcher.class);
    static final String LATEST = "archive_latest.txt";
    static final String CHANGES = "changes.csv";
    static final String DELETIONS = "deletions.csv";
    private static final Pattern ARCHIVE = Pattern.compile("csaf_vex_(\\d{4}-\\d{2}-\\d{2})\\.tar\\.zst");
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final String updater;
    private final URI base;
    private final HttpSource source;
    private final HttpSource archiveSource;
    private final Path tempDir;

    VexFetcher(String updater, URI base, HttpSource source, HttpSource archiveSource, Path tempDir) {
        this.updater = updater;
        this.base = base;
        this.source = source;
        this.archiveSource = archiveSource;
        this.tempDir = tempDir;
    }

    FetchResult fetch(Fingerprint previous) throws IOException {
        VexFingerprint prev = VexFingerprint.decode(previous);
        boolean full = !prev.usable();
        Path archive = null;
        Path spool = Files.createTempFile(tempDir, "rhel-vex.", ".spool");
        boolean keep = false;
        try {
            Instant since = prev.sinceInstant();
            String archiveName = null;
            if (full) {
                archiveName = latestArchive();
                FetchResult.Changed a = (FetchResult.Changed) archiveSource.fetch(updater, base.resolve(archiveName),
                        Fingerprint.NONE);
                archive = a.content();
                since = cutTime(archiveName, HttpFingerprint.decode(a.next()));
            }
            VexChangeList changes = new VexChangeList(since);
            HttpFingerprint changesFp = list(changes, CHANGES, full ? HttpFingerprint.NONE : prev.changes(), false);
            HttpFingerprint deletionsFp = list(changes, DELETIONS, full ? HttpFingerprint.NONE : prev.deletions(),
                    true);
            if (!full && changesFp == null && deletionsFp == null) {
                return FetchResult.unchanged();
            }
            int fromArchive = 0;
            try (VexSpool.Writer w = new VexSpool.Writer(spool, full ? VexSpool.FULL : VexSpool.DELTA)) {
                for (Entry e : changes.entries().values()) {
                    if (e.deleted()) {
                        w.deleted(e.cve());
                    } else {
                        document(w, e.path());
                    }
                }
                if (full) {
                    fromArchive = archive(w, archive, archiveName, changes);
                }
            }
            VexFingerprint next = new VexFingerprint(VexFingerprint.VERSION, changes.newest().toString(),
                    changesFp != null ? changesFp : prev.changes(), deletionsFp != null ? deletionsFp : prev.deletions());
            log.atInfo().addKeyValue("updater", updater).addKeyValue("full", full)
                    .addKeyValue("archive_documents", fromArchive).addKeyValue("listed", changes.entries().size())
                    .addKeyValue("since", since).log("vex fetch done");
            keep = true;
            return new FetchResult.Changed(spool, next.encode());
        } finally {
            if (archive != null) {
                Files.deleteIfExists(archive);
            }
            if (!keep) {
                Files.deleteIfExists(spool);
            }
        }
    }

    private String latestArchive() throws IOException {
        URI uri = base.resolve(LATEST);
        String name = source.fetchText(uri, 4096).trim();
        if (!SAFE_NAME.matcher(name).matches() || !name.endsWith(".tar.zst")) {
            throw new IOException("rhel-vex: " + uri + " does not name a .tar.zst archive: \"" + name + "\"");
        }
        return name;
    }

    /** When the archive was cut: its Last-Modified, else the day in its name. */
    private static Instant cutTime(String archiveName, HttpFingerprint fp) throws IOException {
        if (!fp.lastModified().isEmpty()) {
            try {
                return ZonedDateTime.parse(fp.lastModified(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                log.atWarn().addKeyValue("last_modified", fp.lastModified()).log("archive date unreadable");
            }
        }
        Matcher m = ARCHIVE.matcher(archiveName);
        if (m.matches()) {
            return LocalDate.parse(m.group(1)).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        throw new IOException("rhel-vex: cannot tell when archive " + archiveName + " was made (no Last-Modified, "
                + "no date in its name)");
    }

    /** Reads one list into {@code changes}; returns its new validators, or null when it is unchanged. */
    private HttpFingerprint list(VexChangeList changes, String file, HttpFingerprint prev, boolean deleted)
            throws IOException {
        FetchResult r = source.fetch(updater, base.resolve(file), prev.encode());
        if (!(r instanceof FetchResult.Changed c)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(c.content())) {
            changes.read(in, file, deleted);
        } finally {
            Files.deleteIfExists(c.content());
        }
        return HttpFingerprint.decode(c.next());
    }

    private void document(VexSpool.Writer w, String path) throws IOException {
        FetchResult.Changed c = (FetchResult.Changed) source.fetch(updater, base.resolve(path), Fingerprint.NONE);
        try (InputStream in = Files.newInputStream(c.content())) {
            w.document(in, path);
        } finally {
            Files.deleteIfExists(c.content());
        }
    }

    /** Copies the archive's documents that the lists do not replace; returns how many. */
    private int archive(VexSpool.Writer w, Path archive, String name, VexChangeList changes) throws IOException {
        int n = 0;
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new ZstdInputStream(
                new BufferedInputStream(Files.newInputStream(archive), 1 << 16)))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                String path = e.getName().startsWith("./") ? e.getName().substring(2) : e.getName();
                Optional<String> cve = VexChangeList.cve(path);
                if (!e.isFile() || cve.isEmpty() || VexChangeList.year(path) < VexChangeList.LOOK_BACK_TO_YEAR
                        || changes.entries().containsKey(cve.get())) {
                    continue;
                }
                w.document(tar, name + "!" + path);
                n++;
            }
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("rhel-vex: ")) {
                throw e;
            }
            throw new IOException("rhel-vex: archive " + name + " unreadable: " + e.getMessage(), e);
        }
        if (n == 0 && changes.entries().isEmpty()) {
            throw new IOException("rhel-vex: archive " + name + " holds no VEX documents");
        }
        return n;
    }
}
