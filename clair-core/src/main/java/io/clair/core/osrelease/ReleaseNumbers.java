package io.clair.core.osrelease;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Extracts the release numbers distribution scanners normalize to (major, or major.minor). */
public final class ReleaseNumbers {
    private static final Pattern MAJOR = Pattern.compile("^\\s*(\\d+)");
    private static final Pattern MAJOR_MINOR = Pattern.compile("^\\s*(\\d+)\\.(\\d+)");

    private ReleaseNumbers() {
    }

    /** The leading number of {@code version}: {@code 7.9} gives 7, {@code 2018.03} gives 2018, {@code edge} none. */
    public static Optional<Integer> major(String version) {
        Matcher m = MAJOR.matcher(version == null ? "" : version);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(m.group(1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** {@code MAJOR.MINOR} of {@code version}: {@code 3.18.4} gives {@code 3.18}, {@code 3} none. */
    public static Optional<String> majorMinor(String version) {
        Matcher m = MAJOR_MINOR.matcher(version == null ? "" : version);
        return m.find() ? Optional.of(m.group(1) + "." + m.group(2)) : Optional.empty();
    }
}
