package io.clair.core.layer;

/**
 * A deletion recorded by a layer: {@code .wh.<name>} removes {@code path} (and everything under it) from lower
 * layers; an opaque marker {@code .wh..wh..opq} in a directory removes everything lower layers had under
 * {@code path} while keeping what this layer itself puts there.
 */
public record Whiteout(String path, boolean opaque) {

    /** Whether this whiteout hides {@code other}, a path that a lower layer provides. */
    public boolean hides(String other) {
        if (path.isEmpty()) {
            return opaque;
        }
        if (opaque) {
            return other.startsWith(path + "/");
        }
        return other.equals(path) || other.startsWith(path + "/");
    }
}
