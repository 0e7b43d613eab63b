package com.shopassist.ai.offline;

import com.shopassist.ai.lang.TextNormalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the offline assistant knows about the store's words: brands and categories (from the
 * catalog), with the Indonesian names of categories and the synonyms of the lexicon ("sepatu" finds
 * Footwear as "shoes" does). Immutable; rebuilt when the
 * catalog's brands or categories change.
 */
public final class Vocabulary {

    private final Map<String, String> brands; // lower-case -> as stored
    private final Map<String, String> categories; // lower-case (en or id) -> English name as stored
    private final int maxBrandWords;

    public Vocabulary(Collection<String> brandNames, Map<String, String> categoryNamesEnToId) {
        Map<String, String> b = new HashMap<>();
        int words = 1;
        for (String name : brandNames) {
            if (name == null || name.isBlank()) continue;
            String key = String.join(" ", TextNormalizer.tokens(name));
            if (key.isEmpty()) continue;
            b.putIfAbsent(key, name);
            words = Math.max(words, key.split(" ").length);
        }
        this.brands = Map.copyOf(b);
        this.maxBrandWords = Math.min(words, 4);
        Map<String, String> c = new HashMap<>();
        categoryNamesEnToId.forEach((en, id) -> {
            if (en == null) return;
            for (String variant : variants(en)) c.putIfAbsent(variant, en);
            if (id != null) for (String variant : variants(id)) c.putIfAbsent(variant, en);
        });
        // "shoes" finds Footwear because its Indonesian name has "sepatu", and sepatu means shoes
        Lexicon.SYNONYMS.forEach((idWord, en) -> {
            String cat = c.get(idWord);
            if (cat != null) {
                c.putIfAbsent(en, cat);
                if (!en.endsWith("s")) c.putIfAbsent(en + "s", cat);
            }
        });
        this.categories = Map.copyOf(c);
    }

    public static Vocabulary empty() {
        return new Vocabulary(List.of(), Map.of());
    }

    private static List<String> variants(String name) {
        String key = String.join(" ", TextNormalizer.tokens(name));
        List<String> out = new ArrayList<>();
        if (key.isEmpty()) return out;
        out.add(key);
        if (key.endsWith("s") && key.length() > 3) out.add(key.substring(0, key.length() - 1));
        else out.add(key + "s");
        // "Home & Living" -> also "home" and "living"
        for (String part : name.split("\\s*(&|,|/|\\band\\b|\\bdan\\b)\\s*")) {
            String p = String.join(" ", TextNormalizer.tokens(part));
            if (p.isEmpty() || p.equals(key)) continue;
            out.add(p);
            if (p.endsWith("s") && p.length() > 3) out.add(p.substring(0, p.length() - 1));
        }
        return out;
    }

    /** The stored brand name for these lower-case words, or null. */
    String brand(String words) {
        return brands.get(words);
    }

    Collection<String> brandKeys() {
        return brands.keySet();
    }

    int maxBrandWords() {
        return maxBrandWords;
    }

    /** The stored English category name for these lower-case words (English or Indonesian), or null. */
    String category(String words) {
        return categories.get(words);
    }

    Collection<String> categoryKeys() {
        return categories.keySet();
    }

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
