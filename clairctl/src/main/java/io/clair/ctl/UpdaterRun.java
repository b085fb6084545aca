package io.clair.ctl;

import io.clair.core.plugin.Plugins;
import io.clair.core.store.VulnerabilityStore;
import io.clair.core.update.UpdateManager;
import io.clair.core.update.UpdateOptions;
import io.clair.core.update.UpdateOutcome;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code report --local --update}: runs the configured updater sets ({@code updaters.sets}; when none are
 * configured, the sets the scanned image needs, see {@link NeededUpdaterSets}) into the local database, as the
 * updater service would. A failing source is a warning, not an error: the scan goes on
 * with the data there is, and says so when there is none.
 */
final class UpdaterRun {
    private UpdaterRun() {
    }

    static void run(ClairCtl root, VulnerabilityStore store, Path tmp, Progress progress) {
        run(root, store, tmp, progress, root.updaterSets());
    }

    /** Runs {@code sets} (null: every installed set). */
    static void run(ClairCtl root, VulnerabilityStore store, Path tmp, Progress progress, java.util.Set<String> sets) {
        Plugins plugins = Plugins.load(UpdaterRun.class.getClassLoader());
        UpdateOptions options = new UpdateOptions(sets, 10, 2, root.console().clock(),
                o -> progress.stage("updater " + o.updater() + ": " + o.result().name().toLowerCase()));
        progress.stage("running the updaters");
        List<UpdateOutcome> outcomes = new UpdateManager(store, plugins.updaterFactories(root.pluginContext(tmp)),
                options).runOnce();
        progress.done();
        int updated = 0;
        for (UpdateOutcome o : outcomes) {
            if (o.result() == UpdateOutcome.Result.FAILED) {
                root.note("warning: updater " + o.updater() + " failed: " + o.error());
            } else if (o.result() == UpdateOutcome.Result.UPDATED) {
                updated++;
            }
        }
        root.note("updaters: " + outcomes.size() + " run, " + updated + " with new data");
    }
}
