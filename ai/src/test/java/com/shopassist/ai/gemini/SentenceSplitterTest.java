package com.shopassist.ai.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.ai.gemini.SentenceSplitter.Piece;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    private static List<String> sentences(String text) {
        SentenceSplitter s = new SentenceSplitter();
        List<Piece> pieces = new ArrayList<>(s.offer(text));
        pieces.addAll(s.finish());
        return pieces.stream().filter(p -> !p.gap()).map(Piece::text).toList();
    }

    @Test
    void aPriceAtTheEndOfASentenceEndsItOnce() {
        assertThat(sentences("It costs Rp 1.250.000. Want it?")).containsExactly("It costs Rp 1.250.000.", "Want it?");
    }

    @Test
    void abbreviationsAndDecimalsDoNotEndASentence() {
        assertThat(sentences(
                        "Send it to Jl. Sudirman No. 5. Rated 4.5 stars. Rp. 500.000 e.g. for two. Say yes or no. Ok"))
                .containsExactly(
                        "Send it to Jl. Sudirman No. 5.",
                        "Rated 4.5 stars.",
                        "Rp. 500.000 e.g. for two.",
                        "Say yes or no.",
                        "Ok");
    }

    @Test
    void etcEndsASentenceOnlyBeforeACapital() {
        assertThat(sentences("Cables, cases, etc. are here. Speakers, etc. We also"))
                .containsExactly("Cables, cases, etc. are here.", "Speakers, etc.", "We also");
    }

    @Test
    void listItemsAreLinesAndTheirNumbersAreNoSentences() {
        SentenceSplitter s = new SentenceSplitter();
        List<Piece> pieces =
                new ArrayList<>(s.offer("Two picks:\n1. **JBL** - Rp 699.000\n2. **Sony** - Rp 4.999.000"));
        pieces.addAll(s.finish());
        List<Piece> content = pieces.stream().filter(p -> !p.gap()).toList();
        assertThat(content)
                .extracting(Piece::text)
                .containsExactly("Two picks:", "1. **JBL** - Rp 699.000", "2. **Sony** - Rp 4.999.000");
        assertThat(content).extracting(Piece::listItem).containsExactly(false, true, true);
    }

    @Test
    void aSentenceIsHandedOutAsSoonAsItsEndIsCertain() {
        SentenceSplitter s = new SentenceSplitter();
        assertThat(s.offer("Hello there")).isEmpty();
        assertThat(s.offer(". ")).extracting(Piece::text).containsExactly("Hello there.", " ");
        // a point right after digits may be the middle of "1.250.000": the next token decides
        assertThat(s.offer("It is Rp 1.250.")).isEmpty();
        assertThat(s.offer("000")).isEmpty();
        assertThat(s.offer(". Next")).extracting(Piece::text).containsExactly("It is Rp 1.250.000.", " ");
        assertThat(s.finish()).extracting(Piece::text).containsExactly("Next");
    }

    @Test
    void theTextComesBackWholeHoweverItIsCut() {
        String text =
                "Here are two:\n\n- **JBL Tune 520BT** - Rp 699.000. Great bass!\n- **Sony** (No. 5)... ok?  \n\nBye";
        for (int size = 1; size <= 7; size++) {
            SentenceSplitter s = new SentenceSplitter();
            StringBuilder back = new StringBuilder();
            for (int i = 0; i < text.length(); i += size) {
                for (Piece p : s.offer(text.substring(i, Math.min(text.length(), i + size)))) back.append(p.text());
            }
            for (Piece p : s.finish()) back.append(p.text());
            assertThat(back).as("chunks of %d", size).hasToString(text);
        }
    }
}
