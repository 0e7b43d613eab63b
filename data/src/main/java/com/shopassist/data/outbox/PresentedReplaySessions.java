package com.shopassist.data.outbox;

import com.shopassist.core.outbox.ReplaySessions;
import com.shopassist.data.db.PresentedSessions;
import java.util.Objects;
import java.util.function.Supplier;

/** The sessions the store's database connections present (decision 0080), for an outbox replay. */
public final class PresentedReplaySessions implements ReplaySessions {

    private final PresentedSessions sessions;

    /** @param sessions those of the store's shared database, not the kiosk's local one */
    public PresentedReplaySessions(PresentedSessions sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    public String presented() {
        return sessions.presented();
    }

    @Override
    public <T> T as(String token, Supplier<T> work) {
        return sessions.as(token, work);
    }
}
