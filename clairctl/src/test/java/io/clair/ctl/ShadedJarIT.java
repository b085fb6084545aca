package io.clair.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import io.clair.core.plugin.Plugins;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar as users run it ({@code java -jar clairctl.jar}, what {@code bin/clairctl} does), in a process
 * of its own: every plugin's services line survived shading, the migrations and scanners work from the merged jar,
 * and a real process is quiet on stderr (no library logging) and prints failures as one line.
 */
class ShadedJarIT {
    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {
    }

    private Run clairctl(String... args) throws IOException, InterruptedException {
        String jar = System.getProperty("clairctl.jar");
        assertThat(jar).as("failsafe sets clairctl.jar").isNotNull();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar));
        cmd.addAll(List.of(args));
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().keySet().removeIf(k -> k.startsWith("CLAIR_"));
        Process p = pb.start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("clairctl finished").isTrue();
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void theJarCarriesEveryPlugin() throws Exception {
        Run r = clairctl("--version");
        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.out()).contains("plugins: " + String.join(", ", Plugins.load().names()));
        assertThat(r.out()).doesNotContain("development build");
    }

    @Test
    void aLocalScanFromTheJarFindsThePackagesAndTheFindingQuietly() throws Exception {
        Path layout = AlpineImages.ociLayout(tmp.resolve("layout"));
        Path bundle = AlpineImages.bundle(tmp.resolve("bundle.json.gz"));
        Run r = clairctl("report", "--local", "--database-url", TestDb.create(), "--bundle", bundle.toString(),
                "-o", "json", "oci:" + layout + ":3.6");
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(AlpineImages.JSON.readTree(r.out()).get("packages")).hasSize(AlpineImages.apkInfo().size());
        assertThat(r.out()).contains("\"name\":\"" + AlpineImages.FINDING + "\"");
        assertThat(r.err().lines().toList()).singleElement().asString().startsWith("clairctl: bundle " + bundle
                + ": imported 1 update operations");
    }

    @Test
    void aFailureIsOneLineWithoutAStackTrace() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Run r = clairctl("delete", "--host", "http://127.0.0.1:" + port, "sha256:" + "ab".repeat(32));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("clairctl: cannot reach the Clair server at http://127.0.0.1:" + port
                + "/: connection refused (is it running? set --host or CLAIR_API)\n");
    }
}
