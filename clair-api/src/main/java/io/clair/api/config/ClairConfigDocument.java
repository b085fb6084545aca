package io.clair.api.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A Clair v4 configuration file ({@code config.yaml}, YAML or JSON) read as a tree, with Clair's drop-ins applied:
 * files in {@code <file>.d/} ending {@code .yaml}/{@code .json} are RFC 7386 merge patches and files ending
 * {@code .yaml-patch}/{@code .json-patch} are RFC 6902 JSON patches, applied in lexical order of their names.
 *
 * <p>Shared by the services (which translate it into their properties) and {@code clairctl} (which reads the PSK,
 * the connection strings and the updater settings from it). Reading is lenient about keys it does not know, as the
 * services must accept any file Clair accepts; {@code clairctl check-config} does the strict checking.
 */
public final class ClairConfigDocument {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path path;
    private final ObjectNode root;
    private final List<Path> dropIns;

    private ClairConfigDocument(Path path, ObjectNode root, List<Path> dropIns) {
        this.path = path;
        this.root = root;
        this.dropIns = List.copyOf(dropIns);
    }

    /**
     * Reads {@code path} and applies its drop-ins.
     *
     * @throws IOException with a message naming the file when it is missing, not a mapping, or a patch fails
     */
    public static ClairConfigDocument read(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new IOException("config file " + path + " does not exist");
        }
        JsonNode n = parse(path);
        if (n == null || !n.isObject()) {
            throw new IOException("config file " + path + " is not a YAML mapping");
        }
        ObjectNode root = (ObjectNode) n;
        List<Path> applied = new ArrayList<>();
        Path dir = path.resolveSibling(path.getFileName() + ".d");
        if (Files.isDirectory(dir)) {
            List<Path> files;
            try (Stream<Path> s = Files.list(dir)) {
                files = s.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (name.endsWith(".yaml-patch") || name.endsWith(".json-patch")) {
                    root = asObject(f, JsonPatch.apply(root, parse(f), f.toString()));
                } else if (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json")) {
                    root = asObject(f, MergePatch.apply(root, parse(f)));
                } else {
                    continue; // editors' backups and READMEs are not configuration
                }
                applied.add(f);
            }
        }
        return new ClairConfigDocument(path, root, applied);
    }

    public Path path() {
        return path;
    }

    /** The drop-in files that were applied, in order. */
    public List<Path> dropIns() {
        return dropIns;
    }

    /** The merged tree (a copy). */
    public ObjectNode tree() {
        return root.deepCopy();
    }

    /** The node at a JSON pointer, e.g. {@code /auth/psk/key}; a missing node when absent. */
    public JsonNode at(String pointer) {
        return root.at(pointer);
    }

    /** The text at a JSON pointer, empty when absent, null or blank. */
    public Optional<String> text(String pointer) {
        JsonNode n = root.at(pointer);
        return n.isMissingNode() || n.isNull() || n.asText("").isBlank() ? Optional.empty()
                : Optional.of(n.asText());
    }

    /** The database connection string: {@code indexer.connstring}, else matcher's, notifier's, else {@code database.options.source}. */
    public String connString() {
        for (String p : List.of("/indexer/connstring", "/matcher/connstring", "/notifier/connstring",
                "/database/options/source")) {
            Optional<String> v = text(p);
            if (v.isPresent()) {
                return v.get();
            }
        }
        return "";
    }

    /** The matcher's database ({@code matcher.connstring}, else {@code database.options.source}); where Clair's
     * {@code clairctl import-updaters} writes. */
    public String matcherConnString() {
        return text("/matcher/connstring").or(() -> text("/database/options/source")).orElse("");
    }

    /** Pool size from {@code database.options.max_open_conns}, or -1. */
    public int maxOpenConns() {
        return root.at("/database/options/max_open_conns").asInt(-1);
    }

    /** {@code auth.psk.key}: the base64 pre-shared key, when configured. */
    public Optional<String> pskKey() {
        return text("/auth/psk/key");
    }

    /** {@code auth.psk.iss}: the issuers the server accepts besides {@code clair-intraservice}. */
    public List<String> pskIssuers() {
        return strings(root.at("/auth/psk/iss"));
    }

    /**
     * {@code updaters.sets}: empty when absent or null (Clair then runs every default set), else the list, which
     * may be empty (no updaters). {@code matcher.disable_updaters: true} forces an empty list, as in Clair.
     */
    public Optional<List<String>> updaterSets() {
        if (root.at("/matcher/disable_updaters").asBoolean(false)) {
            return Optional.of(List.of());
        }
        JsonNode sets = root.at("/updaters/sets");
        return sets.isMissingNode() || sets.isNull() ? Optional.empty() : Optional.of(strings(sets));
    }

    /** {@code updaters.config}: each updater set's configuration tree, keyed by set name. */
    public Map<String, Map<String, Object>> updaterConfig() {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.at("/updaters/config").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isObject()) {
                out.put(e.getKey(), JSON.convertValue(e.getValue(), JSON.getTypeFactory()
                        .constructMapType(LinkedHashMap.class, String.class, Object.class)));
            }
        }
        return out;
    }

    private static List<String> strings(JsonNode n) {
        if (n.isArray()) {
            List<String> out = new ArrayList<>();
            n.forEach(v -> out.add(v.asText()));
            return List.copyOf(out);
        }
        return n.isTextual() && !n.asText().isBlank() ? List.of(n.asText()) : List.of();
    }

    private static JsonNode parse(Path f) throws IOException {
        try {
            // YAML is a superset of JSON, so one parser reads both
            return YAML.readTree(f.toFile());
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new IOException("config file " + f + " is not valid YAML" + at + ": " + e.getOriginalMessage(), e);
        }
    }

    private static ObjectNode asObject(Path f, JsonNode n) throws IOException {
        if (!(n instanceof ObjectNode o)) {
            throw new IOException("config drop-in " + f + " leaves a configuration that is not a mapping");
        }
        return o;
    }
}
