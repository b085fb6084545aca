package io.clair.core.ecosystem.rhel;

import com.fasterxml.jackson.databind.JsonNode;
import io.clair.core.index.Package;
import io.clair.core.index.PackageKind;
import io.clair.core.index.Repository;
import io.clair.core.vuln.ArchOp;
import io.clair.core.vuln.Severity;
import io.clair.core.vuln.Vulnerability;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The records a Red Hat VEX document should give, worked out by walking its Jackson tree directly (product tree,
 * relationships, purl strings split by hand), independently of the parser's classes. Used to check the parser
 * record by record on the real files.
 */
final class VexExpectations {
    private final JsonNode doc;
    private final Map<String, JsonNode> products = new HashMap<>();
    private final Map<String, String[]> rels = new HashMap<>();

    VexExpectations(JsonNode doc) {
        this.doc = doc;
        collect(doc.path("product_tree"));
        for (JsonNode r : doc.path("product_tree").path("relationships")) {
            if (r.path("category").asText().equals("default_component_of")) {
                String id = r.path("full_product_name").path("product_id").asText();
                rels.putIfAbsent(id, new String[] {r.path("product_reference").asText(),
                        r.path("relates_to_product_reference").asText()});
                products.putIfAbsent(id, r.path("full_product_name"));
            }
        }
    }

    private void collect(JsonNode n) {
        for (JsonNode b : n.path("branches")) {
            if (b.has("product")) {
                products.putIfAbsent(b.path("product").path("product_id").asText(), b.path("product"));
            }
            collect(b);
        }
    }

    /** The CPE 2.3 formatted string of the simple URI CPEs Red Hat's test files use (no escapes, no wildcards). */
    static String bind(String uri) {
        String[] c = uri.substring("cpe:/".length()).split(":", -1);
        String[] out = {"*", "*", "*", "*", "*", "*", "*", "*", "*", "*", "*"};
        for (int i = 0; i < c.length; i++) {
            out[i] = c[i].isEmpty() ? "*" : c[i];
        }
        return "cpe:2.3:" + String.join(":", out);
    }

    List<Vulnerability> records(boolean ignoreKernel) {
        if (doc.path("document").path("tracking").path("status").asText().equals("deleted")) {
            return List.of();
        }
        String name = doc.path("document").path("tracking").path("id").asText();
        String self = "";
        for (JsonNode r : doc.path("document").path("references")) {
            if (r.path("category").asText().equals("self")) {
                self = r.path("url").asText();
            }
        }
        Set<Vulnerability> out = new LinkedHashSet<>();
        for (JsonNode v : doc.path("vulnerabilities")) {
            String desc = "";
            for (JsonNode n : v.path("notes")) {
                if (n.path("category").asText().equals("description")) {
                    desc = n.path("text").asText();
                }
            }
            List<String> links = new ArrayList<>();
            v.path("references").forEach(r -> links.add(r.path("url").asText()));
            links.add(self);
            String baseLinks = String.join(" ", links);
            var issued = OffsetDateTime.parse(v.path("release_date").asText()).toInstant();
            Map<String, Vulnerability> fixed = new LinkedHashMap<>();
            for (JsonNode pid : v.path("product_status").path("fixed")) {
                List<String> parts = parts(pid.asText());
                if (parts == null) {
                    continue;
                }
                String cpe = products.getOrDefault(parts.get(parts.size() - 1), com.fasterxml.jackson.databind.node.MissingNode.getInstance())
                        .path("product_identification_helper").path("cpe").asText("");
                String purl = products.getOrDefault(parts.get(0), com.fasterxml.jackson.databind.node.MissingNode.getInstance())
                        .path("product_identification_helper").path("purl").asText("");
                if (cpe.isEmpty() || !purl.startsWith("pkg:rpm/redhat/") || !purl.contains("@")) {
                    continue;
                }
                Map<String, String> q = qualifiers(purl);
                String pkg = purl.substring("pkg:rpm/redhat/".length(), purl.indexOf('@'));
                if (ignoreKernel && pkg.startsWith("kernel")) {
                    continue;
                }
                String version = purl.substring(purl.indexOf('@') + 1).split("[?#]")[0];
                String fixedIn = q.getOrDefault("epoch", "0") + ":" + version;
                String module = q.getOrDefault("rpmmod", "");
                module = module.matches("[^:]+:[^:]+") ? module : "";
                String arch = q.getOrDefault("arch", "");
                arch = arch.equals("x86_64") ? "amd64|x86_64" : arch;
                String key = parts.get(parts.size() - 1) + "/" + module + "/" + pkg + "/" + fixedIn;
                Vulnerability prev = fixed.get(key);
                if (prev != null) {
                    String merged = prev.pkg().arch().isEmpty() ? arch : prev.pkg().arch() + "|" + arch;
                    fixed.put(key, with(prev, prev.pkg().toBuilder().arch(merged).build()));
                    continue;
                }
                String rem = remediation(v, pid.asText());
                String[] sev = severity(v, pid.asText());
                fixed.put(key, new Vulnerability("", "rhel-vex", name, desc, issued,
                        rem.isEmpty() ? baseLinks : baseLinks + " " + rem, sev[0], Severity.valueOf(sev[1]),
                        Package.builder(pkg, "").kind(PackageKind.BINARY).module(module).arch(arch).build(), null,
                        repo(cpe), fixedIn, null, arch.isEmpty() ? ArchOp.NONE : ArchOp.PATTERN_MATCH, false));
            }
            out.addAll(fixed.values());
            for (String status : List.of("known_affected", "known_not_affected")) {
                boolean notAffected = status.equals("known_not_affected");
                for (JsonNode pid : v.path("product_status").path(status)) {
                    List<String> parts = parts(pid.asText());
                    if (parts == null || !products.containsKey(parts.get(0))) {
                        continue;
                    }
                    String cpe = products.getOrDefault(parts.get(parts.size() - 1), com.fasterxml.jackson.databind.node.MissingNode.getInstance())
                            .path("product_identification_helper").path("cpe").asText("");
                    if (cpe.isEmpty()) {
                        continue;
                    }
                    String pkg = parts.get(0);
                    String module = "";
                    String purl = products.get(pkg).path("product_identification_helper").path("purl").asText("");
                    if (!purl.isEmpty()) {
                        if (!purl.startsWith("pkg:rpm/redhat/")) {
                            continue;
                        }
                        String rest = purl.substring("pkg:rpm/redhat/".length());
                        pkg = rest.split("[@?#]")[0];
                        String mod = qualifiers(purl).getOrDefault("rpmmod", "");
                        module = mod.matches("[^:]+:[^:]+") ? mod : "";
                    }
                    if (ignoreKernel && pkg.startsWith("kernel")) {
                        continue;
                    }
                    String[] sev = severity(v, pid.asText());
                    out.add(new Vulnerability("", "rhel-vex", name, desc, issued, baseLinks, sev[0],
                            Severity.valueOf(sev[1]),
                            Package.builder(pkg, "").kind(PackageKind.SOURCE).module(module).build(), null,
                            repo(cpe), notAffected ? "0" : "", null, ArchOp.NONE, notAffected));
                }
            }
        }
        return new ArrayList<>(out);
    }

    private static Vulnerability with(Vulnerability v, Package p) {
        return new Vulnerability(v.id(), v.updater(), v.name(), v.description(), v.issued(), v.links(), v.severity(),
                v.normalizedSeverity(), p, v.distribution(), v.repository(), v.fixedInVersion(), v.range(),
                p.arch().isEmpty() ? ArchOp.NONE : ArchOp.PATTERN_MATCH, v.notVulnerable());
    }

    private static Repository repo(String cpe) {
        return new Repository("", bind(cpe), "rhel-cpe-repository", "", bind(cpe));
    }

    /** The leaves of a product id's relationships: [package, (module,) repository]; null when unrelated. */
    private List<String> parts(String pid) {
        if (!rels.containsKey(pid)) {
            return null;
        }
        List<String> leaves = new ArrayList<>();
        expand(pid, leaves);
        return leaves.size() < 2 ? null : leaves.size() == 2 ? leaves
                : List.of(leaves.get(0), leaves.get(leaves.size() - 2), leaves.get(leaves.size() - 1));
    }

    private void expand(String id, List<String> out) {
        String[] r = rels.get(id);
        if (r == null) {
            out.add(id);
            return;
        }
        expand(r[0], out);
        expand(r[1], out);
    }

    private static Map<String, String> qualifiers(String purl) {
        Map<String, String> q = new HashMap<>();
        int i = purl.indexOf('?');
        if (i < 0) {
            return q;
        }
        for (String kv : purl.substring(i + 1).split("#")[0].split("&")) {
            String[] p = kv.split("=", 2);
            q.put(p[0], p.length == 2 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "");
        }
        return q;
    }

    private static String remediation(JsonNode v, String pid) {
        for (JsonNode r : v.path("remediations")) {
            for (JsonNode p : r.path("product_ids")) {
                if (p.asText().equals(pid) && !r.path("url").asText("").isEmpty()) {
                    return r.path("url").asText();
                }
            }
        }
        return "";
    }

    /** {vector or "Unknown", normalized severity name}. */
    private static String[] severity(JsonNode v, String pid) {
        String vector = "Unknown";
        outer:
        for (JsonNode s : v.path("scores")) {
            for (JsonNode p : s.path("products")) {
                if (p.asText().equals(pid)) {
                    for (String k : List.of("cvss_v4", "cvss_v3", "cvss_v2")) {
                        if (s.has(k)) {
                            vector = s.path(k).path("vectorString").asText();
                            break outer;
                        }
                    }
                }
            }
        }
        String normalized = "Unknown";
        outer:
        for (JsonNode t : v.path("threats")) {
            if (!t.path("category").asText().equals("impact")) {
                continue;
            }
            for (JsonNode p : t.path("product_ids")) {
                if (p.asText().equals(pid)) {
                    normalized = switch (t.path("details").asText()) {
                        case "Low" -> "Low";
                        case "Moderate" -> "Medium";
                        case "Important" -> "High";
                        case "Critical" -> "Critical";
                        default -> "Unknown";
                    };
                    break outer;
                }
            }
        }
        return new String[] {vector, normalized};
    }
}
