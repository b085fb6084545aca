package io.clair.core.match;

import io.clair.core.index.IndexRecord;
import io.clair.core.vuln.Vulnerability;

/** Events of matching, for metrics. Methods must return quickly; the defaults do nothing. */
public interface MatchListener {
    MatchListener NONE = new MatchListener() { };

    /**
     * A version would not parse, so the pair could not be decided. It is neither reported as vulnerable nor
     * silently dropped: it is logged and counted here.
     */
    default void undecidable(Matcher matcher, IndexRecord record, Vulnerability vuln, RuntimeException cause) {
    }

    /** One report was matched. */
    default void matched(int packages, int vulnerabilities, java.time.Duration took) {
    }
}
