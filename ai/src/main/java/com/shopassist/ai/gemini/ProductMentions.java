package com.shopassist.ai.gemini;

import com.shopassist.ai.gemini.Facts.Known;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a sentence names the products the tools returned, and which: by the full name, a bold
 * name, the name's first words ("Sony WH-1000XM5" for "Sony WH-1000XM5 Wireless Headphones"), a
 * model code only one of them has ("XM5", "520BT"), or a brand only one of them has ("the JBL").
 * Where two names overlap the stronger, then the longer, wins ("iPhone 15 Pro" over "iPhone 15");
 * words that fit several products equally well are one mention of all of them.
 */
final class ProductMentions {

    /** Products named at [start, end) of the sentence: one, or several when the words fit each equally. */
    record Mention(List<Known> products, int start, int end, int strength) {
        boolean single() {
            return products.size() == 1;
        }

        Known product() {
            return products.get(0);
        }

        boolean covers(int s, int e) {
            return start <= s && e <= end;
        }
    }

    private static final int FULL = 4;
    private static final int PREFIX = 3;
    private static final int MODEL = 2;
    private static final int BRAND = 1;
    private static final Pattern BOLD = Pattern.compile("\\*\\*([^*]{2,120})\\*\\*");

    private ProductMentions() {}

    /** The returned products' names made ready once for every sentence of an answer. */
    static final class Index {
        private record Entry(Known known, String name, String[] words, String brand) {}

        private final List<Entry> entries = new ArrayList<>();
        private final Map<String, Integer> codes = new HashMap<>();
        private final Map<String, Integer> brands = new HashMap<>();

        Index(Collection<Known> known) {
            for (Known k : known) {
                String name = norm(k.name());
                if (name.isEmpty()) continue;
                Entry e = new Entry(k, name, name.split(" "), norm(k.brand()));
                entries.add(e);
                for (String w : e.words()) if (isCode(w)) codes.merge(w, 1, Integer::sum);
                if (e.brand().length() >= 2) brands.merge(e.brand(), 1, Integer::sum);
            }
        }
    }

    /** The mentions in the sentence, in order. */
    static List<Mention> find(String sentence, Collection<Known> known) {
        return find(sentence, new Index(known));
    }

    /** The mentions in the sentence, in order. */
    static List<Mention> find(String sentence, Index index) {
        if (index.entries.isEmpty() || sentence.isBlank()) return List.of();
        Normalized text = new Normalized(sentence);
        List<Mention> candidates = new ArrayList<>();
        shortCodes(text, index, candidates);
        Matcher bold = BOLD.matcher(sentence);
        List<String> bolds = new ArrayList<>();
        List<int[]> boldAt = new ArrayList<>();
        while (bold.find()) {
            bolds.add(norm(bold.group(1)));
            boldAt.add(new int[] {bold.start(1), bold.end(1)});
        }
        for (Index.Entry e : index.entries) {
            Known k = e.known();
            String name = e.name();
            for (int[] at : text.all(name)) candidates.add(new Mention(List.of(k), at[0], at[1], FULL));
            for (int i = 0; i < bolds.size(); i++) {
                String boldName = bolds.get(i);
                if (boldName.length() >= 6 && (name.contains(boldName) || boldName.contains(name)))
                    candidates.add(new Mention(List.of(k), boldAt.get(i)[0], boldAt.get(i)[1], FULL));
            }
            String prefix = longestPrefix(e.words(), text);
            if (prefix != null)
                for (int[] at : text.all(prefix)) candidates.add(new Mention(List.of(k), at[0], at[1], PREFIX));
            for (String w : e.words()) {
                if (index.codes.getOrDefault(w, 0) == 1)
                    for (int[] at : text.all(w)) candidates.add(new Mention(List.of(k), at[0], at[1], MODEL));
            }
            if (index.brands.getOrDefault(e.brand(), 0) == 1)
                for (int[] at : text.all(e.brand())) candidates.add(new Mention(List.of(k), at[0], at[1], BRAND));
        }
        return resolve(candidates);
    }

    /**
     * A code written shorter than in the name ("XM5" for "WH-1000XM5", "Q20" for "Q20i"): the end or
     * the start of exactly one product's code, three characters or more.
     */
    private static void shortCodes(Normalized text, Index index, List<Mention> out) {
        for (int[] w : text.words()) {
            String word = text.word(w);
            if (!isCode(word) || index.codes.containsKey(word)) continue;
            Known only = null;
            int fits = 0;
            for (Index.Entry e : index.entries) {
                for (String c : e.words()) {
                    if (isCode(c) && (c.endsWith(word) || c.startsWith(word))) {
                        if (only != e.known()) fits++;
                        only = e.known();
                    }
                }
            }
            if (fits == 1) out.add(new Mention(List.of(only), w[2], w[3], MODEL));
        }
    }

    /** The longest run of the name's first words the text holds, if it is three words and eight characters or more. */
    private static String longestPrefix(String[] words, Normalized text) {
        String best = null;
        StringBuilder phrase = new StringBuilder();
        for (int i = 0; i < words.length - 1; i++) {
            if (i > 0) phrase.append(' ');
            phrase.append(words[i]);
            if (!text.contains(phrase.toString())) break;
            if (i >= 2 && phrase.length() >= 8) best = phrase.toString();
        }
        return best;
    }

    private static List<Mention> resolve(List<Mention> candidates) {
        candidates.sort(Comparator.comparingInt(Mention::strength)
                .reversed()
                .thenComparing(Comparator.comparingInt((Mention m) -> m.end() - m.start())
                        .reversed()));
        List<Mention> kept = new ArrayList<>();
        for (Mention c : candidates) {
            Mention same = null;
            boolean overlaps = false;
            for (Mention k : kept) {
                if (k.start() == c.start() && k.end() == c.end() && k.strength() == c.strength()) same = k;
                else if (c.start() < k.end() && k.start() < c.end()) overlaps = true;
            }
            if (same != null) {
                if (!same.products().contains(c.product())) {
                    List<Known> both = new ArrayList<>(same.products());
                    both.add(c.product());
                    kept.set(
                            kept.indexOf(same),
                            new Mention(List.copyOf(both), same.start(), same.end(), same.strength()));
                }
            } else if (!overlaps) {
                kept.add(c);
            }
        }
        kept.sort(Comparator.comparingInt(Mention::start));
        return kept;
    }

    /** A model code: letters and digits together, three characters or more ("1000xm5", "q20i"). */
    private static boolean isCode(String w) {
        return w.length() >= 3
                && w.chars().anyMatch(Character::isDigit)
                && w.chars().anyMatch(Character::isLetter);
    }

    /** Lower case, every run of other characters one space: names and sentences alike. */
    static String norm(String s) {
        return s == null ? "" : new Normalized(s).text.strip();
    }

    /** The sentence in lower case with every run of other characters as one space, mapped back to the original. */
    private static final class Normalized {
        private final String text;
        private final int[] from;
        private final int[] to;

        Normalized(String original) {
            // at most one character and one space for each character of the original, plus the ends
            int cap = original.length() * 2 + 2;
            StringBuilder sb = new StringBuilder(cap);
            int[] f = new int[cap];
            int[] t = new int[cap];
            sb.append(' ');
            for (int i = 0; i < original.length(); ) {
                int cp = original.codePointAt(i);
                int n = Character.charCount(cp);
                if (Character.isLetterOrDigit(cp)) {
                    int lower = Character.toLowerCase(cp);
                    int at = sb.length();
                    for (int j = 0; j < Character.charCount(lower); j++) {
                        f[at + j] = i;
                        t[at + j] = i + n;
                    }
                    sb.appendCodePoint(lower);
                } else if (sb.charAt(sb.length() - 1) != ' ') {
                    f[sb.length()] = i;
                    t[sb.length()] = i + n;
                    sb.append(' ');
                }
                i += n;
            }
            if (sb.charAt(sb.length() - 1) != ' ') {
                f[sb.length()] = original.length();
                t[sb.length()] = original.length();
                sb.append(' ');
            }
            text = sb.toString();
            from = f;
            to = t;
        }

        /** Each word as {normalized start, normalized end, original start, original end}. */
        List<int[]> words() {
            List<int[]> out = new ArrayList<>();
            int i = 0;
            while (i < text.length()) {
                while (i < text.length() && text.charAt(i) == ' ') i++;
                int st = i;
                while (i < text.length() && text.charAt(i) != ' ') i++;
                if (i > st) out.add(new int[] {st, i, from[st], to[i - 1]});
            }
            return out;
        }

        String word(int[] w) {
            return text.substring(w[0], w[1]);
        }

        boolean contains(String phrase) {
            return text.contains(" " + phrase + " ");
        }

        /** Each place the phrase stands as whole words, as [start, end) of the original. */
        List<int[]> all(String phrase) {
            List<int[]> out = new ArrayList<>();
            if (phrase.isEmpty()) return out;
            String needle = " " + phrase + " ";
            for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
                int first = at + 1;
                int last = at + needle.length() - 2;
                out.add(new int[] {from[first], to[last]});
            }
            return out;
        }
    }
}
