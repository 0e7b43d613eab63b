package com.shopassist.ai.offline;

import com.shopassist.ai.lang.Fuzzy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Corrects typos towards known words only: the lexicon's cue words, numbers and synonyms, and
 * the store's brands and categories (bounded Damerau-Levenshtein: 1 edit for 4-7 letters, 2
 * from 8; four-letter words only by a swap). English product words are left to the catalog's
 * trigram search, so "iphone" never becomes "phone".
 */
final class Speller {

    private final Vocabulary vocab;
    private final Map<Integer, List<String>> dictionaryByLength = new HashMap<>();
    private final Map<Integer, List<String>> storeWordsByLength = new HashMap<>();

    Speller(Vocabulary vocab) {
        this.vocab = vocab;
        Set<String> englishProductWords = new HashSet<>();
        for (String v : Lexicon.SYNONYMS.values()) englishProductWords.addAll(List.of(v.split(" ")));
        for (String w : Lexicon.DICTIONARY) {
            // English product words are left to the catalog's trigram search: "iphone" is not "phone"
            if (englishProductWords.contains(w) && !Lexicon.CUE_WORDS.contains(w)) continue;
            if (w.length() >= 4)
                dictionaryByLength
                        .computeIfAbsent(w.length(), x -> new ArrayList<>())
                        .add(w);
        }
        List<String> store = new ArrayList<>();
        for (String k : this.vocab.categoryKeys()) {
            if (k.contains(" ")) continue;
            if (k.endsWith("s") && this.vocab.category(k.substring(0, k.length() - 1)) != null) continue;
            store.add(k);
        }
        if (this.vocab.brandKeys().size() <= 5000) {
            for (String k : this.vocab.brandKeys()) if (!k.contains(" ")) store.add(k);
        }
        for (String w : store) {
            if (w.length() >= 6)
                storeWordsByLength
                        .computeIfAbsent(w.length(), x -> new ArrayList<>())
                        .add(w);
        }
    }

    List<String> correct(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (String tok : tokens) out.add(correctOne(tok));
        return out;
    }

    private String correctOne(String tok) {
        if (tok.length() < 4 || Lexicon.DICTIONARY.contains(tok) || Lexicon.PROTECTED.contains(tok)) return tok;
        if (vocab.brand(tok) != null || vocab.category(tok) != null) return tok;
        for (int i = 0; i < tok.length(); i++) {
            char c = tok.charAt(i);
            if (!(c >= 'a' && c <= 'z')) return tok; // digits, hyphens, other scripts: model numbers, not typos
        }
        for (String suffix : Lexicon.SUFFIXES) {
            if (tok.endsWith(suffix) && tok.length() - suffix.length() >= 3) {
                String stem = tok.substring(0, tok.length() - suffix.length());
                if (Lexicon.DICTIONARY.contains(stem) || vocab.category(stem) != null) return stem;
            }
        }
        int max = tok.length() >= 8 ? 2 : 1;
        String best = nearest(tok, dictionaryByLength, max, false);
        if (best == null && tok.length() >= 6) best = nearest(tok, storeWordsByLength, 1, true); // brands, categories
        return best != null ? best : tok;
    }

    /** The one nearest word within {@code max} edits; ties go to the longer shared prefix, else none. */
    private static String nearest(String tok, Map<Integer, List<String>> buckets, int max, boolean keepPlurals) {
        String best = null;
        int bestD = max + 1;
        int bestPrefix = -1;
        boolean tie = false;
        for (int len = tok.length() - max; len <= tok.length() + max; len++) {
            List<String> bucket = buckets.get(len);
            if (bucket == null) continue;
            for (String w : bucket) {
                if (tok.length() == 4 && !isSwap(tok, w)) continue; // four letters: only a swap ("crat")
                if (keepPlurals && (w.equals(tok + "s") || tok.equals(w + "s") || tok.equals(w + "es"))) continue;
                int d = Fuzzy.distance(tok, w, max);
                if (d > max) continue;
                int prefix = commonPrefix(tok, w);
                if (d < bestD || (d == bestD && prefix > bestPrefix)) {
                    bestD = d;
                    best = w;
                    bestPrefix = prefix;
                    tie = false;
                } else if (d == bestD && prefix == bestPrefix && !w.equals(best)) {
                    tie = true;
                }
            }
        }
        return tie ? null : best;
    }

    private static boolean isSwap(String a, String b) {
        if (a.length() != b.length()) return false;
        int diff = -1;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                if (diff >= 0) {
                    return i == diff + 1
                            && a.charAt(diff) == b.charAt(i)
                            && a.charAt(i) == b.charAt(diff)
                            && a.substring(i + 1).equals(b.substring(i + 1));
                }
                diff = i;
            }
        }
        return false;
    }

    private static int commonPrefix(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) i++;
        return i;
    }
}
