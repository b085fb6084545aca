package io.clair.ctl.report;

import io.clair.core.vuln.Severity;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Strict parsing of severity names for command-line options. {@link Severity#parse} maps anything unknown to
 * {@code Unknown}, which for a threshold would silently mean "everything"; a typo must be an error instead.
 */
public final class SeverityNames {
    private SeverityNames() {
    }

    /** Unknown, Negligible, Low, Medium, High, Critical in any case. */
    public static Severity parse(String text) {
        for (Severity s : Severity.values()) {
            if (s.name().equalsIgnoreCase(text.strip())) {
                return s;
            }
        }
        throw new IllegalArgumentException("\"" + text + "\" is not a severity; use one of " + names());
    }

    public static String names() {
        return Arrays.stream(Severity.values()).map(Severity::name).collect(Collectors.joining(", "));
    }
}
