package io.clair.core.ecosystem.rhel;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read access to one CSAF 2.0 document (a Red Hat VEX file or advisory) held as a Jackson tree: tracking data, the
 * product tree indexed by product id, and the {@code default_component_of} relationships indexed by the id of the
 * product they define. Indexes are built once per document, so that lookups for thousands of product statuses stay
 * linear.
 */
final class CsafDocument {
    /** A {@code default_component_of} relationship: {@code productRef} is a component of {@code relatesTo}. */
    record Relationship(String productRef, String relatesTo) {
    }

    private final JsonNode root;
    private final Map<String, JsonNode> products = new HashMap<>();
    private final Map<String, Relationship> relationships = new HashMap<>();

    CsafDocument(JsonNode root) {
        this.root = root;
        collectProducts(root.path("product_tree"));
        for (JsonNode r : root.path("product_tree").path("relationships")) {
            String id = r.path("full_product_name").path("product_id").asText("");
            if (r.path("category").asText("").equals("default_component_of") && !id.isEmpty()) {
                relationships.putIfAbsent(id, new Relationship(r.path("product_reference").asText(""),
                        r.path("relates_to_product_reference").asText("")));
                products.putIfAbsent(id, r.path("full_product_name"));
            }
        }
    }

    /** {@code document.tracking.id}: the CVE id of a VEX file, the advisory id of an advisory. */
    String trackingId() {
        return root.path("document").path("tracking").path("id").asText("").trim();
    }

    /** {@code document.tracking.status}: {@code final}, {@code interim}, or {@code deleted} for a deletion stub. */
    String status() {
        return root.path("document").path("tracking").path("status").asText("");
    }

    /** The document's canonical URL (its {@code self} reference), or {@code ""}. */
    String selfLink() {
        String out = "";
        for (JsonNode r : root.path("document").path("references")) {
            if (r.path("category").asText("").equals("self")) {
                out = r.path("url").asText("");
            }
        }
        return out;
    }

    List<JsonNode> vulnerabilities() {
        List<JsonNode> out = new ArrayList<>();
        root.path("vulnerabilities").forEach(out::add);
        return out;
    }

    /** A product's {@code product_identification_helper} value ({@code cpe}, {@code purl}), if the product has it. */
    Optional<String> helper(String productId, String kind) {
        JsonNode p = products.get(productId);
        if (p == null) {
            return Optional.empty();
        }
        String v = p.path("product_identification_helper").path(kind).asText("");
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    boolean hasProduct(String productId) {
        return products.containsKey(productId);
    }

    Relationship relationship(String productId) {
        return relationships.get(productId);
    }

    private void collectProducts(JsonNode branchHolder) {
        for (JsonNode b : branchHolder.path("branches")) {
            JsonNode p = b.path("product");
            String id = p.path("product_id").asText("");
            if (!id.isEmpty()) {
                products.putIfAbsent(id, p);
            }
            collectProducts(b);
        }
        for (JsonNode p : branchHolder.path("full_product_names")) {
            String id = p.path("product_id").asText("");
            if (!id.isEmpty()) {
                products.putIfAbsent(id, p);
            }
        }
    }
}
