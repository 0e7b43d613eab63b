package com.shopassist.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchMissLogTest {

    @Test
    void aQueryIsKeptFoldedAndCappedInCharactersNotUnits() {
        assertThat(SearchMissLog.fold("  Sepatu\t  RODA ")).isEqualTo("sepatu roda");
        assertThat(SearchMissLog.fold("   ")).isNull();
        assertThat(SearchMissLog.fold(null)).isNull();
        String folded = SearchMissLog.fold("👟".repeat(150));
        assertThat(folded.codePointCount(0, folded.length())).isEqualTo(SearchMissLog.MAX_CHARS);
    }
}
