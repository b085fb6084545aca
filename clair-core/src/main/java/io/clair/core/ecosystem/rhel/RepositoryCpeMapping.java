package io.clair.core.ecosystem.rhel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Red Hat's repository-to-CPE mapping ({@code {"data": {"<repository id>": {"cpes": ["cpe:/o:redhat:...", ...]}}}}):
 * which CPEs the content of each repository (content set) is published under. CPEs are held bound by
 * {@link RhelCpe}, as the VEX records carry them; a CPE that does not parse is left out and counted.
 */
public final class RepositoryCpeMapping {
    private static final Logger log = LoggerFactory.getLogger(RepositoryCpeMapping.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final RepositoryCpeMapping EMPTY = new RepositoryCpeMapping(Map.of());

    private final Map<String, List<String>> cpes;

    private RepositoryCpeMapping(Map<String, List<String>> cpes) {
        this.cpes = Map.copyOf(cpes);
    }

    /**
     * Reads a mapping document.
     *
     * @param what names the source in error messages
     */
    public static RepositoryCpeMapping read(InputStream in, String what) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            throw new IOException("rhel-repository-scanner: " + what + " is malformed JSON: "
                    + e.getOriginalMessage(), e);
        }
        JsonNode data = root == null ? null : root.get("data");
        if (data == null || !data.isObject()) {
            throw new IOException("rhel-repository-scanner: " + what + " has no \"data\" object");
        }
        Map<String, List<String>> out = new HashMap<>();
        int bad = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            List<String> bound = new ArrayList<>();
            for (JsonNode c : e.getValue().path("cpes")) {
                try {
                    bound.add(RhelCpe.parse(c.asText()).formatted());
                } catch (IllegalArgumentException ex) {
                    bad++;
                }
            }
            out.put(e.getKey(), List.copyOf(bound));
        }
        log.atInfo().addKeyValue("source", what).addKeyValue("repositories", out.size())
                .addKeyValue("unparsable_cpes", bad).log("repository-to-cpe mapping loaded");
        return new RepositoryCpeMapping(out);
    }

    /** The CPEs (CPE 2.3 formatted strings) of a repository id; empty for an unknown one. */
    public List<String> cpes(String repository) {
        return cpes.getOrDefault(repository, List.of());
    }

    public int size() {
        return cpes.size();
    }
}
