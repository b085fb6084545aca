package io.clair.core.version.pep440;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clair.core.testing.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The parametrize tables of pypa/packaging's tests, as extracted into {@code versions/pep440/*.vectors.json}: literal
 * tables as JSON, expression tables as Python source read by {@link PyLiteral}, module-level lists by name.
 */
final class Pep440Vectors {
    private final String file;
    private final JsonNode root;

    Pep440Vectors(String file) {
        this.file = file;
        try {
            this.root = new ObjectMapper().readTree(TestData.path("versions/pep440/" + file).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One row of a table, named by file, test and row number. */
    record Row(String name, List<Object> values) {
        Object get(int i) {
            return values.get(i);
        }

        String str(int i) {
            return (String) values.get(i);
        }

        Boolean bool(int i) {
            return (Boolean) values.get(i);
        }
    }

    /** The test names present in the file, in order. */
    List<String> tests() {
        List<String> out = new ArrayList<>();
        root.path("parametrize").forEach(p -> out.add(p.path("test").asText() + " " + p.path("argnames")));
        return out;
    }

    /** The rows of the (first) table of {@code test} whose argnames include {@code firstArg}. */
    List<Row> rows(String test, String firstArg) {
        for (JsonNode p : root.path("parametrize")) {
            JsonNode names = p.path("argnames");
            String first = names.isArray() ? names.get(0).asText() : names.asText();
            if (!p.path("test").asText().equals(test) || !first.equals(firstArg)) {
                continue;
            }
            Object values = p.path("kind").asText().equals("literal") ? toJava(p.path("values"))
                    : evalSource(p.path("values").asText());
            List<Row> out = new ArrayList<>();
            int n = 0;
            for (Object row : (List<?>) values) {
                n++;
                List<Object> cells = names.isArray() ? castList(row) : List.of(row == null ? "None" : row);
                out.add(new Row(file + " " + test + "[" + n + "]  " + cells, cells));
            }
            return out;
        }
        throw new IllegalStateException("pep440 vectors: no table " + test + " in " + file);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> castList(Object o) {
        return (List<Object>) o;
    }

    private Object evalSource(String source) {
        JsonNode list = root.path("module_level_lists").path(source.strip());
        if (!list.isMissingNode()) {
            return toJava(list);
        }
        if (source.strip().equals("VERSIONS") && !file.startsWith("test_version")) {
            // test_specifiers.py imports VERSIONS from test_version.py
            return toJava(new Pep440Vectors("test_version.py.vectors.json").root.path("module_level_lists").path("VERSIONS"));
        }
        return PyLiteral.eval(source);
    }

    /** A module-level list, e.g. {@code VERSIONS}. */
    List<String> list(String name) {
        List<String> out = new ArrayList<>();
        root.path("module_level_lists").path(name).forEach(v -> out.add(v.asText()));
        return out;
    }

    static Object toJava(JsonNode n) {
        if (n.isArray()) {
            List<Object> out = new ArrayList<>();
            n.forEach(x -> out.add(toJava(x)));
            return out;
        }
        if (n.isNull()) {
            return null;
        }
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        if (n.isIntegralNumber()) {
            return n.asLong();
        }
        if (n.isObject()) {
            return n;
        }
        return n.asText();
    }
}
