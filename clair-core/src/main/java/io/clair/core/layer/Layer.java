package io.clair.core.layer;

import io.clair.core.manifest.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A read-only view of one image layer's files, as scanners see it.
 *
 * <p>Paths are relative and normalized: no leading {@code /} or {@code ./}, no {@code .} or {@code ..} segments,
 * {@code /} as separator (for example {@code var/lib/dpkg/status}). Symbolic and hard links are resolved inside the
 * layer only; a link that leaves the layer or loops is treated as absent. Whiteout markers ({@code .wh.*}) are not
 * files: they are reported by {@link #whiteouts()}.
 *
 * <p>A layer is valid until {@link #close()}; implementations are safe for concurrent reads by several scanners.
 */
public interface Layer extends AutoCloseable {

    /** Digest of the layer blob this view was built from. */
    Digest digest();

    /** The entry stored at {@code path}, without following a link at the last component. */
    Optional<LayerEntry> entry(String path);

    /** Every entry except whiteout markers, in archive order; for a path stored twice only the last is listed. */
    Stream<LayerEntry> entries();

    /** True when {@code path} resolves to a regular file or directory within the layer. */
    boolean exists(String path);

    /**
     * Opens the regular file at {@code path}, following links inside the layer.
     *
     * @throws java.nio.file.NoSuchFileException when absent, a directory, or a link that escapes or loops
     */
    InputStream open(String path) throws IOException;

    /**
     * A file on local disk holding the content of {@code path}, for readers that need random access (SQLite,
     * Berkeley DB). The file lives until the layer is closed; callers must not modify it.
     *
     * @throws java.nio.file.NoSuchFileException as for {@link #open(String)}
     */
    Path localFile(String path) throws IOException;

    /**
     * Read-only random access to the regular file at {@code path}, following links as {@link #open(String)} does:
     * for readers that seek (ELF and PE headers, sections) but read only a small part of a large file. Unlike
     * {@link #localFile(String)} it copies nothing. Each call returns a channel of its own; the caller closes it.
     *
     * @throws java.nio.file.NoSuchFileException as for {@link #open(String)}
     */
    default SeekableByteChannel openChannel(String path) throws IOException {
        return Files.newByteChannel(localFile(path), StandardOpenOption.READ);
    }

    /** Paths this layer deletes from the layers below it, in archive order. */
    List<Whiteout> whiteouts();

    /** Releases temporary files. */
    @Override
    void close() throws IOException;

    /** Normalizes a path as described in the class comment; returns {@code ""} for the root. */
    static String normalize(String path) {
        return LayerPaths.normalize(path);
    }
}
