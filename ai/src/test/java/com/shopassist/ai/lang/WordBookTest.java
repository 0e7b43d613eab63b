package com.shopassist.ai.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WordBookTest {

    private static final WordBook WORDS = WordBook.load(WordBookTest.class, "words");

    @Test
    void listsJoinBothLanguagesEnglishFirst() {
        assertThat(WORDS.list("yes", Lang.EN)).contains("yes").doesNotContain("ya");
        assertThat(WORDS.list("yes", Lang.ID)).contains("ya").doesNotContain("yes");
        assertThat(WORDS.list("yes")).startsWith("yes").contains("ya");
    }

    @Test
    void aFileIsReadOncePerProcess() {
        assertThat(WordBook.load(YesNo.class, "words")).isSameAs(WORDS);
    }

    @Test
    void aSectionNeitherFileHasIsAnError() {
        assertThatThrownBy(() -> WORDS.list("yse")).hasMessageContaining("[yse]");
    }

    @Test
    void tablesReadKeyEqualsValue() {
        WordBook numbers = WordBook.load(NumberWords.class, "numbers");
        assertThat(numbers.numbers("multipliers"))
                .containsEntry("juta", 1_000_000L)
                .containsEntry("k", 1_000L);
        assertThat(NumberWords.UNITS)
                .containsEntry("setengah", NumberWords.HALF)
                .containsEntry("dua", 2);
    }
}
