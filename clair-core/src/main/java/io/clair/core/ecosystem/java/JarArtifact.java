package io.clair.core.ecosystem.java;

import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An artifact identified inside a Java archive, and the three ways claircore identifies one, best first.
 *
 * @param name    {@code groupId:artifactId} from {@code pom.properties}; otherwise the manifest's or file's name
 * @param version the version as written
 * @param source  what identified it
 * @param member  the archive member it was read from, with nested archives joined by {@code !/}; the archive's
 *                own name for {@link Source#FILENAME}
 */
record JarArtifact(String name, String version, Source source, String member) {

    enum Source { POM_PROPERTIES, MANIFEST, FILENAME }

    private static final Pattern FILE_NAME = Pattern.compile(
            "(\\p{Graph}+)-(\\p{Digit}[-.\\p{Alnum}]*(?:-SNAPSHOT)?)\\.(?:jar|war|ear|jpi|hpi)");

    /** From a {@code pom.properties}: all of groupId, artifactId and version, or nothing. */
    static Optional<JarArtifact> fromPomProperties(Properties p, String member) {
        String g = p.getProperty("groupId", "").trim();
        String a = p.getProperty("artifactId", "").trim();
        String v = p.getProperty("version", "").trim();
        if (g.isEmpty() || a.isEmpty() || v.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new JarArtifact(g + ":" + a, v, Source.POM_PROPERTIES, member));
    }

    /**
     * From a file name such as {@code kotlin-stdlib-1.9.0.jar}: claircore's pattern, the last {@code -} followed by a
     * digit splitting name from version.
     */
    static Optional<JarArtifact> fromFileName(String fileName) {
        Matcher m = FILE_NAME.matcher(fileName);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new JarArtifact(m.group(1), m.group(2), Source.FILENAME, fileName));
    }
}
