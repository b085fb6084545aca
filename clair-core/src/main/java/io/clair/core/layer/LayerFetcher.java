package io.clair.core.layer;

import io.clair.core.manifest.Digest;
import io.clair.core.manifest.LayerDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches layer blobs and turns them into {@link TarLayer}s in one streaming pass: the body is hashed as it
 * arrives, decompressed (gzip, zstd or none), and the tar is written to a spool file while its headers are indexed.
 * No layer is ever held in memory. The digest is checked before the layer is handed out; on any failure the
 * temporary files are deleted and a {@link LayerException} says what went wrong.
 *
 * <p>Compression is decided by the blob's first bytes when they are gzip or zstd magic; otherwise a declared
 * compression (the descriptor's media type, else the response's Content-Type) that the bytes contradict is an
 * error, and a blob with neither is read as a plain tar.
 *
 * <p>HTTP redirects are followed here, not by the client (so the client must use {@link HttpClient.Redirect#NEVER}):
 * registries redirect blob downloads to storage on other hosts, and {@code Authorization} and {@code Cookie} are
 * dropped when a redirect leaves the original scheme, host and port, as Docker clients do.
 *
 * <p>Each fetch uses its calling thread to decompress and index, plus two short-lived threads of its own: one reads
 * and hashes the blob ahead of the decompressor, one writes the spool file. The blob itself is read through
 * {@code HttpURLConnection} set up from the client's proxy, TLS and authenticator settings (see
 * {@link HttpDownloader} for why).
 *
 * <p>Thread-safe; one fetcher is meant to serve a whole indexer, sharing the temp budget of its
 * {@link LayerOptions}.
 */
public final class LayerFetcher {
    private static final Logger LOG = LoggerFactory.getLogger(LayerFetcher.class);

    private final HttpDownloader http;
    private final LayerOptions options;
    private final LayerListener listener;
    private final TempArea temp;

    public LayerFetcher(HttpClient client, LayerOptions options, LayerListener listener) {
        Objects.requireNonNull(client, "client");
        if (client.followRedirects() != HttpClient.Redirect.NEVER) {
            throw new IllegalArgumentException("layer: the HttpClient must not follow redirects itself (use"
                    + " HttpClient.Redirect.NEVER); the fetcher follows them so it can drop credentials on a"
                    + " redirect to another host");
        }
        this.options = Objects.requireNonNull(options, "options");
        this.listener = listener == null ? LayerListener.NONE : listener;
        this.http = new HttpDownloader(client, options.requestTimeout());
        this.temp = new TempArea(options.tempRoot(), options.maxTempBytes());
    }

    public LayerFetcher(HttpClient client, LayerOptions options) {
        this(client, options, LayerListener.NONE);
    }

    /** Bytes that open layers of this fetcher keep on disk right now. */
    public long tempBytesInUse() {
        return temp.used();
    }

    /**
     * Fetches, verifies and indexes one layer. The caller owns the result and must close it.
     *
     * @throws LayerException when the layer cannot be fetched, fails verification, is corrupt or hostile, or
     *                        crosses a limit; nothing is left on disk then
     */
    public TarLayer fetch(LayerDescriptor layer) throws LayerException {
        return fetch(layer, true);
    }

    /**
     * Fetches and indexes a layer without checking its digest: for Clair v2's legacy API, whose layer names are
     * caller-chosen identifiers rather than content digests. Every other bound still applies.
     */
    public TarLayer fetchUnverified(LayerDescriptor layer) throws LayerException {
        return fetch(layer, false);
    }

    private TarLayer fetch(LayerDescriptor layer, boolean verify) throws LayerException {
        Digest d = layer.hash();
        long start = System.nanoTime();
        Path dir = null;
        InputStream body = null;
        ReadAheadInputStream ahead = null;
        SpoolingReader reader = null;
        String from = HttpDownloader.show(layer.uri());
        boolean ok = false;
        try {
            Source src = open(layer);
            from = HttpDownloader.show(src.uri()); // where the bytes came from, after redirects
            body = src.body();
            safely(() -> listener.started(d, stripQuery(src.uri()), src.length()));
            DigestingInputStream digesting = new DigestingInputStream(body, d, listener, src.length());
            // three threads: this one decompresses and indexes, one reads and hashes, one writes the spool
            ahead = new ReadAheadInputStream(digesting, "layer-read-" + d.hex().substring(0, 12));
            PushbackInputStream raw = new PushbackInputStream(ahead, 4);
            byte[] head = raw.readNBytes(4);
            raw.unread(head);
            Compression c = decide(d, layer.mediaType(), src.contentType(), head);
            dir = temp.newLayerDir(d);
            Path spool = dir.resolve("layer.tar");
            TarIndexer indexer = new TarIndexer(d, options);
            try (FileChannel out = FileChannel.open(spool, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 InputStream decompressed = openDecompressor(d, c, raw);
                 SpoolWriter writer = new SpoolWriter(out, SpoolingReader.BUFFER, "layer-spool-" + d.hex()
                         .substring(0, 12))) {
                reader = new SpoolingReader(decompressed, writer, d, c.label(), options.maxDecompressedBytes(),
                        temp);
                indexer.run(reader);
                reader.drain();
                reader.finish();
                ahead.drain(); // the digest must cover bytes the decompressor did not need
            }
            digesting.reportEnd();
            Digest got = digesting.computed();
            if (verify && !got.equals(d)) {
                throw new LayerException(d, "digest mismatch: expected " + d + " got " + got + " ("
                        + digesting.count() + " bytes from " + from + ")");
            }
            TarLayer result = new TarLayer(d, dir, spool, reader.produced(), indexer.index(),
                    indexer.whiteouts(), temp, reader.reserved());
            long nanos = System.nanoTime() - start;
            LOG.atInfo().addKeyValue("layer", d).addKeyValue("uri", from)
                    .addKeyValue("compression", c.label()).addKeyValue("compressed_bytes", digesting.count())
                    .addKeyValue("tar_bytes", reader.produced()).addKeyValue("entries", indexer.entries())
                    .addKeyValue("whiteouts", indexer.whiteouts().size()).addKeyValue("ms", nanos / 1_000_000)
                    .log("layer: fetched");
            long compressed = digesting.count();
            long produced = reader.produced();
            long entries = indexer.entries();
            safely(() -> listener.finished(d, compressed, produced, entries, nanos));
            ok = true; // the layer owns the folder and the reserved bytes now
            return result;
        } catch (TransportException e) {
            throw failed(new LayerException(d, e.getMessage() + " (" + from + ")", e));
        } catch (LayerException e) {
            throw failed(e);
        } catch (IOException e) {
            throw failed(new LayerException(d, "fetch failed: " + e, e));
        } finally {
            if (ahead != null) {
                ahead.close(); // stops the reading thread first: it is the only one touching the body
            }
            closeQuietly(body); // aborts a download still running
            if (!ok) {
                TempArea.deleteTree(dir);
                if (reader != null) {
                    temp.release(reader.reserved());
                }
            }
        }
    }

    private record Source(InputStream body, long length, String contentType, URI uri) {
    }

    private Source open(LayerDescriptor layer) throws LayerException {
        URI uri = layer.uri();
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "http", "https" -> {
                HttpDownloader.Download dl = http.get(layer);
                return new Source(dl.body(), dl.length(), dl.contentType(), dl.uri());
            }
            case "file" -> {
                if (!options.allowFileUris()) {
                    throw new LayerException(layer.hash(), "file: URIs are turned off (allowFileUris)");
                }
                try {
                    Path p = Path.of(uri);
                    return new Source(Files.newInputStream(p), Files.size(p), null, uri);
                } catch (NoSuchFileException e) {
                    throw new LayerException(layer.hash(), "no such file " + uri.getPath(), e);
                } catch (IOException | IllegalArgumentException e) {
                    throw new LayerException(layer.hash(), "cannot open " + uri + ": " + e, e);
                }
            }
            default -> throw new LayerException(layer.hash(), "unsupported URI scheme \"" + scheme + "\" in "
                    + HttpDownloader.show(uri));
        }
    }

    /** Magic bytes decide; a declared compression they contradict is an error (see the class comment). */
    static Compression decide(Digest d, String mediaType, String contentType, byte[] head) throws LayerException {
        Compression sniffed = Compression.sniff(head, head.length);
        if (sniffed != Compression.NONE) {
            return sniffed;
        }
        Compression declared = Compression.declared(mediaType);
        String source = "media type " + mediaType;
        if (declared == null) {
            declared = Compression.declared(contentType);
            source = "Content-Type " + contentType;
        }
        if (declared != null && declared != Compression.NONE) {
            throw new LayerException(d, "not a " + declared.label() + " stream: " + source + " declares "
                    + declared.label() + " but the blob does not start with its magic bytes");
        }
        return Compression.NONE;
    }

    private static InputStream openDecompressor(Digest d, Compression c, InputStream raw) throws IOException {
        try {
            return c.open(raw);
        } catch (TransportException e) {
            throw e;
        } catch (IOException e) {
            throw new LayerException(d, "truncated or corrupt " + c.label() + " stream: " + e.getMessage(), e);
        }
    }

    private LayerException failed(LayerException e) {
        LOG.atWarn().addKeyValue("layer", e.layer()).addKeyValue("error", e.getMessage()).log("layer: fetch failed");
        safely(() -> listener.failed(e.layer(), e));
        return e;
    }

    private static URI stripQuery(URI u) {
        try {
            return new URI(u.getScheme(), null, u.getHost(), u.getPort(), u.getPath(), null, null);
        } catch (java.net.URISyntaxException e) {
            return u;
        }
    }

    private static void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("error", e.toString()).log("layer: listener failed");
        }
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException e) {
                // cleanup path: the original failure matters more
            }
        }
    }
}
