package io.clair.ctl;

import io.clair.api.bundle.Compression;
import io.clair.api.bundle.UpdateBundle;
import io.clair.core.plugin.Plugins;
import io.clair.core.store.memory.InMemoryVulnerabilityStore;
import io.clair.core.update.UpdateManager;
import io.clair.core.update.UpdateOptions;
import io.clair.core.update.UpdateOutcome;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code clairctl export-updaters}: runs the configured updater sets in-process (where the feeds are reachable)
 * and writes Clair's bundle, newline-delimited JSON, for {@code import-updaters} on an air-gapped site. A file is
 * written beside its final name and moved into place, so a failed export never leaves half a bundle.
 */
@Command(name = "export-updaters", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Run the configured updaters (updaters.sets/updaters.config of --config) and write their"
                + " data as a bundle for import-updaters.",
                "FILE ending .gz or .zst is compressed; default stdout."})
final class ExportUpdatersCommand implements Callable<Integer> {
    @ParentCommand
    ClairCtl root;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "Where to write the bundle (- or none: stdout).")
    String file;

    @Option(names = {"-g", "--gzip"}, description = "Compress with gzip whatever the name.")
    boolean gzip;

    @Option(names = {"-z", "--zstd"}, description = "Compress with zstd whatever the name.")
    boolean zstd;

    @Option(names = "--strict", description = "Exit 2 when any updater fails (the bundle holds the others).")
    boolean strict;

    @Override
    public Integer call() throws IOException {
        if (gzip && zstd) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--gzip and --zstd exclude each other");
        }
        boolean stdout = file == null || file.equals("-");
        String name = gzip ? ".gz" : zstd ? ".zst" : stdout ? "" : file;
        Path target = stdout ? null : Path.of(file).toAbsolutePath();
        Path partial = stdout ? null : target.resolveSibling("." + target.getFileName() + ".partial");
        Progress progress = root.progress();
        AtomicInteger updaters = new AtomicInteger();
        AtomicInteger vulns = new AtomicInteger();
        List<UpdateOutcome> outcomes;
        try (TempDir tmp = TempDir.create();
             OutputStream raw = stdout ? new NonClosing(root.console().out()) : Files.newOutputStream(partial);
             OutputStream compressed = Compression.compressing(raw, name);
             Writer out = new BufferedWriter(new OutputStreamWriter(compressed, StandardCharsets.UTF_8), 1 << 16)) {
            Plugins plugins = Plugins.load(ExportUpdatersCommand.class.getClassLoader());
            UpdateOptions options = new UpdateOptions(root.updaterSets(), 0, 1, root.console().clock(),
                    o -> progress.stage("updater " + o.updater() + ": " + o.result().name().toLowerCase()));
            UpdateManager manager = new UpdateManager(new InMemoryVulnerabilityStore(),
                    plugins.updaterFactories(root.pluginContext(tmp.path())), options);
            progress.stage("running the updaters");
            outcomes = manager.fetchAll(fetched -> {
                try {
                    UpdateBundle.write(out, new UpdateBundle.Operation(fetched.updater(), fetched.fingerprint(),
                            Instant.now(root.console().clock()), UUID.randomUUID(), fetched.vulnerabilities()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                updaters.incrementAndGet();
                vulns.addAndGet(fetched.vulnerabilities().size());
            });
        } catch (IOException | RuntimeException e) {
            if (partial != null) {
                Files.deleteIfExists(partial);
            }
            throw e;
        } finally {
            progress.done();
        }
        if (!stdout) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        long failed = outcomes.stream().filter(o -> o.result() == UpdateOutcome.Result.FAILED).count();
        for (UpdateOutcome o : outcomes) {
            if (o.result() == UpdateOutcome.Result.FAILED) {
                root.note("warning: updater " + o.updater() + " failed: " + o.error());
            }
        }
        root.note("exported " + updaters.get() + " updaters (" + vulns.get() + " vulnerabilities) to "
                + (stdout ? "stdout" : target) + (failed > 0 ? "; " + failed + " failed" : ""));
        if (strict && failed > 0) {
            root.console().err().println("clairctl: " + failed + " updater" + (failed == 1 ? "" : "s")
                    + " failed (--strict)");
            return ClairCtl.ERROR;
        }
        if (outcomes.isEmpty()) {
            root.note("warning: no updater ran: check updaters.sets in the config");
        }
        return ClairCtl.OK;
    }

    /** Stdout must stay open for what follows; the compressor closes what it wraps. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
