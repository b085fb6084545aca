package io.clair.core.update;

import io.clair.core.vuln.Fingerprint;
import io.clair.core.vuln.Vulnerability;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Pulls one vulnerability source into records, in two steps so that an unchanged source costs one conditional
 * request: {@link #fetch} downloads (or says unchanged), {@link #parse} turns the download into records.
 *
 * <p>A run that fails at either step MUST throw; the caller then keeps the previous data untouched. Each call to
 * {@link #parse} returns the complete set of records the source holds, not a delta.
 */
public interface Updater {

    /** Stable, unique name, for example {@code alpine-main-v3.18-updater}; update operations are recorded under it. */
    String name();

    /** Downloads the source unless {@code previous} shows it unchanged. */
    FetchResult fetch(Fingerprint previous) throws IOException;

    /** Parses content produced by {@link #fetch}. Every record MUST name a package. */
    List<Vulnerability> parse(InputStream content) throws IOException;
}
