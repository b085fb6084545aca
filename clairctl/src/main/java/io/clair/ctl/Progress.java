package io.clair.ctl;

import io.clair.core.layer.LayerException;
import io.clair.core.layer.LayerListener;
import io.clair.core.manifest.Digest;
import io.clair.ctl.scan.StageListener;
import java.io.PrintStream;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Progress of long work on stderr: stages (resolving, indexing, matching) and layer downloads with bytes of total.
 * On a terminal one status line is redrawn in place; forced onto a pipe ({@code --progress=always}) each stage and
 * each finished layer is a line of its own, with no control characters. Disabled, it prints nothing.
 */
final class Progress implements LayerListener, StageListener {
    /** When progress is shown. */
    enum Mode {
        auto, always, never;

        boolean enabled(boolean stderrTty) {
            return this == always || (this == auto && stderrTty);
        }
    }

    private static final int MAX_LINE = 79;

    private final PrintStream err;
    private final boolean enabled;
    private final boolean redraw;
    private final Map<Digest, long[]> layers = new ConcurrentHashMap<>();
    private String stage = "";
    private int width;

    Progress(PrintStream err, boolean enabled, boolean terminal) {
        this.err = err;
        this.enabled = enabled;
        this.redraw = terminal;
    }

    /** A new stage, e.g. {@code resolving docker.io/library/alpine:3.20}. */
    @Override
    public synchronized void stage(String text) {
        if (!enabled) {
            return;
        }
        stage = text;
        if (redraw) {
            draw(text);
        } else {
            err.println("clairctl: " + text);
        }
    }

    /** Clears the status line, so that what follows starts on a clean line. */
    synchronized void done() {
        if (enabled && redraw && width > 0) {
            err.print("\r" + " ".repeat(width) + "\r");
            err.flush();
            width = 0;
        }
        layers.clear();
    }

    @Override
    public void started(Digest layer, URI uri, long totalBytes) {
        layers.put(layer, new long[] {0, totalBytes});
        update();
    }

    @Override
    public void progress(Digest layer, long bytesRead, long totalBytes) {
        layers.put(layer, new long[] {bytesRead, totalBytes});
        update();
    }

    @Override
    public void finished(Digest layer, long compressedBytes, long decompressedBytes, long entries, long nanos) {
        layers.remove(layer);
        synchronized (this) {
            if (enabled && !redraw) {
                err.println("clairctl: layer " + shortDigest(layer) + " fetched (" + bytes(compressedBytes) + ", "
                        + entries + " files)");
            }
        }
        update();
    }

    @Override
    public void failed(Digest layer, LayerException error) {
        layers.remove(layer);
        update();
    }

    private synchronized void update() {
        if (!enabled || !redraw) {
            return;
        }
        long read = 0;
        long total = 0;
        boolean known = true;
        for (long[] l : layers.values()) {
            read += l[0];
            known &= l[1] >= 0;
            total += Math.max(0, l[1]);
        }
        // the byte counts are what changes, so they lead: a long image name must not push them off the line
        String text = layers.isEmpty() ? stage : "downloading " + layers.size() + " layer"
                + (layers.size() == 1 ? "" : "s") + ": " + bytes(read) + (known ? " of " + bytes(total) : "");
        draw(text);
    }

    private void draw(String text) {
        String line = "clairctl: " + text;
        if (line.length() > MAX_LINE) {
            // a status line that wraps cannot be redrawn in place; terminals are at least 80 columns
            line = line.substring(0, MAX_LINE - 3) + "...";
        }
        err.print("\r" + line + (line.length() < width ? " ".repeat(width - line.length()) : ""));
        err.flush();
        width = line.length();
    }

    static String shortDigest(Digest d) {
        return d.algorithm() + ":" + d.hex().substring(0, Math.min(12, d.hex().length()));
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        double v = n;
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
