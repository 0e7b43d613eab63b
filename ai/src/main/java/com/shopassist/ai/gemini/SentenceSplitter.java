package com.shopassist.ai.gemini;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cuts a model's answer, as it streams in, into sentences and lines (content) and the white space
 * between them (gaps), so that each sentence can be checked before it is shown. A piece is handed
 * out as soon as its end is certain: a newline, or a full stop, question or exclamation mark
 * followed by white space. It does not cut inside "Rp 1.250.000." (a point between digits is no
 * end), after "No. 5", "Rp. 500", "Jl. Sudirman", "e.g." and the like, or after the "1." of a
 * numbered list. Concatenating every piece gives the text back unchanged.
 */
final class SentenceSplitter {

    /**
     * A piece of the answer.
     *
     * @param text the sentence or line (no white space at either end), or the white space itself
     * @param gap true for white space between two pieces of content
     * @param lineStart content that begins a line
     * @param listItem content that begins a list item ("- ", "* ", "• ", "1. ", "2) ")
     */
    record Piece(String text, boolean gap, boolean lineStart, boolean listItem) {}

    private static final Pattern LIST_ITEM = Pattern.compile("^(?:[-*•]|\\d{1,2}[.)])\\s");
    private static final Pattern LIST_NUMBER = Pattern.compile("\\d{1,2}");
    /** Always an abbreviation before a point: a street, a title, "e.g.". */
    private static final Set<String> ABBREVIATIONS = Set.of(
            "jl", "jln", "gg", "dr", "drs", "mr", "mrs", "ms", "st", "vs", "approx", "kec", "kab", "kel", "prov", "yth",
            "bpk", "sdr", "e.g", "i.e", "a.n", "s.d", "u.p", "min", "max", "maks", "incl", "excl", "tlp");
    /** An abbreviation when a number follows ("No. 5", "Rp. 500", "hlm. 3"). */
    private static final Set<String> BEFORE_NUMBER =
            Set.of("no", "nr", "nos", "rp", "idr", "hal", "hlm", "tel", "telp", "ext", "vol");
    /** Ends a sentence unless the next word starts in lower case ("..., etc. We also"). */
    private static final Set<String> LIST_ENDINGS = Set.of("etc", "dll", "dsb", "dst", "dkk", "tsb");

    private final StringBuilder pending = new StringBuilder();
    private boolean atLineStart = true;

    /** More streamed text: the pieces it completed, in order. */
    List<Piece> offer(String chunk) {
        if (chunk != null) pending.append(chunk);
        return drain(false);
    }

    /** The stream ended: whatever is left, as pieces. */
    List<Piece> finish() {
        return drain(true);
    }

    private List<Piece> drain(boolean finishing) {
        List<Piece> out = new ArrayList<>();
        while (!pending.isEmpty()) {
            int space = 0;
            while (space < pending.length() && Character.isWhitespace(pending.charAt(space))) space++;
            if (space > 0) {
                String gap = take(space);
                if (gap.indexOf('\n') >= 0) atLineStart = true;
                out.add(new Piece(gap, true, false, false));
                continue;
            }
            int end = contentEnd(finishing);
            if (end < 0) break;
            String text = take(end);
            boolean list = atLineStart && LIST_ITEM.matcher(text + " ").find();
            out.add(new Piece(text, false, atLineStart, list));
            atLineStart = false;
        }
        return out;
    }

    private String take(int n) {
        String s = pending.substring(0, n);
        pending.delete(0, n);
        return s;
    }

    /** Where the content at the start of the pending text ends (trailing white space excluded), or -1 if unknown yet. */
    private int contentEnd(boolean finishing) {
        int n = pending.length();
        for (int i = 0; i < n; i++) {
            char c = pending.charAt(i);
            if (c == '\n') return trimEnd(i);
            if (!isTerminator(c)) continue;
            int j = i + 1;
            while (j < n && (isTerminator(pending.charAt(j)) || isCloser(pending.charAt(j)))) j++;
            if (j == n) return finishing ? trimEnd(n) : -1;
            if (!Character.isWhitespace(pending.charAt(j))) continue;
            Boolean ends = endsSentence(i, j, finishing);
            if (ends == null) return -1;
            if (ends) return j;
        }
        return finishing ? trimEnd(n) : -1;
    }

    /**
     * Whether the terminator at {@code i} (its run and closers ending at {@code j}, white space
     * after) ends the sentence; null when the next word must be seen first.
     */
    private Boolean endsSentence(int i, int j, boolean finishing) {
        if (pending.charAt(i) != '.' || j > i + 1) return true;
        int w = i;
        while (w > 0 && (Character.isLetter(pending.charAt(w - 1)) || pending.charAt(w - 1) == '.')) w--;
        String word = pending.substring(w, i).toLowerCase(Locale.ROOT);
        if (w == i) {
            // "1." opening a numbered list is a marker, not a sentence
            return !(atLineStart && LIST_NUMBER.matcher(pending.substring(0, i)).matches());
        }
        if (w > 0 && Character.isDigit(pending.charAt(w - 1))) return true;
        if (ABBREVIATIONS.contains(word)) return false;
        boolean numberRule = BEFORE_NUMBER.contains(word);
        boolean listRule = LIST_ENDINGS.contains(word);
        if (!numberRule && !listRule) return true;
        int k = j;
        while (k < pending.length() && pending.charAt(k) == ' ') k++;
        if (k == pending.length()) return finishing ? Boolean.TRUE : null;
        char next = pending.charAt(k);
        if (numberRule) return !Character.isDigit(next);
        return !Character.isLowerCase(next);
    }

    private int trimEnd(int end) {
        int e = end;
        while (e > 0 && Character.isWhitespace(pending.charAt(e - 1))) e--;
        return e;
    }

    private static boolean isTerminator(char c) {
        return c == '.' || c == '!' || c == '?' || c == '…';
    }

    private static boolean isCloser(char c) {
        return c == ')' || c == '"' || c == '\'' || c == '”' || c == '’' || c == '*' || c == '_' || c == ']';
    }
}
