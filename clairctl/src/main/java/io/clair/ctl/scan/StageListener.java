package io.clair.ctl.scan;

/** Told when a scan enters a new stage, for progress on stderr. */
@FunctionalInterface
public interface StageListener {
    StageListener NONE = text -> { };

    void stage(String text);
}
