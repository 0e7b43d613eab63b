package com.shopassist.ai.dialog;

import com.shopassist.ai.lang.WordBook;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Product words as shoppers type them -> the English words the catalog uses, so Indonesian asks
 * reach the English full-text index ("sepatu lari" -> "running shoes"): the [synonyms] of
 * words.id.txt (and English variants such as "headset" in words.en.txt).
 */
public final class Synonyms {
    private Synonyms() {}

    /** Typed phrase -> catalog words. */
    public static final Map<String, String> TABLE =
            WordBook.load(Synonyms.class, "words").map("synonyms");

    /** The catalog's words for typed words; two-word phrases first ("tas ransel" is "backpack"). */
    public static List<String> map(List<String> words) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            if (i + 1 < words.size()) {
                String s = TABLE.get(words.get(i) + " " + words.get(i + 1));
                if (s != null) {
                    out.add(s);
                    i++;
                    continue;
                }
            }
            String s = TABLE.get(words.get(i));
            out.add(s != null ? s : words.get(i));
        }
        return out;
    }
}
