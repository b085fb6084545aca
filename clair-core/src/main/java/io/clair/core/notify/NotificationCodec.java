package io.clair.core.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clair.core.index.Distribution;
import io.clair.core.index.Package;
import io.clair.core.index.PackageKind;
import io.clair.core.index.Repository;
import io.clair.core.manifest.Digest;
import io.clair.core.version.NormalizedVersion;
import io.clair.core.vuln.Severity;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Notification entries as Clair writes them, both on the wire (API pages, direct AMQP/STOMP messages) and in the
 * {@code notification_body} column: {@code {id, manifest, reason, vulnerability: {name, description, package?,
 * distribution?, repository?, severity, normalized_severity, fixed_in_version, links}}}.
 *
 * <p>Clair's own summary writes the normalized level as {@code severity} and the repository as {@code repo}; the
 * OpenAPI document and Quay read {@code normalized_severity} and {@code repository}. Both spellings are written so
 * that clients of either keep working.
 */
public final class NotificationCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private NotificationCodec() {
    }

    public static ObjectNode toJson(Notification n) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", n.id().toString());
        o.put("manifest", n.manifest().toString());
        o.put("reason", n.reason().wireName());
        VulnSummary v = n.vulnerability();
        ObjectNode vn = o.putObject("vulnerability");
        vn.put("name", v.name());
        vn.put("description", v.description());
        if (v.pkg() != null) {
            vn.set("package", pkg(v.pkg()));
        }
        if (v.distribution() != null) {
            vn.set("distribution", dist(v.distribution()));
        }
        if (v.repository() != null) {
            vn.set("repository", repo(v.repository()));
            vn.set("repo", repo(v.repository()));
        }
        vn.put("severity", v.severity().name());
        vn.put("normalized_severity", v.severity().name());
        vn.put("fixed_in_version", v.fixedInVersion());
        vn.put("links", v.links());
        return o;
    }

    public static String toJsonString(Notification n) {
        return toJson(n).toString();
    }

    /** A JSON array of entries, the body of one direct AMQP or STOMP message. */
    public static byte[] toJsonArray(List<Notification> entries) {
        ArrayNode a = JSON.createArrayNode();
        entries.forEach(n -> a.add(toJson(n)));
        return a.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static Notification fromJson(String text) {
        JsonNode o;
        try {
            o = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("notifier: malformed notification JSON: " + e.getOriginalMessage(), e);
        }
        return fromJson(o);
    }

    public static Notification fromJson(JsonNode o) {
        JsonNode v = o.path("vulnerability");
        JsonNode repo = v.has("repository") ? v.get("repository") : v.get("repo");
        String severity = v.hasNonNull("normalized_severity") ? v.get("normalized_severity").asText()
                : v.path("severity").asText("");
        VulnSummary s = new VulnSummary(v.path("name").asText(""), v.path("description").asText(""),
                pkg(v.get("package")), dist(v.get("distribution")), repo(repo), Severity.parse(severity),
                v.path("fixed_in_version").asText(""), v.path("links").asText(""));
        return new Notification(UUID.fromString(o.path("id").asText()), Digest.parse(o.path("manifest").asText()),
                Reason.fromWire(o.path("reason").asText()), s);
    }

    private static ObjectNode pkg(Package p) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", p.id());
        o.put("name", p.name());
        o.put("version", p.version());
        o.put("kind", p.kind().wireName());
        if (p.source() != null) {
            o.set("source", pkg(p.source()));
        }
        o.put("normalized_version", p.normalizedVersion() == null ? "" : p.normalizedVersion().toString());
        o.put("module", p.module());
        o.put("arch", p.arch());
        o.put("cpe", p.cpe());
        return o;
    }

    private static Package pkg(JsonNode o) {
        if (o == null || !o.isObject()) {
            return null;
        }
        String nv = o.path("normalized_version").asText("");
        return Package.builder(o.path("name").asText(""), o.path("version").asText("")).id(o.path("id").asText(""))
                .kind(PackageKind.fromWire(o.path("kind").asText("binary"))).source(pkg(o.get("source")))
                .normalizedVersion(nv.isEmpty() ? null : NormalizedVersion.parse(nv))
                .module(o.path("module").asText("")).arch(o.path("arch").asText("")).cpe(o.path("cpe").asText(""))
                .build();
    }

    private static ObjectNode dist(Distribution d) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", d.id());
        o.put("did", d.did());
        o.put("name", d.name());
        o.put("version", d.version());
        o.put("version_code_name", d.versionCodeName());
        o.put("version_id", d.versionId());
        o.put("arch", d.arch());
        o.put("cpe", d.cpe());
        o.put("pretty_name", d.prettyName());
        return o;
    }

    private static Distribution dist(JsonNode o) {
        if (o == null || !o.isObject()) {
            return null;
        }
        return new Distribution(o.path("id").asText(""), o.path("did").asText(""), o.path("name").asText(""),
                o.path("version").asText(""), o.path("version_code_name").asText(""),
                o.path("version_id").asText(""), o.path("arch").asText(""), o.path("cpe").asText(""),
                o.path("pretty_name").asText(""));
    }

    private static ObjectNode repo(Repository r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", r.id());
        o.put("name", r.name());
        o.put("key", r.key());
        o.put("uri", r.uri());
        o.put("cpe", r.cpe());
        return o;
    }

    private static Repository repo(JsonNode o) {
        if (o == null || !o.isObject()) {
            return null;
        }
        return new Repository(o.path("id").asText(""), o.path("name").asText(""), o.path("key").asText(""),
                o.path("uri").asText(""), o.path("cpe").asText(""));
    }
}
