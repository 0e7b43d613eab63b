package com.shopassist.core.upkeep;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.core.catalog.SearchMissLog;
import com.shopassist.core.privacy.ChatPurge;
import com.shopassist.core.privacy.PrivacyService;
import com.shopassist.core.stock.StockService;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** What the upkeep does with the lock taken and with it held elsewhere (the SQL: data's UpkeepIT). */
class DefaultUpkeepServiceTest {

    static final Instant NOW = Instant.parse("2026-11-25T03:00:00Z");

    final List<String> done = new ArrayList<>();
    boolean lockFree = true;
    boolean insideLock;

    final UpkeepLock lock = new UpkeepLock() {
        @Override
        public <T> Optional<T> tryExclusively(Supplier<T> work) {
            if (!lockFree) return Optional.empty();
            insideLock = true;
            try {
                return Optional.of(work.get());
            } finally {
                insideLock = false;
            }
        }
    };

    final PrivacyService privacy = proxy(PrivacyService.class, "purgeOldChats", new ChatPurge(4, 2));
    final StockService stock = proxy(StockService.class, "sweepExpiredHolds", 5);
    final SessionSweeper sessions = () -> {
        record("deleteEndedSessions");
        return 3;
    };
    final SearchMissLog searches = new SearchMissLog() {
        @Override
        public void record(String foldedQuery, Instant at) {
            throw new AssertionError("the upkeep records no search");
        }

        @Override
        public int deleteBefore(Instant before) {
            DefaultUpkeepServiceTest.this.record("deleteSearchesBefore " + before);
            return 6;
        }
    };

    <T> T proxy(Class<T> type, String expected, Object answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> {
            if (!m.getName().equals(expected)) throw new AssertionError("unexpected " + m);
            record(expected);
            return answer;
        }));
    }

    void record(String what) {
        done.add(what + (insideLock ? "" : " OUTSIDE THE LOCK"));
    }

    UpkeepService service() {
        return new DefaultUpkeepService(
                lock, privacy, sessions, stock, searches, Duration.ofDays(90), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void withTheLockEveryTaskRunsInsideItAndIsCounted() {
        UpkeepReport r = service().runOnce();

        assertThat(done)
                .containsExactly(
                        "purgeOldChats",
                        "deleteEndedSessions",
                        "sweepExpiredHolds",
                        "deleteSearchesBefore " + NOW.minus(Duration.ofDays(90)));
        assertThat(r.ran()).isTrue();
        assertThat(r.startedAt()).isEqualTo(NOW);
        assertThat(List.of(
                        r.chatMessagesRedacted(),
                        r.guestChatsDeleted(),
                        r.sessionsDeleted(),
                        r.holdsSwept(),
                        r.searchMissesDeleted()))
                .containsExactly(4, 2, 3, 5, 6);
        assertThat(r.describe()).contains("4 chat messages redacted", "2 guest chats deleted", "5 expired holds");
    }

    @Test
    void whenAnotherKioskHoldsTheLockNothingRuns() {
        lockFree = false;

        UpkeepReport r = service().runOnce();

        assertThat(done).isEmpty();
        assertThat(r).isEqualTo(UpkeepReport.skipped(NOW));
        assertThat(r.describe()).contains("skipped");
    }
}
