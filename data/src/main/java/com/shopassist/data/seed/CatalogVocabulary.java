package com.shopassist.data.seed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The curated words of the demo catalog, read from {@code catalog-vocabulary.txt} beside this class. */
public record CatalogVocabulary(List<Category> categories, Map<String, List<String>> variants) {

    public record Category(
            String code,
            String name,
            String nameId,
            String department,
            int weight,
            String description,
            List<String> brands,
            List<String> lines,
            List<ProductType> types,
            List<String> features) {}

    /** A kind of product; {@code variantGroup} is null when the type has no variants. */
    public record ProductType(String name, long minPrice, long maxPrice, String variantGroup, String sentence) {}

    public static CatalogVocabulary load() {
        try (InputStream in = CatalogVocabulary.class.getResourceAsStream("catalog-vocabulary.txt")) {
            if (in == null) throw new IllegalStateException("catalog-vocabulary.txt is missing from the class path");
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CatalogVocabulary parse(List<String> lines) {
        Map<String, List<String>> variants = new LinkedHashMap<>();
        List<Category> categories = new ArrayList<>();
        String[] head = null;
        List<String> brands = new ArrayList<>(), modelLines = new ArrayList<>(), features = new ArrayList<>();
        List<ProductType> types = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] f = line.split("\\|");
            List<String> values = Arrays.asList(f).subList(1, f.length);
            switch (f[0]) {
                case "variant" -> variants.put(f[1], List.copyOf(values.subList(1, values.size())));
                case "category" -> {
                    if (head != null) categories.add(category(head, brands, modelLines, types, features));
                    head = f;
                    brands = new ArrayList<>();
                    modelLines = new ArrayList<>();
                    types = new ArrayList<>();
                    features = new ArrayList<>();
                }
                case "brands" -> brands.addAll(values);
                case "lines" -> modelLines.addAll(values);
                case "feature" -> features.add(f[1]);
                case "type" ->
                    types.add(new ProductType(
                            f[1], Long.parseLong(f[2]), Long.parseLong(f[3]), f[4].equals("-") ? null : f[4], f[5]));
                default -> throw new IllegalArgumentException("unknown line in catalog vocabulary: " + line);
            }
        }
        if (head != null) categories.add(category(head, brands, modelLines, types, features));
        for (Category c : categories) {
            for (ProductType t : c.types()) {
                if (t.variantGroup() != null && !variants.containsKey(t.variantGroup())) {
                    throw new IllegalArgumentException("unknown variant group " + t.variantGroup() + " in " + t.name());
                }
            }
        }
        return new CatalogVocabulary(List.copyOf(categories), Map.copyOf(variants));
    }

    private static Category category(
            String[] f, List<String> brands, List<String> lines, List<ProductType> types, List<String> features) {
        if (brands.isEmpty() || lines.isEmpty() || types.isEmpty() || features.size() < 2) {
            throw new IllegalArgumentException("category " + f[2] + " needs brands, lines, types and two features");
        }
        return new Category(
                f[1],
                f[2],
                f[3],
                f[4],
                Integer.parseInt(f[5]),
                f[6],
                List.copyOf(brands),
                List.copyOf(lines),
                List.copyOf(types),
                List.copyOf(features));
    }
}
