package com.shopassist.core.upkeep;

import com.shopassist.core.catalog.SearchMissLog;
import com.shopassist.core.privacy.ChatPurge;
import com.shopassist.core.privacy.PrivacyService;
import com.shopassist.core.stock.StockService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * {@link UpkeepService}: under the store's {@link UpkeepLock}, the purge, the session deletion, the
 * hold sweep and the deletion of old searches that found nothing, each in its own transactions (none of them needs the others' to be atomic, and
 * short transactions keep row locks brief while shoppers buy).
 */
public final class DefaultUpkeepService implements UpkeepService {

    private final UpkeepLock lock;
    private final PrivacyService privacy;
    private final SessionSweeper sessions;
    private final StockService stock;
    private final SearchMissLog searchMisses;
    private final Duration retention;
    private final Clock clock;

    /** {@code retention}: how long what shoppers typed is kept (chats, searches that found nothing). */
    public DefaultUpkeepService(
            UpkeepLock lock,
            PrivacyService privacy,
            SessionSweeper sessions,
            StockService stock,
            SearchMissLog searchMisses,
            Duration retention,
            Clock clock) {
        this.lock = lock;
        this.privacy = privacy;
        this.sessions = sessions;
        this.stock = stock;
        this.searchMisses = searchMisses;
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public UpkeepReport runOnce() {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        return lock.tryExclusively(() -> {
                    ChatPurge purge = privacy.purgeOldChats();
                    int ended = sessions.deleteEndedSessions();
                    int holds = stock.sweepExpiredHolds();
                    int searches = searchMisses.deleteBefore(started.minus(retention));
                    return new UpkeepReport(
                            true,
                            started,
                            Duration.ofNanos(System.nanoTime() - t0),
                            purge.messagesRedacted(),
                            purge.guestChatsDeleted(),
                            ended,
                            holds,
                            searches);
                })
                .orElseGet(() -> UpkeepReport.skipped(started));
    }
}
