package io.clair.core.update;

import io.clair.core.vuln.Fingerprint;
import java.nio.file.Path;
import java.util.Objects;

/** What an {@link Updater#fetch} found: nothing new, or new content on local disk with the fingerprint to keep. */
public sealed interface FetchResult {

    /** The source is unchanged since the previous fingerprint: nothing to parse, nothing to record. */
    record Unchanged() implements FetchResult {
    }

    /**
     * New content, downloaded to {@code content} (owned by the caller, who deletes it after parsing).
     *
     * @param next fingerprint to store once the content is parsed and recorded
     */
    record Changed(Path content, Fingerprint next) implements FetchResult {
        public Changed {
            Objects.requireNonNull(content, "content");
            Objects.requireNonNull(next, "next");
        }
    }

    static FetchResult unchanged() {
        return new Unchanged();
    }
}
