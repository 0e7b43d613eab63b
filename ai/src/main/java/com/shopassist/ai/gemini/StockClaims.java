package com.shopassist.ai.gemini;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a sentence claims about stock, in English and Indonesian: a count ("only 3 left", "7 in
 * stock", "tinggal 3", "sisa 2", "stok: 5", "3 unit tersedia") or a state ("in stock", "sold out",
 * "not available", "tersedia", "habis", "belum habis"). Each claim knows the words that say the
 * opposite, so a wrong one can be turned round in place.
 */
final class StockClaims {

    enum Polarity {
        IN,
        OUT
    }

    /**
     * A claim at [start, end) of the sentence.
     *
     * @param count the units claimed, or null for a state
     * @param countStart where the count's digits start (for a count)
     * @param countEnd where they end
     * @param opposite the words to put in its place when the claim is the wrong way round (for a
     *     count: what to say when the product is sold out)
     */
    record Claim(int start, int end, Polarity polarity, Integer count, int countStart, int countEnd, String opposite) {}

    private record Phrase(Pattern pattern, Polarity polarity, String opposite) {}

    private static final String NOT_A_COUNT =
            "(?![.,]?\\d)(?!\\s*(?:%|persen|hari|jam|menit|minggu|bulan|tahun|days?|hours?|minutes?|weeks?|ribu|rb|juta|jt|k\\b))";

    private static final Pattern COUNT_EN = Pattern.compile("(?i)\\b(?:(?:only|just)\\s+)?(?<![\\d.,])(\\d{1,5})\\s+"
            + "(?:(?:units?|pcs|pieces|items|pairs)\\s+)?(?:left|in stock|available|remaining)\\b"
            + "|\\b(?:stock|in stock)\\s*[:=]\\s*(\\d{1,5})\\b" + NOT_A_COUNT);
    private static final Pattern COUNT_ID = Pattern.compile("(?i)\\b(?:sisa stok|stok tersisa|tersisa|tinggal|sisa"
            + "|stoknya|stok)\\s*:?\\s*(\\d{1,5})\\b" + NOT_A_COUNT + "(?:\\s*(?:unit|pcs|buah))?(?:\\s+lagi)?"
            + "|\\b(\\d{1,5})\\s*(?:unit|pcs|buah)?\\s+(?:lagi|tersisa|tersedia)\\b");

    /** Longer and negated phrases first: "not sold out" is a claim of stock, "not available" of none. */
    private static final List<Phrase> PHRASES = List.of(
            phrase("\\b(?:not|no longer)\\s+(?:sold out|out of stock)", Polarity.IN, "sold out"),
            phrase("\\b(?:belum|tidak|tak)\\s+habis", Polarity.IN, "sudah habis"),
            phrase("\\b(is|are)n[’']t\\s+(in stock|available)", Polarity.OUT, "$1 $2"),
            phrase("\\b(?:not|no longer)\\s+(in stock|available)", Polarity.OUT, "$1"),
            phrase("\\b(?:tidak|belum|tak)\\s+(?:tersedia|ada stok)", Polarity.OUT, "tersedia"),
            phrase("\\bstok(?:nya)?\\s+(?:habis|kosong)", Polarity.OUT, "stoknya ada"),
            phrase("\\bout of stock", Polarity.OUT, "in stock"),
            phrase("\\bsold out", Polarity.OUT, "in stock"),
            phrase("\\bunavailable", Polarity.OUT, "available"),
            phrase("\\bhabis", Polarity.OUT, "tersedia"),
            phrase("\\bstill (?:in stock|available)", Polarity.IN, "sold out"),
            phrase("\\bready stock", Polarity.IN, "stok habis"),
            phrase("\\bmasih (?:ada|tersedia)", Polarity.IN, "sudah habis"),
            phrase("\\bstok(?:nya)? (?:masih )?(?:ada|tersedia)", Polarity.IN, "stoknya habis"),
            phrase("\\bin stock", Polarity.IN, "sold out"),
            phrase("\\bavailable", Polarity.IN, "sold out"),
            phrase("\\btersedia", Polarity.IN, "habis"));

    /** A word every claim above holds. */
    private static final Pattern ANY =
            Pattern.compile("(?i)stock|stok|sold|habis|avail|tersedia|ready|masih|left|sisa|tinggal|remaining|lagi");

    private StockClaims() {}

    private static Phrase phrase(String regex, Polarity p, String opposite) {
        return new Phrase(Pattern.compile("(?i)" + regex + "\\b"), p, opposite);
    }

    /** The claims in the sentence, in order, none overlapping. */
    static List<Claim> read(String sentence) {
        return read(sentence, at -> false);
    }

    /** As {@link #read(String)}; a number whose first digit is {@code taken} (part of a name or an amount) is no count. */
    static List<Claim> read(String sentence, IntPredicate taken) {
        List<Claim> out = new ArrayList<>();
        // most sentences say nothing of stock: one scan tells, instead of one per phrase
        if (!ANY.matcher(sentence).find()) return out;
        counts(sentence, COUNT_EN, "sold out", taken, out);
        counts(sentence, COUNT_ID, "habis", taken, out);
        for (Phrase p : PHRASES) {
            Matcher m = p.pattern().matcher(sentence);
            while (m.find()) {
                if (overlaps(out, m.start(), m.end())) continue;
                String opposite = m.groupCount() > 0 ? expand(m, p.opposite()) : p.opposite();
                out.add(new Claim(m.start(), m.end(), p.polarity(), null, -1, -1, opposite));
            }
        }
        out.sort(Comparator.comparingInt(Claim::start));
        return out;
    }

    private static void counts(String sentence, Pattern p, String soldOut, IntPredicate taken, List<Claim> out) {
        Matcher m = p.matcher(sentence);
        while (m.find()) {
            int g = m.group(1) != null ? 1 : 2;
            if (taken.test(m.start(g)) || overlaps(out, m.start(), m.end())) continue;
            out.add(new Claim(
                    m.start(), m.end(), Polarity.IN, Integer.parseInt(m.group(g)), m.start(g), m.end(g), soldOut));
        }
    }

    private static String expand(Matcher m, String template) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '$' && i + 1 < template.length() && Character.isDigit(template.charAt(i + 1))) {
                String g = m.group(template.charAt(++i) - '0');
                sb.append(g == null ? "" : g);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean overlaps(List<Claim> claims, int start, int end) {
        for (Claim c : claims) if (start < c.end() && c.start() < end) return true;
        return false;
    }
}
