package io.clair.core.layer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where every entry of a spooled tar lives, and how paths resolve through its links. Built once by
 * {@link TarIndexer} and never changed afterwards, so any number of threads may read it.
 *
 * <p>Resolution treats the layer as a root filesystem: absolute symlink targets start at the layer root, {@code ..}
 * stops at the root (as in a chroot), hard link targets are archive paths. A path whose resolution needs more than
 * {@value #MAX_HOPS} links (a loop, or a chain that long) does not resolve. Directories that only appear as parents
 * of other entries count as directories, since tar writers need not store them.
 */
final class TarIndex {
    /** Linux's MAXSYMLINKS. */
    static final int MAX_HOPS = 40;

    /** One archive entry: what {@link LayerEntry} says, plus where its content starts in the spool. */
    record Node(LayerEntry entry, long offset) {
    }

    /** The outcome of resolving a path: a node, an implied directory (node null), or a reason it is absent. */
    record Resolution(Node node, boolean directory, String problem) {
        static Resolution absent(String problem) {
            return new Resolution(null, false, problem);
        }

        boolean found() {
            return problem == null;
        }

        boolean isFile() {
            return node != null && node.entry().type() == LayerEntry.Type.FILE;
        }
    }

    private final List<Node> order;
    private final Map<String, Node> byPath;
    private final Set<String> dirs;

    private TarIndex(List<Node> order, Map<String, Node> byPath, Set<String> dirs) {
        this.order = order;
        this.byPath = byPath;
        this.dirs = dirs;
    }

    int size() {
        return byPath.size();
    }

    /** Entries in archive order; a path stored twice is listed once, where it was stored last. */
    Stream<LayerEntry> entries() {
        return order.stream().filter(n -> byPath.get(n.entry().path()) == n).map(Node::entry);
    }

    /** The entry stored exactly at {@code path} (already normalized), links not followed. */
    Node get(String path) {
        return byPath.get(path);
    }

    /**
     * Resolves {@code path} component by component. Links in parent directories are always followed; a link at the
     * last component only when {@code followLast}.
     */
    Resolution resolve(String path, boolean followLast) {
        ArrayDeque<String> todo = new ArrayDeque<>();
        push(todo, path);
        ArrayDeque<String> done = new ArrayDeque<>();
        int hops = 0;
        Node node = null;
        while (!todo.isEmpty()) {
            String seg = todo.pop();
            if (seg.equals("..")) {
                done.pollLast();
                node = null;
                continue;
            }
            done.addLast(seg);
            String cur = String.join("/", done);
            node = byPath.get(cur);
            boolean last = todo.isEmpty();
            if (node == null) {
                if (!dirs.contains(cur)) {
                    return Resolution.absent("no such entry " + cur);
                }
                continue;
            }
            LayerEntry e = node.entry();
            boolean follow = !last || followLast;
            if (follow && (e.type() == LayerEntry.Type.SYMLINK || e.type() == LayerEntry.Type.HARDLINK)) {
                if (++hops > MAX_HOPS) {
                    return Resolution.absent("too many levels of links (a loop?) at " + cur);
                }
                done.removeLast();
                if (e.type() == LayerEntry.Type.HARDLINK || e.linkTarget().startsWith("/")) {
                    done.clear(); // hard link targets name archive paths, from the root
                }
                if (e.type() == LayerEntry.Type.HARDLINK && !byPath.containsKey(LayerPaths.normalize(
                        e.linkTarget()))) {
                    return Resolution.absent("hard link " + cur + " points to " + e.linkTarget()
                            + ", which is not in the layer");
                }
                push(todo, e.linkTarget());
                node = null;
                continue;
            }
            if (!last && e.type() != LayerEntry.Type.DIRECTORY) {
                return Resolution.absent(cur + " is not a directory");
            }
        }
        if (node == null) {
            return new Resolution(null, true, null); // the root, or a directory only implied by its children
        }
        return new Resolution(node, node.entry().type() == LayerEntry.Type.DIRECTORY, null);
    }

    private static void push(ArrayDeque<String> todo, String path) {
        String[] segs = path.replace('\\', '/').split("/");
        for (int i = segs.length - 1; i >= 0; i--) {
            if (!segs[i].isEmpty() && !segs[i].equals(".")) {
                todo.push(segs[i]);
            }
        }
    }

    /** Collects entries in archive order; the last entry for a path wins. */
    static final class Builder {
        private final List<Node> order = new ArrayList<>();
        private final Map<String, Node> byPath = new HashMap<>();
        private final Set<String> dirs = new HashSet<>();

        void add(LayerEntry entry, long offset) {
            Node n = new Node(entry, offset);
            order.add(n);
            byPath.put(entry.path(), n);
            String p = entry.path();
            if (entry.type() == LayerEntry.Type.DIRECTORY) {
                dirs.add(p);
            }
            // parents are directories even when the archive has no entry for them; stop at the first one known
            for (int slash = p.lastIndexOf('/'); slash > 0; slash = p.lastIndexOf('/', slash - 1)) {
                if (!dirs.add(p.substring(0, slash))) {
                    break;
                }
            }
        }

        int size() {
            return order.size();
        }

        TarIndex build() {
            // not copied: a large layer's index would briefly need twice the heap; nothing changes these after build
            return new TarIndex(Collections.unmodifiableList(order), Collections.unmodifiableMap(byPath),
                    Collections.unmodifiableSet(dirs));
        }
    }
}
