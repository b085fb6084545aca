package io.clair.core.match;

import io.clair.core.store.VulnerabilityStore;
import io.clair.core.vuln.Severity;
import io.clair.core.vuln.Vulnerability;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Adds data from enrichment records to a vulnerability report (claircore's {@code driver.Enricher}), for example
 * CVSS scores from NVD. The {@link VulnerabilityMatcher} calls every enricher once per report, after matching.
 *
 * <p>Implementations are stateless and thread-safe, read only the records of the enrichment updater they belong to,
 * and SHOULD look records up with one store call per report ({@link VulnerabilityStore#enrichments(String,
 * java.util.Collection)}). An enricher that finds nothing returns {@link Result#none()}; the report then has no entry
 * for its type. A failing enricher is logged and leaves the report without its entry.
 */
public interface Enricher {

    /** Stable, unique name, for example {@code clair.cvss}. */
    String name();

    /**
     * Enriches the vulnerabilities of one report.
     *
     * @param vulnerabilities the report's vulnerabilities by report id
     * @param store           where the enrichment records are looked up
     */
    Result enrich(Map<String, Vulnerability> vulnerabilities, VulnerabilityStore store);

    /**
     * What an enricher adds.
     *
     * @param type       the report's {@code enrichments} key, a media type naming the enricher and its schema
     * @param values     the JSON-like values under that key (maps, lists, strings, numbers, booleans); empty for none
     * @param severities normalized severities the enricher derived, by report vulnerability id; the matcher applies
     *                   one only to a vulnerability whose own normalized severity is {@link Severity#Unknown}
     */
    record Result(String type, List<Object> values, Map<String, Severity> severities) {
        public Result {
            Objects.requireNonNull(type, "type");
            values = List.copyOf(values);
            severities = Map.copyOf(severities);
        }

        public static Result none() {
            return new Result("", List.of(), Map.of());
        }

        public boolean isEmpty() {
            return values.isEmpty();
        }
    }
}
