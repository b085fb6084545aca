package io.clair.core.layer;

import io.clair.core.manifest.Digest;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A {@link Layer} over a tar spooled to a temporary file by {@link LayerFetcher}: an in-memory index of the
 * entries, file content read from the spool on demand. Safe for concurrent readers. {@link #close()} deletes the
 * spool and every file handed out by {@link #localFile(String)}.
 */
public final class TarLayer implements Layer {
    private static final int READ_BUFFER = 16 * 1024;

    private final Digest digest;
    private final Path dir;
    private final Path spool;
    private final long spoolBytes;
    private final TarIndex index;
    private final List<Whiteout> whiteouts;
    private final TempArea temp;
    private final Map<TarIndex.Node, Path> extracted = new ConcurrentHashMap<>();
    private final AtomicInteger extractions = new AtomicInteger();
    private final AtomicLong reserved;
    private volatile boolean closed;

    TarLayer(Digest digest, Path dir, Path spool, long spoolBytes, TarIndex index, List<Whiteout> whiteouts,
             TempArea temp, long reserved) {
        this.digest = digest;
        this.dir = dir;
        this.spool = spool;
        this.spoolBytes = spoolBytes;
        this.index = index;
        this.whiteouts = List.copyOf(whiteouts);
        this.temp = temp;
        this.reserved = new AtomicLong(reserved);
    }

    @Override
    public Digest digest() {
        return digest;
    }

    @Override
    public Optional<LayerEntry> entry(String path) {
        String p = Layer.normalize(path);
        if (p.isEmpty()) {
            return Optional.empty();
        }
        TarIndex.Node exact = index.get(p);
        if (exact != null) {
            return Optional.of(exact.entry());
        }
        TarIndex.Resolution r = index.resolve(p, false); // parents may be links (bin -> usr/bin)
        return r.node() == null ? Optional.empty() : Optional.of(r.node().entry());
    }

    @Override
    public Stream<LayerEntry> entries() {
        return index.entries();
    }

    @Override
    public boolean exists(String path) {
        TarIndex.Resolution r = index.resolve(Layer.normalize(path), true);
        return r.found() && (r.directory() || r.isFile());
    }

    @Override
    public InputStream open(String path) throws IOException {
        TarIndex.Node n = file(path);
        return new BufferedInputStream(new SpoolInputStream(spool, n.offset(), n.entry().size()), READ_BUFFER);
    }

    @Override
    public SeekableByteChannel openChannel(String path) throws IOException {
        TarIndex.Node n = file(path);
        return new SpoolChannel(spool, n.offset(), n.entry().size());
    }

    @Override
    public Path localFile(String path) throws IOException {
        TarIndex.Node n = file(path);
        Path done = extracted.get(n);
        if (done != null) {
            return done;
        }
        synchronized (n) { // one extraction per file, even when several scanners ask at once
            done = extracted.get(n);
            if (done != null) {
                return done;
            }
            long size = n.entry().size();
            temp.reserve(digest, size);
            reserved.addAndGet(size);
            // a folder of its own, so readers like SQLite can put journals beside the file
            Path target = dir.resolve("files").resolve(Integer.toString(extractions.incrementAndGet()));
            String base = n.entry().path().substring(n.entry().path().lastIndexOf('/') + 1);
            Path file = target.resolve(base);
            boolean ok = false;
            try (InputStream in = new SpoolInputStream(spool, n.offset(), size)) {
                Files.createDirectories(target);
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                if (closed) {
                    throw new IOException("layer " + digest + ": closed");
                }
                ok = true;
            } finally {
                if (!ok) { // failed, or closed while copying: leave neither the copy nor its reservation behind
                    TempArea.deleteTree(closed ? dir : target); // after close, the folders too
                    reserved.addAndGet(-size);
                    temp.release(size);
                }
            }
            extracted.put(n, file);
            return file;
        }
    }

    @Override
    public List<Whiteout> whiteouts() {
        return whiteouts;
    }

    /** Number of entries in the index (whiteout markers excluded). */
    public int size() {
        return index.size();
    }

    /** Decompressed size of the blob: the tar including its end-of-archive padding. */
    public long tarBytes() {
        return spoolBytes;
    }

    /** Deletes the spool and extracted files; later reads fail. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            TempArea.deleteTree(dir);
            temp.release(reserved.getAndSet(0));
        }
    }

    private TarIndex.Node file(String path) throws IOException {
        if (closed) {
            throw new IOException("layer " + digest + ": closed");
        }
        TarIndex.Resolution r = index.resolve(Layer.normalize(path), true);
        if (!r.found()) {
            throw new NoSuchFileException(path, null, "layer " + digest + ": " + r.problem());
        }
        if (!r.isFile()) {
            throw new NoSuchFileException(path, null, "layer " + digest + ": not a regular file");
        }
        return r.node();
    }
}
