package io.clair.core.update;

import io.clair.core.vuln.Vulnerability;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * An {@link Updater} whose source publishes what changed since a point in time, so that a run after the first
 * downloads only the changes (Red Hat's VEX feed: a full archive once, then {@code changes.csv} and
 * {@code deletions.csv}). It keeps the {@link Updater} contract that a run yields the complete set of records: to
 * build it from a delta it is handed the complete set of the previous run.
 *
 * <p>Contract for callers (the update manager):
 * <ul>
 *   <li>When {@link #fetch} is called with the fingerprint of a recorded run, the content it returns may be a delta
 *       against that run. Call {@link #parse(InputStream, List)} with the records of <em>that same</em> run (the
 *       update operation whose fingerprint was passed); the result is the complete new set, recorded as usual.</li>
 *   <li>{@link #parse(InputStream)} accepts only complete content (a fetch from {@link
 *       io.clair.core.vuln.Fingerprint#NONE}) and MUST throw on a delta rather than return a partial set.</li>
 *   <li>If the previous records are lost, fetch again from {@code Fingerprint.NONE}: that forces a full load.</li>
 * </ul>
 */
public interface DeltaUpdater extends Updater {

    /**
     * Parses content produced by {@link #fetch} into the complete record set.
     *
     * @param previous every record of the run whose fingerprint {@link #fetch} was given; ignored when the content is
     *                 complete. Records of vulnerabilities the delta does not mention are carried over unchanged.
     */
    List<Vulnerability> parse(InputStream content, List<Vulnerability> previous) throws IOException;
}
