package com.shopassist.app.ui.kiosk;

import java.util.List;

/**
 * An on-screen keyboard layout: rows of keys. Special keys are named in capitals (SHIFT,
 * BACKSPACE, SPACE, ENTER, HIDE); everything else types itself. The Indonesian layout has the
 * same letters (Indonesia uses QWERTY) with the shortcuts Indonesian shoppers type: ".co.id" for
 * email and "Rp".
 */
public record KeyboardLayout(String language, List<List<String>> rows) {

    public static final String SHIFT = "SHIFT";
    public static final String BACKSPACE = "BACKSPACE";
    public static final String SPACE = "SPACE";
    public static final String ENTER = "ENTER";
    public static final String HIDE = "HIDE";

    public KeyboardLayout {
        rows = rows.stream().map(List::copyOf).toList();
    }

    public static KeyboardLayout english() {
        return new KeyboardLayout(
                "en",
                List.of(
                        List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "0", BACKSPACE),
                        List.of("q", "w", "e", "r", "t", "y", "u", "i", "o", "p"),
                        List.of("a", "s", "d", "f", "g", "h", "j", "k", "l", "'"),
                        List.of(SHIFT, "z", "x", "c", "v", "b", "n", "m", ",", ".", "?"),
                        List.of(HIDE, "@", "-", SPACE, ".com", ENTER)));
    }

    public static KeyboardLayout indonesian() {
        return new KeyboardLayout(
                "id",
                List.of(
                        List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "0", BACKSPACE),
                        List.of("q", "w", "e", "r", "t", "y", "u", "i", "o", "p"),
                        List.of("a", "s", "d", "f", "g", "h", "j", "k", "l", "Rp"),
                        List.of(SHIFT, "z", "x", "c", "v", "b", "n", "m", ",", ".", "?"),
                        List.of(HIDE, "@", "-", SPACE, ".co.id", ENTER)));
    }

    public static KeyboardLayout forLanguage(String language) {
        return "id".equals(language) ? indonesian() : english();
    }

    public static boolean isSpecial(String key) {
        return switch (key) {
            case SHIFT, BACKSPACE, SPACE, ENTER, HIDE -> true;
            default -> false;
        };
    }

    /** What a key types, with shift applied to single letters. */
    public static String typed(String key, boolean shift) {
        if (SPACE.equals(key)) return " ";
        if (shift && key.length() == 1 && Character.isLetter(key.charAt(0)))
            return key.toUpperCase(java.util.Locale.ROOT);
        return key;
    }
}
