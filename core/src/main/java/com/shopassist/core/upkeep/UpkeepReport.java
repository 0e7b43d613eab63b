package com.shopassist.core.upkeep;

import java.time.Duration;
import java.time.Instant;

/**
 * What one upkeep run did. {@code ran} is false when another kiosk (or process) held the store's
 * upkeep lock, so this one skipped the work and every count is zero.
 */
public record UpkeepReport(
        boolean ran,
        Instant startedAt,
        Duration took,
        int chatMessagesRedacted,
        int guestChatsDeleted,
        int sessionsDeleted,
        int holdsSwept,
        int searchMissesDeleted) {

    public static UpkeepReport skipped(Instant at) {
        return new UpkeepReport(false, at, Duration.ZERO, 0, 0, 0, 0, 0);
    }

    /** One line for a log or a terminal. */
    public String describe() {
        if (!ran) return "upkeep skipped: another kiosk is doing it";
        return String.format(
                "upkeep done in %d ms: %d chat messages redacted, %d guest chats deleted, %d ended sessions deleted,"
                        + " %d expired holds swept, %d old searches deleted",
                took.toMillis(),
                chatMessagesRedacted,
                guestChatsDeleted,
                sessionsDeleted,
                holdsSwept,
                searchMissesDeleted);
    }
}
