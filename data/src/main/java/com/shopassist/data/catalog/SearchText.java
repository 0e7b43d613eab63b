package com.shopassist.data.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the search SQL needs from web-search text such as {@code "rice cooker" -mini sneakr}:
 * the text itself for {@code websearch_to_tsquery}, a prefix tsquery of the wanted words for
 * partial words ("sneak" finds "sneakers"), the wanted words for trigram similarity (typos), and
 * the excluded words, which every branch must honour. Words are reduced to letters and digits,
 * so nothing the shopper types can reach tsquery syntax.
 */
record SearchText(String text, String prefixQuery, String fuzzy, String excluded) {

    private static final Pattern TOKEN = Pattern.compile("(-?)(\"[^\"]*\"?|[^\\s\"]+)");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final int MAX_WORDS = 8;
    /** A dash standing alone, as in a name's variant suffix "Tote Bag - Beige": punctuation, not NOT. */
    private static final Pattern LONE_DASH = Pattern.compile("(^|\\s)-+(?=\\s|$)");

    /** Wanted words only (letters and digits, space separated), as {@code CatalogMapper.correctWords} returns them. */
    static SearchText ofWords(String words) {
        List<String> list = List.of(words.strip().split(" +"));
        String prefix = String.join(" & ", list.stream().map(s -> s + ":*").toList());
        return new SearchText(String.join(" ", list), prefix, String.join(" ", list), null);
    }

    static SearchText parse(String text) {
        if (text == null || text.isBlank()) return null;
        List<String> wanted = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            boolean negative = !m.group(1).isEmpty();
            String body = m.group(2);
            if (!negative && body.equalsIgnoreCase("or")) continue;
            Matcher w = WORD.matcher(body.toLowerCase(Locale.ROOT));
            while (w.find()) {
                (negative ? excluded : wanted).add(w.group());
            }
        }
        List<String> words = wanted.stream().distinct().limit(MAX_WORDS).toList();
        String prefix = words.isEmpty()
                ? null
                : String.join(" & ", words.stream().map(s -> s + ":*").toList());
        String fuzzy = words.isEmpty() ? null : String.join(" ", words);
        List<String> neg = excluded.stream().distinct().limit(MAX_WORDS).toList();
        String excludedQuery = neg.isEmpty() ? null : String.join(" | ", neg);
        // websearch_to_tsquery reads "- Beige" as NOT beige; only "-beige" is an exclusion here
        String webText = LONE_DASH.matcher(text).replaceAll("$1");
        return new SearchText(webText, prefix, fuzzy, excludedQuery);
    }
}
