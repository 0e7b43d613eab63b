package com.shopassist.data.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generated demo catalog, without a database. */
class CatalogGeneratorTest {

    /** Variant groups whose values run from small to large ("64GB" before "128GB", "S" before "M"). */
    private static final Set<String> SIZE_GROUPS = Set.of(
            "storage", "laptopspec", "apparel", "shoe", "volume", "weight", "pack", "screen", "capacity", "size");
    /** Variant groups with no order: a colour or a finish is not larger than another. */
    private static final Set<String> OTHER_GROUPS = Set.of("color", "devicecolor", "finish");

    private static final int LARGE = 100_000;

    private static CatalogVocabulary vocabulary;
    private static CatalogGenerator generator;
    /** Generated once: the tests read the standard catalog as its first 1,200 products. */
    private static List<SeedProduct> large;

    @BeforeAll
    static void generate() {
        vocabulary = CatalogVocabulary.load();
        generator = new CatalogGenerator(vocabulary);
        large = products(LARGE);
    }

    @Test
    void everyVariantGroupIsKnownToBeASizeOrNot() {
        Set<String> known = new HashSet<>(SIZE_GROUPS);
        known.addAll(OTHER_GROUPS);
        assertThat(vocabulary.variants().keySet()).containsExactlyInAnyOrderElementsOf(known);
    }

    @Test
    void aLargeCatalogStartsWithTheStandardCatalog() {
        assertThat(large.subList(0, Seeder.STANDARD_CATALOG_SIZE)).isEqualTo(products(Seeder.STANDARD_CATALOG_SIZE));
    }

    @Test
    void aLargerSizeOfAModelNeverCostsLessInTheStandardCatalog() {
        List<String> cheaperLarger = cheaperLargerSizes(large.subList(0, Seeder.STANDARD_CATALOG_SIZE), 50);
        assertThat(cheaperLarger).isEmpty();
    }

    @Test
    void aLargerSizeOfAModelNeverCostsLessInALargeCatalog() {
        List<String> cheaperLarger = cheaperLargerSizes(large, 3_000);
        assertThat(cheaperLarger).isEmpty();
    }

    /**
     * Pairs "smaller (price) > larger (price)" among products that differ only in a size. Fails the
     * test unless at least {@code minModels} models come in two sizes or more, so that a catalog with
     * no such models cannot pass for the wrong reason.
     */
    private static List<String> cheaperLargerSizes(List<SeedProduct> catalog, int minModels) {
        Map<String, List<Sized>> byModel = new HashMap<>();
        for (SeedProduct p : catalog) {
            int dash = p.name().lastIndexOf(" - ");
            if (dash < 0) continue;
            String model = p.name().substring(0, dash);
            String value = p.name().substring(dash + 3);
            for (String group : SIZE_GROUPS) {
                int rank = vocabulary.variants().get(group).indexOf(value);
                if (rank >= 0)
                    byModel.computeIfAbsent(model + " / " + group, k -> new ArrayList<>())
                            .add(new Sized(p, rank));
            }
        }
        long models = byModel.values().stream()
                .filter(sizes -> sizes.stream().map(Sized::rank).distinct().count() > 1)
                .count();
        assertThat(models).as("models in two sizes or more").isGreaterThanOrEqualTo(minModels);

        List<String> found = new ArrayList<>();
        for (List<Sized> sizes : byModel.values()) {
            for (Sized small : sizes) {
                for (Sized large : sizes) {
                    if (small.rank() < large.rank()
                            && small.product().price() > large.product().price()) {
                        found.add(describe(small) + " > " + describe(large));
                    }
                }
            }
        }
        return found;
    }

    private static List<SeedProduct> products(int count) {
        List<SeedProduct> all = new ArrayList<>(count);
        Iterator<SeedProduct> it = generator.products(count);
        it.forEachRemaining(all::add);
        return all;
    }

    private static String describe(Sized s) {
        return s.product().name() + " (#" + s.product().id() + ", Rp "
                + s.product().price() + ")";
    }

    private record Sized(SeedProduct product, int rank) {}
}
