package io.clair.core.ecosystem.rhel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clair.core.layer.Layer;
import io.clair.core.layer.LayerEntry;
import io.clair.core.scan.ScanException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The repositories (Red Hat "content sets") a layer's packages were installed from, as Red Hat images record them.
 * Red Hat's build system writes a content manifest into every layer it builds,
 * {@code root/buildinfo/content_manifests/<component>.json}, whose {@code content_sets} list the repositories the
 * layer's packages came from. Layers built elsewhere have none; for them the repositories the layer configures and
 * enables ({@code etc/yum.repos.d/*.repo}, the ids dnf and yum install from) are the best available evidence.
 */
final class ContentSets {
    static final String MANIFEST_DIR = "root/buildinfo/content_manifests/";
    static final String YUM_REPOS_DIR = "etc/yum.repos.d/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ContentSets() {
    }

    /** The content sets of the layer's content manifests, or empty when the layer has no manifest. */
    static Optional<List<String>> fromManifests(Layer layer) throws IOException {
        List<String> files = files(layer, MANIFEST_DIR, ".json");
        if (files.isEmpty()) {
            return Optional.empty();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String path : files) {
            JsonNode root;
            try (InputStream in = layer.open(path)) {
                root = JSON.readTree(in);
            } catch (JsonProcessingException e) {
                throw new ScanException("rhel-repository-scanner: " + path + ": malformed content manifest: "
                        + e.getOriginalMessage(), e);
            }
            if (root == null || !root.isObject()) {
                throw new ScanException("rhel-repository-scanner: " + path + ": content manifest is not an object");
            }
            for (JsonNode s : root.path("content_sets")) {
                if (s.isTextual() && !s.asText().isBlank()) {
                    out.add(s.asText().trim());
                }
            }
        }
        return Optional.of(List.copyOf(out));
    }

    /** The ids of the repositories the layer's {@code .repo} files enable ({@code enabled} defaults to on). */
    static List<String> fromYumRepos(Layer layer) throws IOException {
        Set<String> out = new LinkedHashSet<>();
        for (String path : files(layer, YUM_REPOS_DIR, ".repo")) {
            try (InputStream in = layer.open(path)) {
                readRepoFile(in, out);
            }
        }
        return List.copyOf(out);
    }

    /** Reads one INI-style repo file: {@code [id]} sections with {@code enabled=0|1} keys. */
    static void readRepoFile(InputStream in, Set<String> enabledIds) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String section = null;
        boolean enabled = true;
        String line;
        while ((line = r.readLine()) != null) {
            String t = line.trim();
            if (t.startsWith("[") && t.endsWith("]")) {
                if (section != null && enabled) {
                    enabledIds.add(section);
                }
                section = t.substring(1, t.length() - 1).trim();
                enabled = true;
            } else if (section != null && !t.startsWith("#") && !t.startsWith(";") && t.contains("=")) {
                String key = t.substring(0, t.indexOf('=')).trim().toLowerCase(Locale.ROOT);
                String value = t.substring(t.indexOf('=') + 1).trim().toLowerCase(Locale.ROOT);
                if (key.equals("enabled")) {
                    enabled = value.equals("1") || value.equals("true") || value.equals("yes");
                }
            }
        }
        if (section != null && enabled && !section.isEmpty()) {
            enabledIds.add(section);
        }
    }

    /** Regular files (or links to them) directly in {@code dir} whose names end with {@code suffix}, sorted. */
    private static List<String> files(Layer layer, String dir, String suffix) {
        return layer.entries()
                .filter(e -> e.type() != LayerEntry.Type.DIRECTORY && e.path().startsWith(dir)
                        && e.path().endsWith(suffix) && e.path().indexOf('/', dir.length()) < 0
                        && layer.exists(e.path()))
                .map(LayerEntry::path).sorted().toList();
    }
}
