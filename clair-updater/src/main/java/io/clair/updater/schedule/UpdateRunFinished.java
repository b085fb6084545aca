package io.clair.updater.schedule;

import io.clair.core.update.UpdateOutcome;
import java.util.List;

/** Fired (asynchronously) after each updater run, so that the notifier looks at the new operations at once. */
public record UpdateRunFinished(List<UpdateOutcome> outcomes) {
    public UpdateRunFinished {
        outcomes = List.copyOf(outcomes);
    }
}
