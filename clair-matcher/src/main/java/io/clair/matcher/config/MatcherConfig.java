package io.clair.matcher.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The matcher's settings ({@code clair.matcher.*}; Clair's {@code matcher.*} keys map onto these). */
@ConfigMapping(prefix = "clair.matcher")
public interface MatcherConfig {

    /**
     * The indexer's base URL, where index reports come from when the indexer runs as its own service (in the
     * all-in-one process the shared store is read directly).
     */
    Optional<String> indexerUrl();

    /** How long clients may cache a vulnerability report ({@code Cache-Control: max-age}). */
    @WithDefault("60s")
    Duration cacheAge();
}
