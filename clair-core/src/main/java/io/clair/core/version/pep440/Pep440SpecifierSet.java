package io.clair.core.version.pep440;

import java.util.ArrayList;
import java.util.List;

/**
 * A comma-separated set of PEP 440 specifiers ({@code >=1.0,<2.0,!=1.5}), all of which must match, as pypa/packaging's
 * {@code SpecifierSet}. The empty set matches everything.
 */
public final class Pep440SpecifierSet {
    private final List<Pep440Specifier> specs;
    private final Boolean prereleases;

    private Pep440SpecifierSet(List<Pep440Specifier> specs, Boolean prereleases) {
        this.specs = List.copyOf(specs);
        this.prereleases = prereleases;
    }

    /** Parses a set with the default pre-release policy. */
    public static Pep440SpecifierSet parse(String specifiers) {
        return parse(specifiers, null);
    }

    /**
     * Parses a set.
     *
     * @throws IllegalArgumentException when one specifier is invalid
     */
    public static Pep440SpecifierSet parse(String specifiers, Boolean prereleases) {
        List<Pep440Specifier> specs = new ArrayList<>();
        for (String s : specifiers.split(",", -1)) {
            if (!s.strip().isEmpty()) {
                specs.add(Pep440Specifier.parse(s.strip()));
            }
        }
        return new Pep440SpecifierSet(specs, prereleases);
    }

    public List<Pep440Specifier> specifiers() {
        return specs;
    }

    /** The same set with another explicit pre-release setting. */
    public Pep440SpecifierSet withPrereleases(Boolean p) {
        return new Pep440SpecifierSet(specs, p);
    }

    /** The explicit setting, else {@code true} if any specifier names a pre-release, else {@code null}. */
    public Boolean prereleases() {
        if (prereleases != null) {
            return prereleases;
        }
        for (Pep440Specifier s : specs) {
            if (Boolean.TRUE.equals(s.prereleases())) {
                return true;
            }
        }
        return null;
    }

    public boolean contains(String item) {
        return contains(Pep440Item.of(item), null, false);
    }

    /**
     * Whether the candidate matches every specifier.
     *
     * @param prereleases the pre-release policy for this call, {@code null} for the set's
     * @param installed   an installed pre-release is admitted whatever the policy
     */
    public boolean contains(Pep440Item item, Boolean prereleases, boolean installed) {
        if (item.version() != null && installed && item.version().isPrerelease()) {
            prereleases = true;
        }
        return !filter(List.of(item), prereleases).isEmpty();
    }

    /** packaging's {@code SpecifierSet.filter}. */
    public List<Pep440Item> filter(List<Pep440Item> items, Boolean prereleases) {
        if (prereleases == null) {
            prereleases = prereleases();
        }
        if (specs.isEmpty()) {
            return Pep440Item.applyPrereleasePolicy(items, prereleases);
        }
        boolean arbitrary = specs.stream().anyMatch(s -> "===".equals(s.operator()));
        List<Pep440Item> matches = new ArrayList<>();
        for (Pep440Item item : items) {
            boolean all = true;
            for (Pep440Specifier s : specs) {
                boolean m = arbitrary ? !s.filter(List.of(item), true).isEmpty()
                        : item.version() != null && s.matches(item.version());
                if (!m) {
                    all = false;
                    break;
                }
            }
            if (all) {
                matches.add(item);
            }
        }
        return Pep440Item.applyPrereleasePolicy(matches, prereleases);
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        specs.forEach(s -> parts.add(s.toString()));
        return String.join(",", parts);
    }
}
