package io.clair.ctl;

import io.clair.api.config.ClairConfigDocument;
import io.clair.core.plugin.PluginContext;
import io.clair.core.plugin.Plugins;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code clairctl}: Clair's command-line client. Reports on images against a Clair server or in-process
 * ({@code report --local}), prints manifests, deletes index reports, moves vulnerability data to air-gapped sites
 * ({@code export-updaters}/{@code import-updaters}) and checks configuration files.
 *
 * <p>Exit status: 0 clean, 1 when {@code report} finds vulnerabilities its policy fails on, 2 on usage or runtime
 * errors, which are reported as one line starting {@code clairctl:} (with a stack trace only under {@code -D}).
 */
@Command(name = "clairctl", mixinStandardHelpOptions = true, versionProvider = ClairCtl.Version.class,
        usageHelpAutoWidth = true, sortOptions = false,
        description = "Clair's command-line client: image vulnerability reports, manifests, updater bundles.",
        subcommands = {ReportCommand.class, ManifestCommand.class, DeleteCommand.class, ExportUpdatersCommand.class,
                ImportUpdatersCommand.class, CheckConfigCommand.class},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:clean", "1:report found vulnerabilities at or above the policy threshold",
                "2:usage or runtime error"},
        footer = "%nSee 'clairctl COMMAND --help' for a command's options.")
public final class ClairCtl implements Callable<Integer> {
    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int ERROR = 2;

    @Option(names = "-D", scope = ScopeType.INHERIT, description = "Debug: log to stderr at debug level, print"
            + " stack traces.")
    boolean debug;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, description = "Print nothing on stderr but errors.")
    boolean quiet;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Clair config file (YAML/JSON, with FILE.d/ drop-ins); env CLAIR_CONF. Used for"
                    + " auth.psk, connection strings and updaters.")
    Path config;

    @Option(names = {"--issuer", "--iss"}, paramLabel = "NAME", scope = ScopeType.INHERIT,
            defaultValue = "clairctl", description = "JWT issuer for PSK-signed requests (default: ${DEFAULT-VALUE}).")
    String issuer;

    @Option(names = "--progress", paramLabel = "WHEN", scope = ScopeType.INHERIT, defaultValue = "auto",
            description = "Progress on stderr: ${COMPLETION-CANDIDATES} (auto: when stderr is a terminal).")
    Progress.Mode progress;

    private final Console console;
    private ClairConfigDocument configDocument;
    private boolean configLoaded;

    public ClairCtl(Console console) {
        this.console = console;
    }

    public static void main(String[] args) {
        Console console = Console.system();
        int rc = run(console, args);
        console.out().flush();
        console.err().flush();
        System.exit(rc);
    }

    /** Runs one command line with {@code console}; returns the exit status. Tests call this in-process. */
    public static int run(Console console, String... args) {
        ClairCtl root = new ClairCtl(console);
        CommandLine cl = new CommandLine(root);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setOut(new java.io.PrintWriter(console.out(), true));
        cl.setErr(new java.io.PrintWriter(console.err(), true));
        cl.setParameterExceptionHandler((e, a) -> {
            String help = e.getCommandLine().getCommandSpec().qualifiedName();
            console.err().println("clairctl: " + e.getMessage() + " (see '" + help + " --help')");
            return ERROR;
        });
        cl.setExecutionExceptionHandler((e, c, parsed) -> failed(root, e));
        cl.setExecutionStrategy(parsed -> {
            Logging.configure(root.debug, root.quiet);
            return new CommandLine.RunLast().execute(parsed);
        });
        return cl.execute(args);
    }

    private static int failed(ClairCtl root, Exception e) {
        root.console.err().println("clairctl: " + Errors.describe(e));
        if (root.debug) {
            e.printStackTrace(root.console.err());
        }
        return ERROR;
    }

    @Override
    public Integer call() {
        console.err().println("clairctl: a command is required: report, manifest, delete, export-updaters,"
                + " import-updaters or check-config (see 'clairctl --help')");
        return ERROR;
    }

    public Console console() {
        return console;
    }

    boolean debug() {
        return debug;
    }

    boolean quiet() {
        return quiet;
    }

    String issuer() {
        return issuer;
    }

    /** Progress on stderr, as {@code --progress} and {@code -q} decide. */
    Progress progress() {
        return new Progress(console.err(), !quiet && progress.enabled(console.stderrTty()), console.stderrTty());
    }

    /** A note on stderr unless {@code -q}. */
    void note(String message) {
        if (!quiet) {
            console.err().println("clairctl: " + message);
        }
    }

    /**
     * The Clair config file from {@code --config} or {@code CLAIR_CONF}, or null when neither is set. A file that
     * was named but cannot be read is an error, never silently ignored.
     */
    ClairConfigDocument config() {
        if (!configLoaded) {
            Path p = config != null ? config : console.env("CLAIR_CONF") == null ? null
                    : Path.of(console.env("CLAIR_CONF"));
            if (p != null) {
                try {
                    configDocument = ClairConfigDocument.read(p);
                } catch (IOException e) {
                    throw new CtlException(e.getMessage(), e);
                }
            }
            configLoaded = true;
        }
        return configDocument;
    }

    /** What plugins are built with: the config file's {@code updaters.config}, a shared HTTP client, the clock. */
    PluginContext pluginContext(Path tempDir) {
        ClairConfigDocument c = config();
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30)).build();
        return new PluginContext(http, console.clock(), tempDir, c == null ? Map.of() : c.updaterConfig());
    }

    /** The config file's {@code updaters.sets}: null for every installed set. */
    Set<String> updaterSets() {
        ClairConfigDocument c = config();
        return c == null ? null : c.updaterSets().map(Set::copyOf).orElse(null);
    }

    /** The version SARIF and CycloneDX name the tool by. */
    static String version() {
        String v = ClairCtl.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** {@code --version}: the build's version and the installed plugins, which a shaded jar must keep. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = ClairCtl.class.getPackage().getImplementationVersion();
            return new String[] {"clairctl " + (v == null ? "(development build)" : v),
                    "plugins: " + String.join(", ", Plugins.load(ClairCtl.class.getClassLoader()).names())};
        }
    }
}
