package io.clair.core.ecosystem.aws;

import io.clair.core.update.FetchResult;
import io.clair.core.update.HttpFingerprint;
import io.clair.core.update.HttpSource;
import io.clair.core.update.Updater;
import io.clair.core.vuln.Fingerprint;
import io.clair.core.vuln.Vulnerability;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The updater for one Amazon Linux release, named {@code aws-<release>-updater} ({@code aws-AL2-updater}). A run reads
 * the release's mirror list, then {@code repodata/repomd.xml} of the first mirror that answers, and downloads the
 * {@code updateinfo} file repomd points to only when repomd's checksum differs from the one recorded last time. The
 * download must have exactly that checksum (a mirror caught mid-sync fails the run). A mirror that fails is logged
 * and the next one tried; the run fails when every mirror has failed, with the last error.
 */
public final class AlasUpdater implements Updater {
    private static final Logger log = LoggerFactory.getLogger(AlasUpdater.class);
    private static final int MAX_MIRROR_LIST_BYTES = 64 << 10;
    private static final int MAX_REPOMD_BYTES = 4 << 20;

    private final AmazonRelease release;
    private final URI mirrorList;
    private final HttpSource source;

    AlasUpdater(AmazonRelease release, URI mirrorList, HttpSource source) {
        this.release = release;
        this.mirrorList = mirrorList;
        this.source = source;
    }

    @Override
    public String name() {
        return release.updaterName();
    }

    public AmazonRelease release() {
        return release;
    }

    public URI mirrorList() {
        return mirrorList;
    }

    @Override
    public FetchResult fetch(Fingerprint previous) throws IOException {
        List<URI> mirrors = mirrors(source.fetchText(mirrorList, MAX_MIRROR_LIST_BYTES));
        IOException last = null;
        for (URI mirror : mirrors) {
            try {
                return fetchFrom(mirror, previous);
            } catch (IOException e) {
                log.atWarn().addKeyValue("updater", name()).addKeyValue("mirror", mirror)
                        .addKeyValue("error", e.getMessage()).log("mirror failed, trying the next");
                last = e;
            }
        }
        throw new IOException("aws: every mirror of " + mirrorList + " failed; last error: "
                + (last == null ? "none" : last.getMessage()), last);
    }

    private FetchResult fetchFrom(URI mirror, Fingerprint previous) throws IOException {
        URI repomdUri = mirror.resolve("repodata/repomd.xml");
        String text = source.fetchText(repomdUri, MAX_REPOMD_BYTES);
        Optional<RepoMd> md = RepoMd.updateInfo(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        if (md.isEmpty()) {
            throw new IOException("aws: " + repomdUri + " lists no updateinfo");
        }
        boolean sha256 = md.get().checksumType().equals("sha256") && !md.get().checksum().isEmpty();
        HttpFingerprint prev = HttpFingerprint.decode(previous);
        if (sha256 && md.get().checksum().equals(prev.sha256())) {
            log.atInfo().addKeyValue("updater", name()).addKeyValue("checksum", prev.sha256())
                    .log("updateinfo checksum unchanged");
            return FetchResult.unchanged();
        }
        URI updateInfo = mirror.resolve(md.get().location());
        FetchResult r = source.fetch(name(), updateInfo, previous);
        if (r instanceof FetchResult.Changed c && sha256) {
            String got = HttpFingerprint.decode(c.next()).sha256();
            if (!got.equals(md.get().checksum())) {
                Files.deleteIfExists(c.content());
                throw new IOException("aws: " + updateInfo + " has sha256 " + got + " but repomd says "
                        + md.get().checksum());
            }
        }
        return r;
    }

    /** Mirror base URLs, one per non-blank line, each made to end in {@code /} so that paths resolve under it. */
    static List<URI> mirrors(String list) throws IOException {
        List<URI> out = new ArrayList<>();
        for (String line : list.split("\\R")) {
            String s = line.trim();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            try {
                out.add(URI.create(s.endsWith("/") ? s : s + "/"));
            } catch (IllegalArgumentException e) {
                throw new IOException("aws: mirror list entry is not a URL: " + s, e);
            }
        }
        if (out.isEmpty()) {
            throw new IOException("aws: mirror list is empty");
        }
        return out;
    }

    @Override
    public List<Vulnerability> parse(InputStream content) throws IOException {
        return new UpdateInfoParser(name(), release.distribution()).parse(content);
    }
}
