package io.clair.core.layer;

import io.clair.core.manifest.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A {@link Layer} over an unpacked directory tree, for root filesystems built on disk (debootstrap, an extracted
 * minirootfs) and for tests. Links are resolved against the directory as if it were {@code /}; whiteout marker files
 * are reported as {@link #whiteouts()} instead of files.
 */
public final class DirectoryLayer implements Layer {
    private static final int MAX_LINK_HOPS = 40;
    private static final String WH = ".wh.";
    private static final String OPAQUE = ".wh..wh..opq";

    private final Digest digest;
    private final Path root;

    public DirectoryLayer(Digest digest, Path root) {
        this.digest = digest;
        this.root = root.toAbsolutePath().normalize();
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
        // parents are resolved inside the root: root.resolve(p) would let the OS follow a parent link such as
        // etc -> /etc out of the tree and onto the host
        int slash = p.lastIndexOf('/');
        Optional<Path> parent = slash < 0 ? Optional.of(root) : resolve(p.substring(0, slash));
        if (parent.isEmpty() || !Files.isDirectory(parent.get(), LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        Path f = parent.get().resolve(p.substring(slash + 1));
        if (!Files.exists(f, LinkOption.NOFOLLOW_LINKS) || isMarker(f)) {
            return Optional.empty();
        }
        return Optional.of(toEntry(root.relativize(f).toString().replace('\\', '/'), f));
    }

    @Override
    public Stream<LayerEntry> entries() {
        try (Stream<Path> walk = Files.walk(root)) {
            List<LayerEntry> out = new ArrayList<>();
            walk.filter(f -> !f.equals(root) && !isMarker(f))
                    .forEach(f -> out.add(toEntry(root.relativize(f).toString().replace('\\', '/'), f)));
            return out.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean exists(String path) {
        return resolve(path).isPresent();
    }

    @Override
    public InputStream open(String path) throws IOException {
        return Files.newInputStream(localFile(path));
    }

    @Override
    public Path localFile(String path) throws IOException {
        Path f = resolve(path).orElseThrow(() -> new NoSuchFileException(path));
        if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
            throw new NoSuchFileException(path, null, "not a regular file");
        }
        return f;
    }

    @Override
    public List<Whiteout> whiteouts() {
        try (Stream<Path> walk = Files.walk(root)) {
            List<Whiteout> out = new ArrayList<>();
            walk.filter(DirectoryLayer::isMarker).forEach(f -> {
                String dir = root.relativize(f.getParent()).toString().replace('\\', '/');
                String name = f.getFileName().toString();
                if (name.equals(OPAQUE)) {
                    out.add(new Whiteout(dir, true));
                } else {
                    String target = name.substring(WH.length());
                    out.add(new Whiteout(dir.isEmpty() ? target : dir + "/" + target, false));
                }
            });
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        // nothing to release: the directory belongs to the caller
    }

    private static boolean isMarker(Path f) {
        Path name = f.getFileName();
        return name != null && name.toString().startsWith(WH);
    }

    /** Follows links component by component, never leaving {@link #root}. */
    private Optional<Path> resolve(String path) {
        Deque parts = new Deque(Layer.normalize(path));
        Path cur = root;
        int hops = 0;
        while (!parts.isEmpty()) {
            String seg = parts.pop();
            if (seg.equals("..")) {
                cur = cur.equals(root) ? root : cur.getParent();
                continue;
            }
            Path next = cur.resolve(seg);
            if (isMarker(next) || !Files.exists(next, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            if (Files.isSymbolicLink(next)) {
                if (++hops > MAX_LINK_HOPS) {
                    return Optional.empty();
                }
                String target;
                try {
                    target = Files.readSymbolicLink(next).toString().replace('\\', '/');
                } catch (IOException e) {
                    return Optional.empty();
                }
                if (target.startsWith("/")) {
                    cur = root;
                }
                parts.pushAll(target);
                continue;
            }
            cur = next;
        }
        return Optional.of(cur);
    }

    private LayerEntry toEntry(String rel, Path f) {
        try {
            if (Files.isSymbolicLink(f)) {
                return new LayerEntry(rel, LayerEntry.Type.SYMLINK, 0, 0777,
                        Files.readSymbolicLink(f).toString());
            }
            if (Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS)) {
                return new LayerEntry(rel, LayerEntry.Type.DIRECTORY, 0, mode(f), "");
            }
            if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                return new LayerEntry(rel, LayerEntry.Type.FILE, Files.size(f), mode(f), "");
            }
            return new LayerEntry(rel, LayerEntry.Type.OTHER, 0, 0, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int mode(Path f) throws IOException {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(f, LinkOption.NOFOLLOW_LINKS);
            int m = 0;
            for (PosixFilePermission p : perms) {
                m |= 1 << (8 - p.ordinal());
            }
            return m;
        } catch (UnsupportedOperationException e) {
            return 0644;
        }
    }

    /** A stack of path segments still to walk; link targets are pushed in front of the rest. */
    private static final class Deque {
        private final java.util.ArrayDeque<String> segs = new java.util.ArrayDeque<>();

        Deque(String path) {
            pushAll(path);
        }

        void pushAll(String path) {
            String[] split = path.split("/");
            for (int i = split.length - 1; i >= 0; i--) {
                if (!split[i].isEmpty() && !split[i].equals(".")) {
                    segs.push(split[i]);
                }
            }
        }

        boolean isEmpty() {
            return segs.isEmpty();
        }

        String pop() {
            return segs.pop();
        }
    }
}
