package io.clair.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import io.clair.core.manifest.Digest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Progress: redrawn in place on a terminal, plain lines when forced onto a pipe, nothing when off. */
class ProgressTest {
    static final Digest LAYER = Digest.parse("sha256:" + "ab".repeat(32));

    private static String drive(boolean enabled, boolean terminal) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress p = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), enabled, terminal);
        p.stage("indexing example.com/app:1 (1 layer)");
        p.started(LAYER, URI.create("https://example.com/v2/app/blobs/x"), 2 << 20);
        p.progress(LAYER, 1 << 20, 2 << 20);
        p.finished(LAYER, 2 << 20, 5 << 20, 40, 1_000_000);
        p.done();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void onATerminalOneLineIsRedrawnWithBytesOfTotal() {
        String out = drive(true, true);
        assertThat(out).startsWith("\rclairctl: indexing example.com/app:1 (1 layer)")
                .contains("\rclairctl: downloading 1 layer: 1.0 MiB of 2.0 MiB")
                .doesNotContain("\n").endsWith("\r");
        assertThat(out.split("\r")).allMatch(s -> s.length() <= 79);
    }

    @Test
    void forcedOntoAPipeItPrintsPlainLines() {
        assertThat(drive(true, false)).isEqualTo("clairctl: indexing example.com/app:1 (1 layer)\n"
                + "clairctl: layer sha256:abababababab fetched (2.0 MiB, 40 files)\n");
    }

    @Test
    void disabledItPrintsNothing() {
        assertThat(drive(false, true)).isEmpty();
        assertThat(Progress.Mode.auto.enabled(false)).isFalse();
        assertThat(Progress.Mode.auto.enabled(true)).isTrue();
        assertThat(Progress.Mode.always.enabled(false)).isTrue();
        assertThat(Progress.Mode.never.enabled(true)).isFalse();
    }
}
