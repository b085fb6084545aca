package io.clair.core.update;

import java.time.Clock;
import java.util.Set;

/**
 * How an {@link UpdateManager} runs.
 *
 * @param sets        updater sets to run (factory names); null for every installed set, empty for none
 * @param retention   update operations kept per updater (at least 2 so that notifications can diff); older ones
 *                    are garbage-collected after each run; 0 turns collection off
 * @param concurrency updaters run at once
 * @param clock       for status times
 * @param listener    receives per-updater outcomes; never null
 */
public record UpdateOptions(Set<String> sets, int retention, int concurrency, Clock clock, UpdateListener listener) {
    public UpdateOptions {
        sets = sets == null ? null : Set.copyOf(sets);
        if (retention != 0 && retention < 2) {
            retention = 2;
        }
        concurrency = Math.max(1, concurrency);
        clock = clock == null ? Clock.systemUTC() : clock;
        listener = listener == null ? UpdateListener.NONE : listener;
    }

    public static UpdateOptions defaults() {
        return new UpdateOptions(null, 10, 4, Clock.systemUTC(), UpdateListener.NONE);
    }

    public boolean enabled(String set) {
        return sets == null || sets.contains(set);
    }
}
