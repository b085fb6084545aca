package io.clair.core.match;

import io.clair.core.index.Package;
import io.clair.core.index.PackageKind;
import io.clair.core.vuln.Vulnerability;
import io.clair.core.version.VersionScheme;

/**
 * The rule distribution matchers share: unfixed ({@code fixed_in_version} empty) affects every installed version,
 * {@code "0"} means not affected, otherwise the installed version is affected when it is lower than the fixed one in
 * the distribution's own version order. For records about a source package, the installed source version is
 * compared when the scanner found one, since the fixed version is a source version.
 */
public final class FixedVersionMatchers {
    private FixedVersionMatchers() {
    }

    public static boolean lowerThanFixed(VersionScheme scheme, Package installed, Vulnerability v) {
        String fixed = v.fixedInVersion();
        if (fixed.isEmpty()) {
            return true;
        }
        if (fixed.equals("0")) {
            return false;
        }
        String version = installed.version();
        if (v.pkg() != null && v.pkg().kind() == PackageKind.SOURCE && installed.source() != null
                && !installed.source().version().isEmpty()) {
            version = installed.source().version();
        }
        return scheme.compare(version, fixed) < 0;
    }
}
