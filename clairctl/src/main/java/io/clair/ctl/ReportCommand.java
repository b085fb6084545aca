package io.clair.ctl;

import io.clair.api.bundle.UpdateBundle;
import io.clair.ctl.format.OutputFormat;
import io.clair.ctl.report.ExitPolicy;
import io.clair.ctl.report.ImageReport;
import io.clair.ctl.report.ReportView;
import io.clair.ctl.report.SeverityNames;
import io.clair.ctl.report.Suppressions;
import io.clair.ctl.scan.ImageScanner;
import io.clair.ctl.scan.LocalScanner;
import io.clair.ctl.scan.RemoteScanner;
import io.clair.core.image.ImageReference;
import io.clair.core.store.jdbc.JdbcVulnerabilityStore;
import io.clair.core.vuln.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code clairctl report}: vulnerability reports for images, from a Clair server or scanned in-process. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Report the vulnerabilities of images: against a Clair server (--host, CLAIR_API), or"
                + " in-process with --local.",
                "Images: registry/repo[:tag|@digest], oci:DIR[:tag], docker-archive:FILE (the last two with --local)."},
        footer = {"", "Exit status: 0 clean, 1 when a shown finding is at or above --fail-on (default: the"
                + " --minimum-severity), 2 on errors.",
                "Output json is Clair's report unchanged; filters and suppressions apply to the other formats and"
                        + " to the exit status."})
final class ReportCommand implements Callable<Integer> {
    @ParentCommand
    ClairCtl root;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "IMAGE", arity = "0..*", description = "Images to report on.")
    List<String> images = new ArrayList<>();

    @Option(names = "--image-ref", paramLabel = "IMAGE", description = "An image to report on (repeatable).")
    List<String> imageRefs = new ArrayList<>();

    @Option(names = {"-o", "--output-format", "--out"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--minimum-severity", paramLabel = "SEVERITY", defaultValue = "Unknown",
            description = "Show findings at or above: Unknown, Negligible, Low, Medium, High, Critical"
                    + " (default: ${DEFAULT-VALUE}, i.e. all).")
    String minimumSeverity;

    @Option(names = {"--fail-on", "--exit-code"}, paramLabel = "SEVERITY|none",
            description = "Exit 1 when a shown finding is at or above this (default: the minimum severity);"
                    + " none: never on findings.")
    String failOn;

    @Option(names = "--suppressions", paramLabel = "FILE",
            description = "YAML/JSON list of {id, package, reason, expires: YYYY-MM-DD} findings to hide.")
    Path suppressions;

    @Option(names = {"-k", "--keep-going"}, description = "Report on the other images when one fails (exit 2).")
    boolean keepGoing;

    @Mixin
    ServerOptions server;

    @Option(names = "--novel", description = "Server: do not re-index images the server already indexed.")
    boolean novel;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "20",
            description = "Server: how long to wait for a matcher that is not ready (default: ${DEFAULT-VALUE}).")
    int waitSeconds;

    @Option(names = "--local", description = "Scan in-process with the installed plugins and a local database.")
    boolean local;

    @Option(names = "--database-url", paramLabel = "URL",
            description = "Local: postgresql://user:pass@host/db; env CLAIR_DATABASE_URL; default: the config's"
                    + " indexer.connstring, else the embedded database in ~/.clair/postgres.")
    String databaseUrl;

    @Option(names = "--bundle", paramLabel = "FILE|URL|-",
            description = "Local: import this updater bundle (export-updaters) before scanning.")
    String bundle;

    @Option(names = "--update", description = "Local: before matching, run the updaters the image needs (its"
            + " distribution's feed, OSV for language packages), or the configured updaters.sets; needs the feeds'"
            + " network, so it is off by default.")
    boolean update;

    @Mixin
    ImageOptions imageOptions;

    @Override
    public Integer call() throws IOException {
        List<String> refs = new ArrayList<>(images);
        refs.addAll(imageRefs);
        if (refs.isEmpty()) {
            throw usage("no image given: clairctl report IMAGE... or --image-ref IMAGE");
        }
        if (!local && (databaseUrl != null || bundle != null || update)) {
            throw usage("--database-url, --bundle and --update need --local");
        }
        if (local && server.host != null) {
            throw usage("--host and --local exclude each other");
        }
        Severity minimum = severity("--minimum-severity", minimumSeverity);
        ExitPolicy policy = policy(minimum);
        for (String r : refs) {
            ImageReference parsed = ImageReference.parse(r);
            if (!local) {
                RemoteScanner.checkReference(parsed, r);
            }
        }
        Suppressions hidden = loadSuppressions();
        List<ReportView> views = new ArrayList<>();
        boolean failed = false;
        Progress progress = root.progress();
        try (TempDir tmp = TempDir.create();
             LocalDatabase db = local ? LocalDatabase.open(root, databaseUrl, c -> c.connString(),
                     List.of("indexer", "vulnstore")) : null;
             ImageScanner scanner = local ? localScanner(db, tmp.path(), progress)
                     : new RemoteScanner(server.client(root), imageOptions.resolver(root, tmp.path()), progress,
                             novel, Duration.ofSeconds(Math.max(0, waitSeconds)))) {
            for (String r : refs) {
                try {
                    ImageReport report = scanner.scan(r);
                    progress.done();
                    if (report.noDataWarning() != null && format != OutputFormat.text) {
                        root.note("warning: " + report.noDataWarning());
                    }
                    views.add(ReportView.of(report, minimum, hidden, policy));
                } catch (IOException | RuntimeException e) {
                    progress.done();
                    if (!keepGoing) {
                        throw e;
                    }
                    root.console().err().println("clairctl: " + r + ": " + Errors.describe(e));
                    failed = true;
                }
            }
        }
        if (!views.isEmpty()) {
            boolean color = root.console().stdoutTty() && root.console().env("NO_COLOR") == null;
            format.writer(color, ClairCtl.version()).write(views, root.console().out());
        }
        return failed ? ClairCtl.ERROR : ExitPolicy.exitCode(views);
    }

    private ImageScanner localScanner(LocalDatabase db, Path tmp, Progress progress) {
        JdbcVulnerabilityStore vulns = new JdbcVulnerabilityStore(db.dataSource());
        if (bundle != null) {
            progress.stage("importing " + bundle);
            UpdateBundle.ImportResult r = BundleInput.importInto(vulns, bundle, root.console().in());
            progress.done();
            root.note("bundle " + bundle + ": imported " + r.imported() + " update operations ("
                    + r.vulnerabilities() + " vulnerabilities), skipped " + r.skipped() + " already present");
        }
        java.util.function.Consumer<io.clair.core.index.IndexReport> beforeMatch = r -> { };
        if (update && root.updaterSets() != null) {
            UpdaterRun.run(root, vulns, tmp, progress);
        } else if (update) {
            // no sets configured: run, per image, the sets whose data can match it
            java.util.Set<String> done = new java.util.HashSet<>();
            beforeMatch = r -> {
                java.util.Set<String> needed = new java.util.TreeSet<>(NeededUpdaterSets.of(r));
                needed.removeAll(done);
                if (!needed.isEmpty()) {
                    UpdaterRun.run(root, vulns, tmp, progress, needed);
                    done.addAll(needed);
                }
            };
        }
        return new LocalScanner(db.dataSource(), vulns, imageOptions.resolver(root, tmp), root.pluginContext(tmp),
                tmp, progress, progress, beforeMatch);
    }

    private Suppressions loadSuppressions() throws IOException {
        if (suppressions == null) {
            return Suppressions.none();
        }
        Suppressions s = Suppressions.load(suppressions, LocalDate.now(root.console().clock()));
        for (Suppressions.Entry e : s.expired()) {
            root.note("warning: suppression " + e.describe() + " expired on " + e.expires() + "; ignoring it");
        }
        return s;
    }

    private ExitPolicy policy(Severity minimum) {
        if (failOn == null) {
            return new ExitPolicy(minimum);
        }
        try {
            return ExitPolicy.parse(failOn);
        } catch (IllegalArgumentException e) {
            throw usage("--fail-on: " + e.getMessage() + ", or none");
        }
    }

    private Severity severity(String option, String value) {
        try {
            return SeverityNames.parse(value);
        } catch (IllegalArgumentException e) {
            throw usage(option + ": " + e.getMessage());
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
