package io.clair.core.version.semver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clair.core.testing.TestData;
import io.clair.core.version.InvalidVersionException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * node-semver's {@code test/fixtures}: valid and invalid versions, range-include and range-exclude. Entries that ask
 * for loose mode ({@code true} or {@code {loose: truthy}}) are left out: this scheme is strict. Entry numbers in the
 * display names count from 1 in the JSON array.
 */
class SemVerVectorsTest {

    @TestFactory
    Stream<DynamicTest> validVersions() throws IOException {
        return entries("valid-versions").stream().map(e -> DynamicTest.dynamicTest(e.name(), () -> {
            SemVer v = SemVer.parse(e.node.get(0).asText());
            assertThat(v.major()).isEqualTo(e.node.get(1).asLong());
            assertThat(v.minor()).isEqualTo(e.node.get(2).asLong());
            assertThat(v.patch()).isEqualTo(e.node.get(3).asLong());
            List<String> pre = new ArrayList<>();
            e.node.get(4).forEach(x -> pre.add(x.asText()));
            List<String> build = new ArrayList<>();
            e.node.get(5).forEach(x -> build.add(x.asText()));
            assertThat(v.prerelease()).isEqualTo(pre);
            assertThat(v.build()).isEqualTo(build);
        }));
    }

    @TestFactory
    Stream<DynamicTest> invalidVersions() throws IOException {
        return entries("invalid-versions").stream().filter(e -> !loose(e.node.get(2)))
                .map(e -> DynamicTest.dynamicTest(e.name(), () -> {
                    // a non-string (an object in the fixture) has no text to parse: its JSON text stands in
                    String input = e.node.get(0).isTextual() ? e.node.get(0).asText() : e.node.get(0).toString();
                    assertThatThrownBy(() -> SemVer.parse(input)).isInstanceOf(InvalidVersionException.class)
                            .hasMessageStartingWith("semver: ");
                }));
    }

    @TestFactory
    Stream<DynamicTest> rangeInclude() throws IOException {
        return ranges("range-include", true);
    }

    @TestFactory
    Stream<DynamicTest> rangeExclude() throws IOException {
        return ranges("range-exclude", false);
    }

    private static Stream<DynamicTest> ranges(String file, boolean included) throws IOException {
        return entries(file).stream().filter(e -> !loose(e.node.get(2))).map(e -> DynamicTest.dynamicTest(e.name(), () -> {
            JsonNode opts = e.node.get(2);
            boolean incPr = opts != null && opts.isObject() && opts.path("includePrerelease").asBoolean(false);
            NpmRange range = NpmRange.parse(e.node.get(0).asText(), incPr);
            JsonNode v = e.node.get(1);
            boolean got = v.isTextual() && range.test(v.asText());
            assertThat(got).as("%s satisfies %s", v, range.desugared()).isEqualTo(included);
        }));
    }

    /** Loose mode asked for: {@code true}, or an options object whose {@code loose} is truthy in JavaScript. */
    private static boolean loose(JsonNode opt) {
        if (opt == null) {
            return false;
        }
        if (opt.isBoolean()) {
            return opt.asBoolean();
        }
        if (opt.isObject()) {
            JsonNode l = opt.get("loose");
            return l != null && !l.isNull() && !(l.isBoolean() && !l.asBoolean()) && !(l.isNumber() && l.asDouble() == 0);
        }
        return false; // a RegExp or other non-object options value is ignored by node-semver
    }

    private record Entry(String file, int index, JsonNode node) {
        String name() {
            return "versions/semver/" + file + ".js.json#" + index + "  " + node;
        }
    }

    private static List<Entry> entries(String file) throws IOException {
        JsonNode all = new ObjectMapper().readTree(TestData.path("versions/semver/" + file + ".js.json").toFile());
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            out.add(new Entry(file, i + 1, all.get(i)));
        }
        return out;
    }
}
