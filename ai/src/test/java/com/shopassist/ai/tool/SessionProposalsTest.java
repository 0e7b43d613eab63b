package com.shopassist.ai.tool;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.chat.ChatContext;
import com.shopassist.core.chat.PendingProposal;
import com.shopassist.core.chat.ProposedAction;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The proposal store in memory: a proposal is taken once, by its own session and cart owner. */
class SessionProposalsTest {

    final SessionProposals store = new SessionProposals(Clock.systemUTC());

    static ChatContext guest(UUID session, String key) {
        return new ChatContext(session, CartOwner.guest(key), null, null, Locale.ENGLISH);
    }

    ProposedAction clearCart(ChatContext ctx) {
        return store.propose(ctx, ProposedAction.Kind.CLEAR_CART, "Clear the cart?", Map.of("item_count", "2"));
    }

    @Test
    void aProposalIsTakenOnlyByItsSessionAndOwnerAndOnlyOnce() {
        UUID session = UUID.randomUUID();
        ChatContext ctx = guest(session, "kiosk-1");
        ProposedAction a = clearCart(ctx);

        assertThat(store.take(guest(UUID.randomUUID(), "kiosk-1"), a))
                .as("another session")
                .isEmpty();
        assertThat(store.take(guest(session, "kiosk-2"), a))
                .as("another cart owner")
                .isEmpty();
        assertThat(store.pending(guest(session, "kiosk-2")))
                .as("not shown to another owner")
                .isEmpty();
        ProposedAction changed = new ProposedAction(a.id(), a.kind(), a.summary(), Map.of("item_count", "9"));
        assertThat(store.take(ctx, changed)).as("changed parameters").isEmpty();

        assertThat(store.take(ctx, a)).map(PendingProposal::action).contains(a);
        assertThat(store.take(ctx, a)).as("a second confirmation").isEmpty();
        assertThat(store.pending(ctx)).isEmpty();
    }

    @Test
    void aNewerProposalReplacesTheOlderOne() {
        ChatContext ctx = guest(UUID.randomUUID(), "kiosk-1");
        ProposedAction older = clearCart(ctx);
        ProposedAction newer = clearCart(ctx);
        assertThat(store.take(ctx, older)).isEmpty();
        assertThat(store.take(ctx, newer)).isPresent();
    }

    @Test
    void ofManyConcurrentConfirmationsExactlyOneTakesIt() throws Exception {
        ChatContext ctx = guest(UUID.randomUUID(), "kiosk-1");
        ProposedAction a = clearCart(ctx);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Optional<PendingProposal>>> takes = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                takes.add(pool.submit(() -> {
                    start.await();
                    return store.take(ctx, a);
                }));
            }
            start.countDown();
            int taken = 0;
            for (Future<Optional<PendingProposal>> f : takes) if (f.get().isPresent()) taken++;
            assertThat(taken).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
