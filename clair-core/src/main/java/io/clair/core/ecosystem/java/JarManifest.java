package io.clair.core.ecosystem.java;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The main section of a {@code META-INF/MANIFEST.MF}, and the artifact it names by claircore's rules: the name is
 * {@code Bundle-SymbolicName} (without directives) or else {@code Implementation-Vendor-Id}; the version is the
 * first of {@code Bundle-Version}, {@code Implementation-Version}, {@code Specification-Version}.
 * {@code Implementation-Title} is a display name, used only by {@link #titleArtifact} as a last resort.
 *
 * <p>A manifest that fails claircore's sanity checks (no {@code Manifest-Version} number, a {@code Name} attribute
 * in the main section) names nothing.
 */
final class JarManifest {
    private static final Pattern MANIFEST_VERSION = Pattern.compile("\\d+(\\.\\d+)*");

    private final Map<String, String> attributes;

    private JarManifest(Map<String, String> attributes) {
        this.attributes = attributes;
    }

    /** Parses the main section: {@code Key: value} lines, continuation lines starting with one space. */
    static JarManifest parse(String text) {
        Map<String, String> attrs = new LinkedHashMap<>();
        String lastKey = null;
        for (String line : text.split("\r\n|\r|\n", -1)) {
            if (line.isEmpty()) {
                if (!attrs.isEmpty()) {
                    break; // end of the main section
                }
                continue;
            }
            if (line.charAt(0) == ' ' && lastKey != null) {
                attrs.merge(lastKey, line.substring(1), String::concat);
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            lastKey = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            attrs.putIfAbsent(lastKey, line.substring(colon + 1).trim());
        }
        return new JarManifest(attrs);
    }

    String get(String key) {
        return attributes.getOrDefault(key.toLowerCase(Locale.ROOT), "").trim();
    }

    boolean sane() {
        return !attributes.isEmpty() && MANIFEST_VERSION.matcher(get("Manifest-Version")).find()
                && get("Name").isEmpty();
    }

    Optional<JarArtifact> artifact(String member) {
        if (!sane()) {
            return Optional.empty();
        }
        String name = get("Bundle-SymbolicName");
        int semi = name.indexOf(';');
        if (semi >= 0) {
            name = name.substring(0, semi).trim();
        }
        if (name.isEmpty()) {
            name = get("Implementation-Vendor-Id");
        }
        String version = version();
        if (name.isEmpty() || version.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new JarArtifact(name, version, JarArtifact.Source.MANIFEST, member));
    }

    /** {@code Implementation-Title} with the manifest's version, for archives nothing else identifies. */
    Optional<JarArtifact> titleArtifact(String member) {
        String title = get("Implementation-Title");
        String version = version();
        if (!sane() || title.isEmpty() || version.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new JarArtifact(title, version, JarArtifact.Source.MANIFEST, member));
    }

    private String version() {
        for (String k : new String[] {"Bundle-Version", "Implementation-Version", "Specification-Version"}) {
            String v = get(k);
            if (!v.isEmpty()) {
                return v;
            }
        }
        return "";
    }
}
