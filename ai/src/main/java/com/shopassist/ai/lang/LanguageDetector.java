package com.shopassist.ai.lang;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which language a shopper wrote in, from marker words of each language (the [markers] of
 * words.en.txt and words.id.txt). A word that marks both counts for neither; rupiah shorthand
 * ("500rb", "2jt") counts as Indonesian and "500k" as English. A tie keeps the fallback (the
 * session's last language, else the screen's).
 */
public final class LanguageDetector {

    private static final WordBook WORDS = WordBook.load(LanguageDetector.class, "words");
    private static final Set<String> ID = Set.copyOf(WORDS.list("markers", Lang.ID));
    private static final Set<String> EN = Set.copyOf(WORDS.list("markers", Lang.EN));
    private static final Pattern RUPIAH_SHORTHAND = Pattern.compile("\\d+(rb|ribu|jt|juta)");
    private static final Pattern THOUSANDS_K = Pattern.compile("\\d+k");

    private LanguageDetector() {}

    /** The language of tokens as {@link TextNormalizer#tokens} makes them. */
    public static Lang detect(List<String> tokens, Lang fallback) {
        int id = 0;
        int en = 0;
        for (String tok : tokens) {
            boolean isId = ID.contains(tok);
            boolean isEn = EN.contains(tok);
            if (isId && !isEn) id++;
            else if (isEn && !isId) en++;
            else if (RUPIAH_SHORTHAND.matcher(tok).matches()) id++;
            else if (THOUSANDS_K.matcher(tok).matches()) en++;
        }
        if (id > en) return Lang.ID;
        if (en > id) return Lang.EN;
        return fallback == null ? Lang.EN : fallback;
    }

    /** The language of a message as typed. */
    public static Lang detect(String text, Lang fallback) {
        return detect(TextNormalizer.tokens(text), fallback);
    }
}
