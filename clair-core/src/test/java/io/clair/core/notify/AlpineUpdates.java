package io.clair.core.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clair.core.ecosystem.alpine.AlpineDistributions;
import io.clair.core.ecosystem.alpine.SecDbParser;
import io.clair.core.testing.TestData;
import io.clair.core.vuln.Vulnerability;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/**
 * Successive versions of the real Alpine v3.6 main secdb, as an updater would fetch them: the real document, and the
 * real document with further secfixes appended to named packages (new advisories, as a later fetch brings them).
 * Public for the notifier's service tests, which serve these documents to the real updater.
 */
public final class AlpineUpdates {
    public static final String UPDATER = "alpine-main-v3.6-updater";
    private static final ObjectMapper JSON = new ObjectMapper();

    private AlpineUpdates() {
    }

    /** The real v3.6 main secdb, parsed. */
    public static List<Vulnerability> real() throws IOException {
        return parse(Files.readString(TestData.path("alpine/secdb/v3.6/main.json")));
    }

    /**
     * The real document plus {@code extra}: origin package name to {fixed version: [ids]}; a package the document
     * lacks is appended as a new entry.
     */
    public static List<Vulnerability> realPlus(Map<String, Map<String, List<String>>> extra) throws IOException {
        return parse(realPlusJson(extra));
    }

    public static String realPlusJson(Map<String, Map<String, List<String>>> extra) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(TestData.path("alpine/secdb/v3.6/main.json").toFile());
        ArrayNode packages = (ArrayNode) root.get("packages");
        extra.forEach((name, fixes) -> {
            ObjectNode secfixes = null;
            for (JsonNode p : packages) {
                if (p.path("pkg").path("name").asText().equals(name)) {
                    secfixes = (ObjectNode) p.path("pkg").get("secfixes");
                }
            }
            if (secfixes == null) {
                ObjectNode pkg = packages.addObject().putObject("pkg");
                pkg.put("name", name);
                secfixes = pkg.putObject("secfixes");
            }
            ObjectNode s = secfixes;
            fixes.forEach((fixed, ids) -> {
                ArrayNode list = s.has(fixed) ? (ArrayNode) s.get(fixed) : s.putArray(fixed);
                ids.forEach(list::add);
            });
        });
        return root.toString();
    }

    private static List<Vulnerability> parse(String json) throws IOException {
        return new SecDbParser(UPDATER, AlpineDistributions.release("v3.6"))
                .parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
