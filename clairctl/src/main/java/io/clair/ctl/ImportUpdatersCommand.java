package io.clair.ctl;

import io.clair.api.bundle.UpdateBundle;
import io.clair.core.store.jdbc.JdbcVulnerabilityStore;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code clairctl import-updaters}: loads a bundle into the matcher's database, each update operation as a new
 * one (so the notifier sees it), skipping updaters whose fingerprint the database already has.
 */
@Command(name = "import-updaters", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Import an updater bundle (plain, gzip or zstd) into the matcher database.",
                "Database: --database-url, CLAIR_DATABASE_URL, the config's matcher.connstring, else the embedded"
                        + " database in ~/.clair/postgres."})
final class ImportUpdatersCommand implements Callable<Integer> {
    @ParentCommand
    ClairCtl root;

    @Parameters(paramLabel = "FILE|URL|-", arity = "1", description = "The bundle; - reads stdin.")
    String source;

    @Option(names = "--database-url", paramLabel = "URL", description = "postgresql://user:pass@host:5432/db")
    String databaseUrl;

    @Override
    public Integer call() {
        Progress progress = root.progress();
        try (LocalDatabase db = LocalDatabase.open(root, databaseUrl, c -> c.matcherConnString(),
                List.of("vulnstore"))) {
            progress.stage("importing " + source + " into " + db.description());
            UpdateBundle.ImportResult r = BundleInput.importInto(new JdbcVulnerabilityStore(db.dataSource()), source,
                    root.console().in());
            progress.done();
            root.note("imported " + r.imported() + " update operations (" + r.vulnerabilities()
                    + " vulnerabilities) into " + db.description() + "; skipped " + r.skipped()
                    + " already present");
        } finally {
            progress.done();
        }
        return ClairCtl.OK;
    }
}
