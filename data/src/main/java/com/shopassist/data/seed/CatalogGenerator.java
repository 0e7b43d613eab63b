package com.shopassist.data.seed;

import com.shopassist.data.seed.CatalogVocabulary.Category;
import com.shopassist.data.seed.CatalogVocabulary.ProductType;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates the demo catalog from the curated vocabulary. Product {@code id} depends only on its id
 * (and the products before it, for the names kept unique in the first {@link #UNIQUE_NAMES}), so a
 * catalog of 100,000 starts with exactly the standard catalog of 1,200. The variants of one model
 * (same brand, line and type) share its price; sizes (storage, volume, pack ...) add 35% a step.
 */
public final class CatalogGenerator {

    /** Names are unique among the first this many products (the standard catalog and then some). */
    public static final int UNIQUE_NAMES = 5_000;

    private static final long SEED = 0x5A0_2026_1125L;
    private static final List<String> NUMBERED_DEPARTMENTS = List.of("Electronics");
    private static final Set<String> PRICE_LADDER_GROUPS =
            Set.of("storage", "laptopspec", "screen", "capacity", "weight", "pack", "volume", "size");

    private final CatalogVocabulary vocabulary;
    private final int totalWeight;

    public CatalogGenerator(CatalogVocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.totalWeight =
                vocabulary.categories().stream().mapToInt(Category::weight).sum();
    }

    public CatalogVocabulary vocabulary() {
        return vocabulary;
    }

    /** Products 1..count, in id order. */
    public Iterator<SeedProduct> products(long count) {
        return new Iterator<>() {
            private final Set<String> names = new HashSet<>();
            private long next = 1;

            @Override
            public boolean hasNext() {
                return next <= count;
            }

            @Override
            public SeedProduct next() {
                if (!hasNext()) throw new NoSuchElementException();
                long id = next++;
                SeedProduct p = product(id, 0);
                if (id <= UNIQUE_NAMES) {
                    for (int attempt = 1; !names.add(p.name()) && attempt < 50; attempt++) {
                        p = product(id, attempt);
                    }
                }
                return p;
            }
        };
    }

    SeedProduct product(long id, int attempt) {
        SplittableRandom rng = new SplittableRandom(SEED ^ (id * 0x9E3779B97F4A7C15L) ^ ((long) attempt << 48));
        int ci = pickCategory(rng);
        Category c = vocabulary.categories().get(ci);
        String brand = pick(rng, c.brands());
        String line = pick(rng, c.lines());
        ProductType type = pick(rng, c.types());
        StringBuilder name = new StringBuilder(brand).append(' ').append(line);
        if (NUMBERED_DEPARTMENTS.contains(c.department())) {
            name.append(' ').append(2 + rng.nextInt(14));
        }
        name.append(' ').append(type.name());
        // drawn for every product, variant or not, so that the draws after it (stock, description)
        // stay the ones they were before variants took their model's price
        long price = basePrice(rng, type);
        if (type.variantGroup() != null) {
            // every variant of a model starts from the model's own price, so that a larger size
            // never costs less than a smaller one, whichever products the catalog holds
            price = basePrice(new SplittableRandom(SEED ^ modelHash(name)), type);
            List<String> values = vocabulary.variants().get(type.variantGroup());
            int vi = rng.nextInt(values.size());
            name.append(" - ").append(values.get(vi));
            if (PRICE_LADDER_GROUPS.contains(type.variantGroup())) {
                price = price + price * 35 * vi / 100;
            }
        }
        int threshold = rng.nextInt(10) < 7 ? 5 : (rng.nextBoolean() ? 3 : 10);
        double r = rng.nextDouble();
        int stock;
        if (r < 0.07) stock = 0;
        else if (r < 0.17) stock = 1 + rng.nextInt(threshold);
        else stock = threshold + 1 + (int) Math.round(Math.pow(rng.nextDouble(), 2) * 240);
        String description = description(rng, c, type, brand, line);
        return new SeedProduct(
                id,
                ci,
                c.code() + "-" + zeroPadded(id, 6),
                ean13(id),
                name.toString(),
                brand,
                charmPrice(price),
                c.department(),
                description,
                stock,
                threshold);
    }

    private int pickCategory(SplittableRandom rng) {
        int w = rng.nextInt(totalWeight);
        List<Category> cs = vocabulary.categories();
        for (int i = 0; i < cs.size(); i++) {
            w -= cs.get(i).weight();
            if (w < 0) return i;
        }
        return cs.size() - 1;
    }

    private static long basePrice(SplittableRandom rng, ProductType t) {
        // log-uniform: as many cheap as dear products within the type's range
        double lo = Math.log(t.minPrice()), hi = Math.log(t.maxPrice());
        return Math.round(Math.exp(lo + rng.nextDouble() * (hi - lo)));
    }

    /** FNV-1a over the model's name: the same name gives the same price on every run and JVM. */
    private static long modelHash(CharSequence model) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < model.length(); i++) {
            h ^= model.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** Prices as shops write them: Rp 1.249.900, Rp 24.900, Rp 2.900. */
    static long charmPrice(long price) {
        long thousands = Math.max(3, Math.round(price / 1000.0));
        return thousands * 1000 - 100;
    }

    private static String description(SplittableRandom rng, Category c, ProductType t, String brand, String line) {
        List<String> features = c.features();
        int a = rng.nextInt(features.size());
        int b = (a + 1 + rng.nextInt(features.size() - 1)) % features.size();
        return t.sentence() + ". " + features.get(a) + " " + features.get(b) + " Part of the " + line + " range by "
                + brand + ".";
    }

    private static <T> T pick(SplittableRandom rng, List<T> values) {
        return values.get(rng.nextInt(values.size()));
    }

    /** {@code n} in at least {@code width} digits; String.format cost more than the rest of a product. */
    static String zeroPadded(long n, int width) {
        String digits = Long.toString(n);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    /** An EAN-13 in the Indonesian GS1 prefix 899, unique per id. */
    static String ean13(long id) {
        String body = "899" + zeroPadded(id, 9);
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            int d = body.charAt(i) - '0';
            sum += (i % 2 == 0) ? d : 3 * d;
        }
        return body + ((10 - sum % 10) % 10);
    }
}
