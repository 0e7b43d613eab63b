package com.shopassist.app.ui.chat;

/**
 * Shows an assistant's answer a few words at a time, like someone typing fast: text arrives
 * (streamed tokens, or the whole reply at once from the offline assistant) and each {@link #step}
 * shows a little more of it. The pace adapts to the length, so no answer takes longer than
 * {@link #MAX_STEPS} steps to show in full, and a short one still reads as streamed.
 */
final class TextReveal {

    /** Steps to show a whole answer at most (at 30 ms a step: 1.5 s). */
    static final int MAX_STEPS = 50;
    /** Characters a step shows at least (at 30 ms a step: about 100 a second). */
    static final int MIN_STEP = 3;
    /** A word is finished rather than cut, if it ends within this many characters. */
    private static final int WORD_SLACK = 10;

    private final StringBuilder target = new StringBuilder();
    private int shown;

    /** More text streamed in (appended to what will be shown). */
    void offer(String more) {
        if (more != null) target.append(more);
    }

    /**
     * The reply's final text. It normally continues what was streamed; if it does not (the reply
     * was corrected after streaming), what is already shown is kept only as far as it agrees.
     */
    void complete(String full) {
        if (full == null) return;
        int common = 0;
        int max = Math.min(shown, full.length());
        while (common < max && full.charAt(common) == target.charAt(common)) common++;
        target.setLength(0);
        target.append(full);
        shown = Math.min(shown, common);
    }

    /** Shows a little more; returns the text visible now. */
    String step() {
        int remaining = target.length() - shown;
        if (remaining > 0) {
            int size = Math.max(MIN_STEP, (target.length() + MAX_STEPS - 1) / MAX_STEPS);
            int end = Math.min(target.length(), shown + size);
            int wordEnd = end;
            while (wordEnd < target.length()
                    && wordEnd - end < WORD_SLACK
                    && !Character.isWhitespace(target.charAt(wordEnd))) {
                wordEnd++;
            }
            if (wordEnd - end < WORD_SLACK) end = wordEnd;
            // never split a surrogate pair (emoji, some scripts)
            if (end < target.length() && Character.isLowSurrogate(target.charAt(end))) end++;
            shown = end;
        }
        return visible();
    }

    /** Everything received so far, shown or not. */
    String full() {
        return target.toString();
    }

    String visible() {
        return target.substring(0, shown);
    }

    boolean caughtUp() {
        return shown >= target.length();
    }
}
