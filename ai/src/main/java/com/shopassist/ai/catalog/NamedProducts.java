package com.shopassist.ai.catalog;

import com.shopassist.ai.dialog.DialogTurn;
import com.shopassist.ai.dialog.ParsedMessage;
import com.shopassist.ai.lang.Fuzzy;
import com.shopassist.ai.lang.TextNormalizer;
import com.shopassist.ai.tool.Args;
import com.shopassist.ai.tool.ToolResult;
import com.shopassist.core.catalog.Product;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The product a message names in full, anywhere in the sentence, in stock or sold out: "can I
 * still buy Medika Herbal First Aid Kit - Medium?". A name beats any reference to an earlier list
 * (its "first" is no "the first one"). Exact: every word of the product's name is in the message
 * (a typo of one letter in a long word forgiven). Near-exact: a name of four words or more with one
 * word missing ("... First Aid Kit" without its size), which may fit several variants; the dialogs
 * then ask which.
 */
public final class NamedProducts {

    private static final int CANDIDATES = 8;
    /** Words a name may hold that say nothing about which product it is. */
    private static final Set<String> NOISE = Set.of("-", "the", "a", "an", "of", "for", "and", "with", "in");

    private NamedProducts() {}

    /** The products the message names (one when exact, a few variants when near-exact), or none. */
    public static List<Product> find(DialogTurn turn, ParsedMessage m) {
        if (m.lookup().isBlank()) return List.of();
        ToolResult r = turn.call(FindProductByNameTool.NAME, Args.of("name", m.lookup()));
        if (!r.ok() || r.products().isEmpty()) return List.of();
        Set<String> said = new HashSet<>(m.words());
        List<Product> exact = new ArrayList<>();
        List<Product> near = new ArrayList<>();
        int longest = 0;
        for (Product p :
                r.products().subList(0, Math.min(CANDIDATES, r.products().size()))) {
            List<String> words = nameWords(p);
            int missing = missing(words, said);
            if (missing == 0) {
                // "Sonora Echo 7 Party Speaker" and "... Party Speaker Mini": the longer name said wins
                if (words.size() > longest) {
                    exact.clear();
                    longest = words.size();
                }
                if (words.size() == longest) exact.add(p);
            } else if (missing == 1 && words.size() >= 4) {
                near.add(p);
            }
        }
        return exact.isEmpty() ? near : exact;
    }

    /**
     * The message with the product's name taken out ("tambahkan 3 Bermain Happy Remote Control Car"
     * -> "tambahkan 3"), so what is left is read for the intent and the quantity alone: a name's
     * words ("Remote", "Pack of 3", "First") never act as cue words, quantities or references.
     */
    public static String without(String raw, Product p) {
        List<String> name = new ArrayList<>(TextNormalizer.tokens(p.name()));
        StringBuilder rest = new StringBuilder();
        for (String w : TextNormalizer.tokens(raw)) {
            int at = indexOf(name, w);
            if (at >= 0) {
                name.remove(at);
                continue;
            }
            if (rest.length() > 0) rest.append(' ');
            rest.append(w);
        }
        if (raw != null && raw.indexOf('?') >= 0) rest.append(" ?");
        return rest.toString();
    }

    private static int indexOf(List<String> name, String w) {
        int at = name.indexOf(w);
        if (at >= 0) return at;
        for (int i = 0; i < name.size(); i++) {
            if (typoOf(name.get(i), Set.of(w))) return i;
        }
        return -1;
    }

    /** The words of a product's name that tell it apart, in the parser's normal form. */
    static List<String> nameWords(Product p) {
        List<String> out = new ArrayList<>();
        for (String w : TextNormalizer.tokens(p.name())) if (!NOISE.contains(w)) out.add(w);
        return out;
    }

    private static int missing(List<String> name, Set<String> said) {
        int missing = 0;
        for (String w : name) {
            if (!said.contains(w) && !typoOf(w, said)) missing++;
        }
        return missing;
    }

    private static boolean typoOf(String w, Set<String> said) {
        if (w.length() < 5 || w.chars().anyMatch(Character::isDigit)) return false;
        for (String s : said) {
            if (Math.abs(s.length() - w.length()) <= 1 && Fuzzy.distance(w, s, 1) <= 1) return true;
        }
        return false;
    }
}
