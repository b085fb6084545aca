package io.clair.core.version.rpm;

import io.clair.core.version.InvalidVersionException;
import java.util.Comparator;
import java.util.Set;

/**
 * A NEVRA, NEVR, EVR or EVRA string read as claircore's {@code rpmver.Parse} reads it: with two or more hyphens the
 * front up to the second-to-last hyphen is the name; the release ends in an architecture only when its last dotted
 * part is one of a fixed set of known architectures (there is no other way to tell {@code el9.x86_64} from
 * {@code el9.1}).
 *
 * <p>Ordered by name, epoch, version, release, architecture; a present name or architecture sorts after an absent one,
 * and all parts compare with {@link RpmVerCmp}.
 *
 * @param name         the package name, or {@code null}
 * @param epoch        the epoch, "0" when absent
 * @param version      the version
 * @param release      the release
 * @param architecture the architecture, or {@code null}
 */
public record RpmNevra(String name, String epoch, String version, String release, String architecture)
        implements Comparable<RpmNevra> {

    private static final Set<String> ARCHITECTURES =
            Set.of("aarch64", "i686", "noarch", "ppc64le", "riscv", "s390x", "src", "x86_64");

    private static final Comparator<String> PART = Comparator.nullsFirst(RpmVerCmp::compare);

    /**
     * Parses a NEVRA-like string.
     *
     * @throws InvalidVersionException when there is no hyphen (it cannot be {@code version-release})
     */
    public static RpmNevra parse(String s) {
        int dashes = (int) s.chars().filter(c -> c == '-').count();
        if (dashes == 0) {
            throw new InvalidVersionException(RpmVersion.SCHEME, s, "missing separators: not version-release");
        }
        String name = null;
        String rest = s;
        if (dashes > 1) {
            int last = s.lastIndexOf('-');
            int cut = s.lastIndexOf('-', last - 1);
            name = s.substring(0, cut);
            rest = s.substring(cut + 1);
        }
        int dash = rest.indexOf('-');
        String ev = rest.substring(0, dash);
        String ra = rest.substring(dash + 1);
        String epoch = "0";
        String version = ev;
        int colon = ev.indexOf(':');
        if (colon >= 0) {
            if (colon > 0) {
                epoch = ev.substring(0, colon);
            }
            version = ev.substring(colon + 1);
        }
        String release = ra;
        String arch = null;
        int dot = ra.lastIndexOf('.');
        if (dot >= 0 && ARCHITECTURES.contains(ra.substring(dot + 1))) {
            arch = ra.substring(dot + 1);
            release = ra.substring(0, dot);
        }
        return new RpmNevra(name, epoch, version, release, arch);
    }

    @Override
    public int compareTo(RpmNevra o) {
        int c = PART.compare(name, o.name);
        if (c == 0) {
            c = RpmVerCmp.compare(epoch, o.epoch);
        }
        if (c == 0) {
            c = RpmVerCmp.compare(version, o.version);
        }
        if (c == 0) {
            c = RpmVerCmp.compare(release, o.release);
        }
        if (c == 0) {
            c = PART.compare(architecture, o.architecture);
        }
        return c;
    }

    /** The EVR alone, as an {@link RpmVersion}. */
    public RpmVersion evr() {
        return new RpmVersion(epoch, version, release);
    }
}
