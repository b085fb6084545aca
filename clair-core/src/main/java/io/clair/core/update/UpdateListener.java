package io.clair.core.update;

/** Receives what each updater did, for metrics and logs. Called from updater threads; must return quickly. */
public interface UpdateListener {
    UpdateListener NONE = outcome -> { };

    void finished(UpdateOutcome outcome);
}
