package com.shopassist.data.clerk;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.core.clerk.ClerkCall;
import com.shopassist.core.clerk.ClerkCallEvent;
import com.shopassist.core.clerk.ClerkCallEvent.Kind;
import com.shopassist.core.clerk.ClerkCallService;
import com.shopassist.core.clerk.DefaultClerkCallService;
import com.shopassist.data.CommerceFixture;
import com.shopassist.data.db.Database;
import com.shopassist.data.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Clerk calls over real LISTEN / NOTIFY: two listening windows, two clerks, a dropped connection. */
class ClerkCallIT {

    static Database db;
    static CommerceFixture fx;
    static ClerkCallService calls;
    static long sari;
    static long tono;

    @BeforeAll
    static void up() {
        db = TestDatabase.fresh(6);
        fx = new CommerceFixture(db);
        calls = new DefaultClerkCallService(
                new MyBatisClerkCallRepository(db.mapper(ClerkCallMapper.class)), Duration.ofMinutes(5));
        sari = fx.customer("Sari Clerk", "sari@example.com");
        tono = fx.customer("Tono Clerk", "tono@example.com");
    }

    @AfterAll
    static void down() {
        db.close();
    }

    /** A listening window: its own LISTEN connection, the events it heard. */
    static final class Window implements AutoCloseable {
        final BlockingQueue<ClerkCallEvent> heard = new LinkedBlockingQueue<>();
        final AutoCloseable feed;

        Window() throws Exception {
            feed = new PgClerkCallFeed(db, Duration.ofMillis(100)).listen(heard::add);
            assertThat(next()).extracting(ClerkCallEvent::kind).isEqualTo(Kind.RESYNC);
        }

        ClerkCallEvent next() throws InterruptedException {
            ClerkCallEvent e = heard.poll(20, TimeUnit.SECONDS);
            assertThat(e).as("an event within 20 s").isNotNull();
            return e;
        }

        /** The next event that is not a RESYNC. */
        ClerkCallEvent nextCall() throws InterruptedException {
            ClerkCallEvent e;
            do e = next();
            while (e.kind() == Kind.RESYNC);
            return e;
        }

        @Override
        public void close() throws Exception {
            feed.close();
        }
    }

    @Test
    void everyListeningWindowHearsACallAndExactlyOneOfTwoClerksTakesIt() throws Exception {
        try (Window counter = new Window();
                Window floor = new Window()) {
            ClerkCall call = calls.call("Kiosk Sepatu 2");

            for (Window w : List.of(counter, floor)) {
                assertThat(w.nextCall()).isEqualTo(new ClerkCallEvent(Kind.CALLED, call.id(), "Kiosk Sepatu 2"));
            }
            assertThat(calls.open()).extracting(ClerkCall::id).contains(call.id());

            CyclicBarrier together = new CyclicBarrier(2);
            CompletableFuture<Boolean> bySari = CompletableFuture.supplyAsync(() -> {
                await(together);
                return calls.take(call.id(), sari, "Sari");
            });
            CompletableFuture<Boolean> byTono = CompletableFuture.supplyAsync(() -> {
                await(together);
                return calls.take(call.id(), tono, "Tono");
            });

            assertThat(List.of(bySari.get(20, TimeUnit.SECONDS), byTono.get(20, TimeUnit.SECONDS)))
                    .containsExactlyInAnyOrder(true, false);
            ClerkCall taken = calls.find(call.id()).orElseThrow();
            assertThat(taken.status()).isEqualTo(ClerkCall.Status.TAKEN);
            assertThat(taken.takenByName()).isEqualTo(bySari.join() ? "Sari" : "Tono");
            for (Window w : List.of(counter, floor)) {
                assertThat(w.nextCall()).isEqualTo(new ClerkCallEvent(Kind.TAKEN, call.id(), "Kiosk Sepatu 2"));
            }
            assertThat(calls.open()).extracting(ClerkCall::id).doesNotContain(call.id());
            assertThat(calls.take(call.id(), tono, "Tono")).isFalse();
        }
    }

    @Test
    void aCallNoClerkTakesExpiresAndEveryWindowHearsIt() throws Exception {
        try (Window w = new Window()) {
            ClerkCall call = calls.call("Kiosk Dapur");
            assertThat(w.nextCall().kind()).isEqualTo(Kind.CALLED);
            fx.queryLong(
                    "UPDATE tbl_clerk_call SET called_at = now() - interval '6 minutes' WHERE clerk_call_id = ? RETURNING 1",
                    call.id());

            assertThat(calls.expireOverdue()).isEqualTo(1);

            assertThat(w.nextCall()).isEqualTo(new ClerkCallEvent(Kind.EXPIRED, call.id(), "Kiosk Dapur"));
            assertThat(calls.find(call.id()).orElseThrow().status()).isEqualTo(ClerkCall.Status.EXPIRED);
            assertThat(calls.take(call.id(), sari, "Sari")).isFalse();
            assertThat(calls.expireOverdue()).isZero();
        }
    }

    @Test
    void aWindowWhoseConnectionDropsListensAgainAndSaysItMayHaveMissedCalls() throws Exception {
        try (Window w = new Window()) {
            long killed = fx.queryLong("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND query LIKE '%shopassist_clerk_call%'"
                    + " AND pid <> pg_backend_pid()");
            assertThat(killed).isEqualTo(1);

            assertThat(w.next().kind()).as("heard again after reconnecting").isEqualTo(Kind.RESYNC);
            ClerkCall call = calls.call("Kiosk Elektronik");
            assertThat(w.nextCall()).isEqualTo(new ClerkCallEvent(Kind.CALLED, call.id(), "Kiosk Elektronik"));
        }
    }

    @Test
    void aNotificationThatIsNotACallIsIgnored() {
        assertThat(PgClerkCallFeed.parse("not json")).isNull();
        assertThat(PgClerkCallFeed.parse("{\"event\":\"CALLED\",\"id\":3,\"kiosk\":\"K\"}"))
                .isEqualTo(new ClerkCallEvent(Kind.CALLED, 3, "K"));
    }

    static void await(CyclicBarrier b) {
        try {
            b.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
