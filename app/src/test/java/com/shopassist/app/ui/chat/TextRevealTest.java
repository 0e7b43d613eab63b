package com.shopassist.app.ui.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextRevealTest {

    private static List<String> revealAll(TextReveal r) {
        List<String> steps = new ArrayList<>();
        while (!r.caughtUp()) steps.add(r.step());
        return steps;
    }

    @Test
    void aWholeReplyIsShownInSeveralGrowingPrefixesEndingInTheFullText() {
        String text = "Here is what I found for \"rice cooker\": 1. Daya Compact Rice Cooker - 10L — Rp 1.080.900";
        TextReveal r = new TextReveal();
        r.offer(text);
        List<String> steps = revealAll(r);
        assertThat(steps.size()).isGreaterThan(5);
        for (int i = 0; i < steps.size(); i++) {
            assertThat(text).startsWith(steps.get(i));
            if (i > 0)
                assertThat(steps.get(i).length()).isGreaterThan(steps.get(i - 1).length());
        }
        assertThat(steps.get(steps.size() - 1)).isEqualTo(text);
    }

    @Test
    void wordsAreFinishedRatherThanCutInTheMiddle() {
        String full = "Sejuk Compact Rice Cooker untuk keluarga besar";
        TextReveal r = new TextReveal();
        r.offer(full);
        for (String shown : revealAll(r)) {
            boolean atWordEnd = shown.length() == full.length() || full.charAt(shown.length()) == ' ';
            assertThat(atWordEnd).as("'%s' ends at a word end", shown).isTrue();
        }
    }

    @Test
    void evenAVeryLongReplyIsFullyShownWithinTheStepLimit() {
        String text = "word ".repeat(2_000);
        TextReveal r = new TextReveal();
        r.offer(text);
        assertThat(revealAll(r)).hasSizeLessThanOrEqualTo(TextReveal.MAX_STEPS);
    }

    @Test
    void streamedTokensKeepTheirOrderAndTheFinalTextCompletesThem() {
        TextReveal r = new TextReveal();
        r.offer("Only 3 ");
        assertThat(revealAll(r)).last().isEqualTo("Only 3 ");
        r.offer("left of ");
        r.complete("Only 3 left of Kaleido Edge 3.");
        assertThat(revealAll(r)).last().isEqualTo("Only 3 left of Kaleido Edge 3.");
    }

    @Test
    void aFinalTextThatDiffersFromTheStreamedOneReplacesItFromWhereTheyDiffer() {
        TextReveal r = new TextReveal();
        r.offer("The price is Rp 9");
        revealAll(r);
        r.complete("The price is Rp 1.250.000");
        assertThat(r.visible()).isEqualTo("The price is Rp ");
        assertThat(revealAll(r)).last().isEqualTo("The price is Rp 1.250.000");
    }

    @Test
    void anEmojiIsNeverSplitInHalf() {
        String text = "ok" + "\uD83D\uDE00".repeat(30);
        TextReveal r = new TextReveal();
        r.offer(text);
        for (String shown : revealAll(r)) {
            assertThat(Character.isHighSurrogate(shown.charAt(shown.length() - 1)))
                    .isFalse();
        }
    }
}
