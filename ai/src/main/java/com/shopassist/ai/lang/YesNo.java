package com.shopassist.ai.lang;

import java.util.List;
import java.util.Set;

/**
 * Whether a short message answers a question with yes or no: "ya", "oke lanjut", "yes please",
 * "gak jadi", "never mind". Only yes/no words, politeness and a pointing word ("ini", "that one")
 * may appear, at most five words; anything else ("yes, but show me red ones first") is not an
 * answer. "ok thanks" and "makasih ya" are thanks, not a yes; "mau yang itu" ("I want that one")
 * picks a product, it is no yes. The words are the [yes], [no], [weak_yes], [thanks], [filler],
 * [demonstrative] and [pointing] lists of words.en.txt and words.id.txt.
 */
public final class YesNo {

    /** A yes or a no. */
    public enum Answer {
        YES,
        NO
    }

    private static final WordBook WORDS = WordBook.load(YesNo.class, "words");
    private static final List<String> YES = WORDS.list("yes");
    private static final List<String> NO = WORDS.list("no");
    private static final Set<String> WEAK_YES = WORDS.set("weak_yes");
    private static final Set<String> THANKS = WORDS.set("thanks");
    private static final Set<String> FILLER = WORDS.set("filler");
    private static final Set<String> POINTING = WORDS.set("demonstrative");
    private static final Set<String> POINTS_AT_A_PRODUCT = WORDS.set("pointing");
    private static final int MAX_WORDS = 5;

    private YesNo() {}

    /** Politeness words that carry nothing ("dong", "please", "kak"). */
    public static Set<String> fillers() {
        return FILLER;
    }

    /**
     * The answer in {@code words} (normalised tokens joined by single spaces), or null when they
     * are not a plain yes or no. {@code pointed}: the message also pointed at a product ("mau yang
     * itu"), so "mau" means "I want", not "yes".
     */
    public static Answer of(String words, boolean pointed) {
        String rest = " " + (words == null ? "" : words.strip()) + " ";
        boolean yes = false;
        boolean no = false;
        // multi-word phrases first ("gak jadi", "never mind", "go ahead"), then single words
        for (String p : NO) {
            if (p.contains(" ") && rest.contains(" " + p + " ")) {
                no = true;
                rest = rest.replace(" " + p + " ", " ");
            }
        }
        for (String p : YES) {
            if (p.contains(" ") && rest.contains(" " + p + " ")) {
                yes = true;
                rest = rest.replace(" " + p + " ", " ");
            }
        }
        boolean thanks = false;
        boolean strongYes = false;
        String[] left = rest.strip().isEmpty() ? new String[0] : rest.strip().split(" ");
        if (left.length > MAX_WORDS) return null;
        for (String w : left) {
            if (NO.contains(w)) no = true;
            else if (YES.contains(w)) {
                if (w.equals("mau") && pointed) return null;
                yes = true;
                if (!WEAK_YES.contains(w)) strongYes = true;
            } else if (THANKS.contains(w)) {
                thanks = true;
            } else if (!FILLER.contains(w) && !POINTING.contains(w)) {
                return null;
            }
        }
        if (no) return Answer.NO;
        if (yes && thanks && !strongYes) return null;
        return yes ? Answer.YES : null;
    }

    /**
     * The answer in a message as typed ("Ya!", "yes please."), or null. The same reading as the
     * offline parser's: a message that points at a product ("mau yang itu") is not a yes.
     */
    public static Answer of(String message) {
        List<String> tokens = TextNormalizer.tokens(message);
        if (tokens.isEmpty()) return null;
        boolean pointed = tokens.stream().anyMatch(POINTS_AT_A_PRODUCT::contains);
        return of(String.join(" ", tokens), pointed);
    }

    public static boolean isYes(String message) {
        return of(message) == Answer.YES;
    }

    public static boolean isNo(String message) {
        return of(message) == Answer.NO;
    }
}
