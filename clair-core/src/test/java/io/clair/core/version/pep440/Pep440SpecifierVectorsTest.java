package io.clair.core.version.pep440;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * pypa/packaging {@code tests/test_specifiers.py}: the tables about parsing specifiers and matching versions. Tables
 * about Python object protocols and set algebra are listed in {@link #NOT_MATCHING} and not run; a test checks that
 * every table in the file is either run or listed.
 */
class Pep440SpecifierVectorsTest {
    private static final Pep440Vectors V = new Pep440Vectors("test_specifiers.py.vectors.json");

    /** Tables that test str/repr/hash/equality of specifier objects, caches, set relations or satisfiability. */
    static final Set<String> NOT_MATCHING = Set.of(
            "TestSpecifier.test_specifiers_str_and_repr", "TestSpecifier.test_specifiers_hash",
            "TestSpecifier.test_comparison_true", "TestSpecifier.test_comparison_canonicalizes",
            "TestSpecifier.test_comparison_false", "TestSpecifier.test_specifier_filter_with_key",
            "TestSpecifierInternal.test_spec_version_cache_consistency",
            "TestSpecifierInternal.test_spec_version_cache_with_wildcards",
            "TestSpecifierInternal.test_spec_version_cache_with_arbitrary_equality",
            "TestSpecifierInternal.test_spec_version_cache_compatible_operator",
            "TestSpecifierSet.test_specifierset_filter_with_key", "TestSpecifierSet.test_empty_specifierset_filter_with_key",
            "TestSpecifierSet.test_contains_oversized_version_raises_valueerror",
            "TestSpecifierSet.test_specifiers_str_and_repr", "TestSpecifierSet.test_specifiers_hash",
            "TestSpecifierSet.test_specifiers_combine", "TestSpecifierSet.test_comparison_true",
            "TestSpecifierSet.test_comparison_false", "TestSpecifierSet.test_comparison_canonicalizes",
            "TestSpecifierSet.test_is_subset", "TestSpecifierSet.test_is_superset", "TestSpecifierSet.test_is_disjoint",
            "TestSpecifierSet.test_set_relations_raise_on_prerelease_policy_mismatch",
            "TestSpecifierSet.test_set_relations_require_specifierset",
            "TestSpecifierSet.test_set_relations_reject_arbitrary_equality",
            "TestSpecifierSet.test_arbitrary_equality_is_intersection_preserving",
            "TestIsUnsatisfiable.test_unsatisfiable", "TestIsUnsatisfiable.test_satisfiable",
            "TestIsUnsatisfiable.test_unsatisfiable_prereleases_false", "TestIsUnsatisfiable.test_satisfiable_prereleases_false",
            "TestIsUnsatisfiable.test_post_release_boundary_unsatisfiable",
            "TestIsUnsatisfiable.test_contains_identical_across_canonicalization",
            "test_specifier_construction_is_lazy", "test_specifierset_construction_is_lazy",
            "TestSpecifierSetToRangeEquivalence.test_contains_equivalent",
            "TestSpecifierSetToRangeEquivalence.test_filter_equivalent",
            "TestSpecifierSetToRangeEquivalence.test_to_specifier_set_roundtrip_matches",
            "TestSpecifierSetToRangeEquivalence.test_contains_equivalent_with_version_objects");

    private static final List<String> RUN = new ArrayList<>();

    private static Stream<DynamicTest> table(String test, String firstArg, Consumer<Pep440Vectors.Row> check) {
        RUN.add(test);
        return V.rows(test, firstArg).stream().map(r -> DynamicTest.dynamicTest(r.name(), () -> check.accept(r)));
    }

    private static Pep440Item item(Object o) {
        return o instanceof PyLiteral.VersionCall v ? Pep440Item.of(Pep440Version.parse(v.text())) : Pep440Item.of((String) o);
    }

    /** The original inputs (strings or Version calls) that {@code kept} holds, by identity of the items. */
    private static List<Object> originals(List<?> inputs, List<Pep440Item> items, List<Pep440Item> kept) {
        List<Object> out = new ArrayList<>();
        for (Pep440Item k : kept) {
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) == k) {
                    out.add(inputs.get(i));
                    break;
                }
            }
        }
        return out;
    }

    private static List<Pep440Item> items(List<?> inputs) {
        List<Pep440Item> out = new ArrayList<>();
        inputs.forEach(o -> out.add(item(o)));
        return out;
    }

    @TestFactory
    Stream<DynamicTest> specifier() {
        return Stream.of(
                table("TestSpecifier.test_specifiers_valid", "specifier",
                        r -> assertThat(Pep440Specifier.parse(r.str(0)).toString()).isNotEmpty()),
                table("TestSpecifier.test_specifiers_invalid", "specifier",
                        r -> assertThatThrownBy(() -> Pep440Specifier.parse(r.str(0)))
                                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("pep440: ")),
                table("TestSpecifier.test_specifiers_normalized", "version",
                        r -> assertThat(Pep440Specifier.parse("==" + r.str(0)).operator()).isEqualTo("==")),
                table("TestSpecifier.test_specifiers", "version", r -> {
                    Pep440Specifier s = Pep440Specifier.parse(r.str(1), true);
                    assertThat(s.contains(r.str(0), null)).isEqualTo(r.bool(2));
                    assertThat(s.contains(Pep440Version.parse(r.str(0)), null)).isEqualTo(r.bool(2));
                }),
                table("TestSpecifier.test_invalid_version", "spec_str",
                        r -> assertThat(Pep440Specifier.parse(r.str(0)).contains(r.str(1))).isEqualTo(r.bool(2))),
                table("TestSpecifier.test_specifier_prereleases_set", "specifier", r -> {
                    Pep440Specifier s = Pep440Specifier.parse(r.str(0), r.bool(1));
                    assertThat(s.contains(r.str(3))).as("initial").isEqualTo(r.bool(4));
                    assertThat(s.withPrereleases(r.bool(2)).contains(r.str(3))).as("after set").isEqualTo(r.bool(5));
                }),
                table("TestSpecifier.test_arbitrary_equality", "version",
                        r -> assertThat(Pep440Specifier.parse(r.str(1)).contains(r.str(0))).isEqualTo(r.bool(2))),
                table("TestSpecifier.test_arbitrary_equality_normalization", "spec_str",
                        r -> assertThat(!Pep440Specifier.parse(r.str(0)).filter(List.of(item(r.get(1))), null).isEmpty())
                                .isEqualTo(r.bool(2))),
                table("TestSpecifier.test_specifier_prereleases_detection", "specifier",
                        r -> assertThat(Pep440Specifier.parse(r.str(0)).prereleases()).isEqualTo(r.bool(1))),
                table("TestSpecifier.test_specifiers_prereleases", "specifier",
                        r -> assertThat(Pep440Specifier.parse(r.str(0), r.bool(2)).contains(r.str(1), r.bool(3)))
                                .isEqualTo(r.bool(4))),
                table("TestSpecifier.test_specifier_filter", "specifier", r -> {
                    List<?> in = (List<?>) r.get(3);
                    List<Pep440Item> items = items(in);
                    List<Pep440Item> kept = Pep440Specifier.parse(r.str(0), r.bool(1)).filter(items, r.bool(2));
                    assertThat(originals(in, items, kept)).isEqualTo(r.get(4));
                }),
                table("TestSpecifier.test_specifier_filter_arbitrary_equality_normalization", "specifier", r -> {
                    List<?> in = (List<?>) r.get(1);
                    List<Pep440Item> items = items(in);
                    assertThat(originals(in, items, Pep440Specifier.parse(r.str(0)).filter(items, null))).isEqualTo(r.get(2));
                }),
                table("TestSpecifier.test_specifier_operator_property", "spec",
                        r -> assertThat(Pep440Specifier.parse(r.str(0)).operator()).isEqualTo(r.str(1))),
                table("TestSpecifier.test_specifier_version_property", "spec",
                        r -> assertThat(Pep440Specifier.parse(r.str(0)).version()).isEqualTo(r.str(1))),
                table("TestSpecifier.test_length", "spec_str",
                        r -> assertThat((long) Pep440SpecifierSet.parse(r.str(0)).specifiers().size()).isEqualTo(r.get(1))),
                table("TestSpecifier.test_iteration", "spec_str",
                        r -> assertThat(Pep440SpecifierSet.parse(r.str(0)).specifiers().stream().map(Object::toString).toList())
                                .isEqualTo(r.get(1))))
                .flatMap(s -> s);
    }

    @TestFactory
    Stream<DynamicTest> specifierSet() {
        return Stream.of(
                table("TestSpecifierSet.test_empty_specifier", "version",
                        r -> assertThat(Pep440SpecifierSet.parse("", true).contains(Pep440Item.of(r.str(0)), null, false))
                                .isTrue()),
                table("TestSpecifierSet.test_empty_specifier_arbitrary_string", "prereleases", r -> {
                    List<?> in = (List<?>) r.get(1);
                    List<Pep440Item> items = items(in);
                    assertThat(originals(in, items, Pep440SpecifierSet.parse("", r.bool(0)).filter(items, null)))
                            .isEqualTo(r.get(2));
                }),
                table("TestSpecifierSet.test_empty_specifier_ordering_with_arbitrary", "versions", r -> {
                    List<?> in = (List<?>) r.get(0);
                    List<Pep440Item> items = items(in);
                    assertThat(originals(in, items, Pep440SpecifierSet.parse("").filter(items, null))).isEqualTo(r.get(1));
                }),
                table("TestSpecifierSet.test_specifier_prereleases_explicit", "initial_prereleases", r -> {
                    Pep440SpecifierSet s = Pep440SpecifierSet.parse(r.str(5), r.bool(0));
                    assertThat(s.contains(Pep440Item.of(r.str(2)), null, false)).as("initial").isEqualTo(r.bool(3));
                    assertThat(s.withPrereleases(r.bool(1)).contains(Pep440Item.of(r.str(2)), null, false))
                            .as("after set").isEqualTo(r.bool(4));
                }),
                table("TestSpecifierSet.test_specifier_contains_installed_prereleases", "specifier",
                        r -> assertThat(Pep440SpecifierSet.parse(r.str(0), r.bool(2))
                                .contains(Pep440Item.of(r.str(1)), r.bool(3), Boolean.TRUE.equals(r.bool(4))))
                                .isEqualTo(r.bool(5))),
                table("TestSpecifierSet.test_specifier_filter", "specifier", r -> {
                    List<?> in = (List<?>) r.get(3);
                    List<Pep440Item> items = items(in);
                    List<Pep440Item> kept = Pep440SpecifierSet.parse(r.str(0), r.bool(1)).filter(items, r.bool(2));
                    assertThat(originals(in, items, kept)).isEqualTo(r.get(4));
                }),
                table("TestSpecifierSet.test_filter_exclusionary_bridges", "specifier", r -> {
                    List<?> in = (List<?>) r.get(2);
                    List<Pep440Item> items = items(in);
                    assertThat(originals(in, items, Pep440SpecifierSet.parse(r.str(0)).filter(items, r.bool(1))))
                            .isEqualTo(r.get(3));
                }),
                table("TestSpecifierSet.test_contains_exclusionary_bridges", "specifier",
                        r -> assertThat(Pep440SpecifierSet.parse(r.str(0)).contains(Pep440Item.of(r.str(2)), r.bool(1), false))
                                .isEqualTo(r.bool(3))),
                table("TestSpecifierSet.test_contains_rejects_invalid_specifier", "specifier",
                        r -> assertThat(Pep440SpecifierSet.parse(r.str(0)).contains(r.str(1))).isFalse()),
                table("TestSpecifierSet.test_contains_post_release_boundary_intersection", "spec_str",
                        r -> assertThat(Pep440SpecifierSet.parse(r.str(0)).contains(r.str(1))).isEqualTo(r.bool(2))),
                table("TestSpecifierSet.test_contains_arbitrary_equality_contains", "version",
                        r -> assertThat(Pep440SpecifierSet.parse(r.str(1)).contains(r.str(0))).isEqualTo(r.bool(2))),
                table("TestSpecifierSet.test_contains_arbitrary_equality_normalization", "spec_str",
                        r -> assertThat(Pep440SpecifierSet.parse(r.str(0)).contains(item(r.get(1)), null, false))
                                .isEqualTo(r.bool(2))),
                table("TestSpecifierSet.test_comparison_ignores_local", "version",
                        r -> assertThat(Pep440SpecifierSet.parse(r.str(1)).contains(r.str(0))).isEqualTo(r.bool(2))),
                table("test_boundary_closure_short_release", "spec_str",
                        r -> assertThat(Pep440SpecifierSet.parse(r.str(0)).contains(r.str(1))).isEqualTo(r.bool(2))))
                .flatMap(s -> s);
    }

    @Test
    void everyTableIsRunOrListedAsNotAboutMatching() {
        specifier().count();
        specifierSet().count();
        for (String t : V.tests()) {
            String name = t.substring(0, t.indexOf(' '));
            assertThat(RUN.contains(name) || NOT_MATCHING.contains(name)).as("table %s is accounted for", t).isTrue();
        }
    }
}
