package com.shopassist.ai.lang;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns whatever a shopper typed into lower-case, accent-free word tokens. Digits keep their
 * separators ("1.250.000", "1,5jt") and words keep inner hyphens ("wh-1000xm5", "ke-2") because
 * prices, ordinals and model numbers live there. Bounded: a 10,000-character line costs no more
 * than its first {@link #MAX_CHARS} characters.
 */
public final class TextNormalizer {
    public static final int MAX_CHARS = 600;
    public static final int MAX_TOKENS = 60;

    private TextNormalizer() {}

    public static String clean(String raw) {
        if (raw == null) return "";
        String s = raw.length() > MAX_CHARS ? raw.substring(0, MAX_CHARS) : raw;
        s = Normalizer.normalize(s, Normalizer.Form.NFKD);
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) continue;
            if (c == '\u2019' || c == '\u2018' || c == '\'' || c == '`') continue; // what's -> whats
            sb.append(c);
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    public static List<String> tokens(String raw) {
        String s = clean(raw);
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i <= s.length() && out.size() < MAX_TOKENS; i++) {
            char c = i < s.length() ? s.charAt(i) : ' ';
            boolean word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || Character.isLetter(c);
            boolean joiner = (c == '.' || c == ',' || c == '-' || c == '/')
                    && cur.length() > 0
                    && i + 1 < s.length()
                    && isWordChar(s.charAt(i + 1))
                    && (c == '-' || c == '/' || Character.isDigit(cur.charAt(cur.length() - 1)));
            if (c == '#' && cur.length() == 0 && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1))) {
                cur.append(c);
            } else if (c == '<' || c == '>') {
                flush(cur, out);
                out.add(String.valueOf(c));
            } else if (word || joiner) {
                cur.append(c);
            } else {
                flush(cur, out);
            }
        }
        flush(cur, out);
        return out;
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || Character.isLetter(c);
    }

    private static void flush(StringBuilder cur, List<String> out) {
        if (cur.length() == 0) return;
        String t = cur.toString();
        cur.setLength(0);
        if (t.length() > 40) t = t.substring(0, 40);
        out.add(t);
    }
}
