package com.shopassist.data.cart;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.core.cart.CartNotice;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A cart read while a newer release has already written notices this one does not know (a rolling upgrade). */
class CartNoticeKindsTest {

    static CartMapper.NoticeRow row(String kind, String reference) {
        return new CartMapper.NoticeRow(
                kind, null, null, 2, 0, null, null, null, reference, null, Instant.parse("2026-12-03T10:00:00Z"));
    }

    @Test
    void aNoticeOfAKindThisReleaseDoesNotKnowIsSkippedAndTheOthersAreRead() {
        List<CartNotice> notices = MyBatisCartRepository.toNotices(List.of(
                row("CHECKOUT_REJECTED", "Q-1"),
                row("SOMETHING_A_NEWER_RELEASE_ADDED", "K-9"),
                row("CHANGES_WAITING", "K-1")));

        assertThat(notices)
                .extracting(CartNotice::kind, CartNotice::reference)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(CartNotice.Kind.CHECKOUT_REJECTED, "Q-1"),
                        org.assertj.core.groups.Tuple.tuple(CartNotice.Kind.CHANGES_WAITING, "K-1"));
    }

    @Test
    void aCartWithOnlyUnknownNoticesReadsAsOneWithout() {
        assertThat(MyBatisCartRepository.toNotices(List.of(row("LATER", null), row("LATER", null))))
                .isEmpty();
    }
}
