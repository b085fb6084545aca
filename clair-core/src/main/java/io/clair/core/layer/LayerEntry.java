package io.clair.core.layer;

/**
 * One archive entry of a layer.
 *
 * @param path       normalized path (see {@link Layer})
 * @param type       kind of entry
 * @param size       content size for regular files, else 0
 * @param mode       permission bits (for example {@code 0755}); the executable bits matter to some scanners
 * @param linkTarget for links, the target as written in the archive, else {@code ""}
 */
public record LayerEntry(String path, Type type, long size, int mode, String linkTarget) {
    public LayerEntry {
        linkTarget = linkTarget == null ? "" : linkTarget;
    }

    public enum Type { FILE, DIRECTORY, SYMLINK, HARDLINK, OTHER }

    public boolean isFile() {
        return type == Type.FILE;
    }

    public boolean isExecutable() {
        return type == Type.FILE && (mode & 0111) != 0;
    }
}
