package io.clair.core.ecosystem.suse;

import io.clair.core.index.Distribution;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SUSE OVAL file and the release it describes, recognised from its base name as SUSE publishes it:
 * {@code suse.linux.enterprise.server.<major>} (SLES 11 and later, every service pack in one file) and
 * {@code opensuse.leap.<major.minor>} (Leap 15.5 and later, the releases claircore still follows).
 *
 * @param file the base name, without {@code .xml.gz}
 */
public record SuseRelease(String file, Distribution distribution) {
    private static final Pattern SLES = Pattern.compile("suse\\.linux\\.enterprise\\.server\\.(\\d{2})");
    private static final Pattern LEAP = Pattern.compile("opensuse\\.leap\\.(\\d{2})\\.(\\d+)");

    /** The release a base name stands for, or empty for any other file (micro, desktop, older Leap). */
    public static Optional<SuseRelease> of(String file) {
        Matcher m = SLES.matcher(file);
        if (m.matches() && Integer.parseInt(m.group(1)) >= 11) {
            return Optional.of(new SuseRelease(file, SuseDistributions.sles(Integer.parseInt(m.group(1)))));
        }
        m = LEAP.matcher(file);
        if (m.matches()) {
            int major = Integer.parseInt(m.group(1));
            int minor = Integer.parseInt(m.group(2));
            if (major > 15 || (major == 15 && minor >= 5)) {
                return Optional.of(new SuseRelease(file, SuseDistributions.leap(major + "." + minor)));
            }
        }
        return Optional.empty();
    }

    /** {@code suse-updater-<pretty name, lower case, spaces as dots>}, claircore's updater name. */
    public String updaterName() {
        return "suse-updater-" + distribution.prettyName().toLowerCase(Locale.ROOT).replace(' ', '.');
    }
}
