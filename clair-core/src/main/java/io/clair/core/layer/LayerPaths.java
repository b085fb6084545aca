package io.clair.core.layer;

import java.util.ArrayDeque;
import java.util.Deque;

/** Path normalization shared by layer implementations. */
final class LayerPaths {
    private LayerPaths() {
    }

    /**
     * Normalizes {@code path}: strips leading {@code /} and {@code ./}, drops {@code .} segments and resolves
     * {@code ..} without ever climbing above the root (tar entries that try to are clamped, never escape).
     */
    static String normalize(String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String seg : path.replace('\\', '/').split("/")) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                parts.pollLast();
                continue;
            }
            parts.addLast(seg);
        }
        return String.join("/", parts);
    }
}
