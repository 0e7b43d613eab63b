package com.shopassist.ai.offline;

import com.shopassist.ai.lang.Lang;
import java.util.List;

/**
 * One message being read: its tokens (normalised, spelling corrected), which of them a slot has
 * already taken, and the words the store knows. The readers above this class take slots out of
 * it in a fixed order: prices ({@link PriceSlots}), then references, order numbers, brands,
 * categories, recipients and quantities ({@link ProductSlots}); {@link MessageReader} decides
 * the intent from what is left.
 */
abstract class MessageTokens {
    final String raw;
    final List<String> t;
    final int n;
    final boolean[] used;
    final boolean[] brandTok;
    final boolean[] catTok;
    /** Tokens a reference took ("first", "kedua"): they may still be part of a product's name. */
    final boolean[] refTok;

    final Lang lang;
    final Vocabulary vocab;

    MessageTokens(String raw, List<String> tokens, Lang lang, Vocabulary vocab) {
        this.raw = raw;
        this.t = tokens;
        this.n = tokens.size();
        this.used = new boolean[n];
        this.brandTok = new boolean[n];
        this.catTok = new boolean[n];
        this.refTok = new boolean[n];
        this.lang = lang;
        this.vocab = vocab;
    }

    void mark(int from, int toExclusive) {
        for (int k = Math.max(0, from); k < Math.min(n, toExclusive); k++) used[k] = true;
    }

    String joinUnused() {
        StringBuilder sb = new StringBuilder(" ");
        for (int i = 0; i < n; i++) {
            if (used[i] && !brandTok[i]) continue;
            sb.append(t.get(i)).append(' ');
        }
        return sb.toString();
    }

    static boolean hasAny(String joined, List<String> phrases) {
        for (String p : phrases) {
            if (joined.contains(" " + p + " ")) return true;
        }
        return false;
    }
}
