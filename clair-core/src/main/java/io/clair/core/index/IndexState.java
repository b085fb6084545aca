package io.clair.core.index;

/** Clair's indexing states, spelled on the wire exactly as the enum constants are named. */
public enum IndexState {
    CheckManifest,
    FetchLayers,
    ScanLayers,
    Coalesce,
    IndexManifest,
    IndexError,
    IndexFinished,
    Terminal;

    public boolean isTerminal() {
        return this == IndexError || this == IndexFinished || this == Terminal;
    }
}
