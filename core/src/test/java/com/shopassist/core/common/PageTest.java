package com.shopassist.core.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageTest {

    @Test
    void anExactTotalIsNeverBeyondTheBound() {
        Page<String> past = new Page<>(List.of(), 30, 9, 20);

        assertThat(past.moreThanTotal()).isFalse();
        assertThat(past.beyondBound()).isFalse();
        assertThat(past.totalPages()).isEqualTo(2);
    }

    @Test
    void anEmptyPagePastABoundedTotalIsBeyondTheBound() {
        Page<String> last = new Page<>(List.of("a"), 1000, 50, 20, true);
        Page<String> past = new Page<>(List.of(), 1000, 51, 20, true);

        assertThat(last.beyondBound()).isFalse();
        assertThat(past.beyondBound()).isTrue();
    }

    @Test
    void otherItemsKeepTheTotalAndTheBound() {
        Page<Integer> lengths = new Page<>(List.of("ab", "c"), 1000, 1, 20, true).withItems(List.of(2, 1));

        assertThat(lengths).isEqualTo(new Page<>(List.of(2, 1), 1000, 1, 20, true));
    }
}
