package io.clair.api.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 6902 JSON patch ({@code add, remove, replace, move, copy, test}) with RFC 6901 pointers, for Clair's
 * {@code *.yaml-patch} drop-ins. A failing operation fails the whole patch with a message naming the file and
 * operation, since a half-applied configuration is worse than none.
 */
final class JsonPatch {
    private JsonPatch() {
    }

    static JsonNode apply(JsonNode target, JsonNode patch, String file) throws IOException {
        if (patch == null || !patch.isArray()) {
            throw new IOException("config drop-in " + file + " is not a JSON patch (a list of operations)");
        }
        JsonNode doc = target.deepCopy();
        int i = 0;
        for (JsonNode op : patch) {
            try {
                doc = applyOne(doc, op);
            } catch (IllegalArgumentException e) {
                throw new IOException("config drop-in " + file + ": operation " + i + ": " + e.getMessage(), e);
            }
            i++;
        }
        return doc;
    }

    private static JsonNode applyOne(JsonNode doc, JsonNode op) {
        String kind = op.path("op").asText("");
        String path = required(op, "path");
        switch (kind) {
            case "add" -> {
                return add(doc, path, value(op));
            }
            case "remove" -> {
                return remove(doc, path);
            }
            case "replace" -> {
                get(doc, path);
                return add(remove(doc, path), path, value(op));
            }
            case "move" -> {
                String from = required(op, "from");
                JsonNode v = get(doc, from);
                return add(remove(doc, from), path, v);
            }
            case "copy" -> {
                return add(doc, path, get(doc, required(op, "from")).deepCopy());
            }
            case "test" -> {
                if (!get(doc, path).equals(value(op))) {
                    throw new IllegalArgumentException("test failed at " + path);
                }
                return doc;
            }
            default -> throw new IllegalArgumentException("unknown op \"" + kind + "\"");
        }
    }

    private static String required(JsonNode op, String field) {
        if (!op.path(field).isTextual()) {
            throw new IllegalArgumentException("missing \"" + field + "\"");
        }
        return op.get(field).asText();
    }

    private static JsonNode value(JsonNode op) {
        if (!op.has("value")) {
            throw new IllegalArgumentException("missing \"value\"");
        }
        return op.get("value").deepCopy();
    }

    private static List<String> tokens(String pointer) {
        if (pointer.isEmpty()) {
            return List.of();
        }
        if (!pointer.startsWith("/")) {
            throw new IllegalArgumentException("pointer \"" + pointer + "\" does not start with /");
        }
        List<String> out = new ArrayList<>();
        for (String t : pointer.substring(1).split("/", -1)) {
            out.add(t.replace("~1", "/").replace("~0", "~"));
        }
        return out;
    }

    private static JsonNode get(JsonNode doc, String pointer) {
        JsonNode n = doc;
        for (String t : tokens(pointer)) {
            n = child(n, t);
            if (n == null) {
                throw new IllegalArgumentException("no value at " + pointer);
            }
        }
        return n;
    }

    private static JsonNode child(JsonNode n, String token) {
        if (n.isObject()) {
            return n.get(token);
        }
        if (n.isArray() && token.matches("0|[1-9]\\d*") && Integer.parseInt(token) < n.size()) {
            return n.get(Integer.parseInt(token));
        }
        return null;
    }

    private static JsonNode add(JsonNode doc, String pointer, JsonNode value) {
        List<String> t = tokens(pointer);
        if (t.isEmpty()) {
            return value;
        }
        JsonNode parent = get(doc, parentOf(pointer));
        String last = t.get(t.size() - 1);
        if (parent instanceof ObjectNode o) {
            o.set(last, value);
        } else if (parent instanceof ArrayNode a) {
            if (last.equals("-")) {
                a.add(value);
            } else if (last.matches("0|[1-9]\\d*") && Integer.parseInt(last) <= a.size()) {
                a.insert(Integer.parseInt(last), value);
            } else {
                throw new IllegalArgumentException("bad array index at " + pointer);
            }
        } else {
            throw new IllegalArgumentException("cannot add below a scalar at " + pointer);
        }
        return doc;
    }

    private static JsonNode remove(JsonNode doc, String pointer) {
        List<String> t = tokens(pointer);
        if (t.isEmpty()) {
            throw new IllegalArgumentException("cannot remove the whole document");
        }
        get(doc, pointer);
        JsonNode parent = get(doc, parentOf(pointer));
        String last = t.get(t.size() - 1);
        if (parent instanceof ObjectNode o) {
            o.remove(last);
        } else {
            ((ArrayNode) parent).remove(Integer.parseInt(last));
        }
        return doc;
    }

    private static String parentOf(String pointer) {
        return pointer.substring(0, pointer.lastIndexOf('/'));
    }
}
