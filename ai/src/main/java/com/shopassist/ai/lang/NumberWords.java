package com.shopassist.ai.lang;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers as shoppers type them, in English and Indonesian: digits, words ("dua", "two",
 * "dua belas", "seratus"), ordinals ("kedua", "second", "2nd", "ke-2") and rupiah amounts with
 * shorthand ("500k", "500rb", "1,5 jt", "dua juta", "Rp 1.250.000", "setengah juta"). The words are in
 * numbers.en.txt and numbers.id.txt.
 */
public final class NumberWords {
    private NumberWords() {}

    private static final WordBook WORDS = WordBook.load(NumberWords.class, "numbers");

    /** Number words; "half" and "setengah" are {@link #HALF}, for the caller to handle. */
    public static final Map<String, Integer> UNITS = units();

    /** The value {@link #UNITS} gives "half" and "setengah". */
    public static final int HALF = -2;

    /** Quantity words only (no "a"/"an"/"se": too common to count as numbers on their own). */
    public static final Map<String, Integer> QUANTITY_WORDS = ints("quantity");

    public static final Map<String, Integer> ORDINALS = ints("ordinals");

    /** "rb", "ribu", "k", "jt", "juta", "million" ... and what they multiply by. */
    public static final Map<String, Long> MULTIPLIERS = WORDS.numbers("multipliers");

    /** "ratus", "hundred". */
    public static final List<String> HUNDREDS = WORDS.list("hundreds");

    private static Map<String, Integer> units() {
        Map<String, Integer> m = new LinkedHashMap<>(ints("units"));
        for (String w : WORDS.list("half")) m.put(w, HALF);
        return Collections.unmodifiableMap(m);
    }

    private static Map<String, Integer> ints(String section) {
        Map<String, Integer> m = new LinkedHashMap<>();
        WORDS.numbers(section).forEach((k, v) -> m.put(k, Math.toIntExact(v)));
        return Collections.unmodifiableMap(m);
    }

    /** "1.250.000" -> 1250000, "1,5" -> 1.5, "250000" -> 250000; null if not a number. */
    public static Double parseDigits(String s) {
        if (s.isEmpty() || s.length() > 18) return null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isDigit(c) || c == '.' || c == ',')) return null;
        }
        if (!Character.isDigit(s.charAt(0)) || !Character.isDigit(s.charAt(s.length() - 1))) return null;
        if (s.matches("\\d{1,3}([.,]\\d{3})+")) {
            return Double.parseDouble(s.replace(".", "").replace(",", ""));
        }
        if (s.matches("\\d+")) return Double.parseDouble(s);
        if (s.matches("\\d+[.,]\\d{1,2}")) return Double.parseDouble(s.replace(',', '.'));
        return null;
    }

    /** A whole number 0..999999 from digits, or null. */
    public static Integer integer(String token) {
        if (token.length() > 6) return null;
        for (int i = 0; i < token.length(); i++) if (!Character.isDigit(token.charAt(i))) return null;
        return token.isEmpty() ? null : Integer.parseInt(token);
    }
}
